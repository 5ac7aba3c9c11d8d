import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOGS_FOLDER, openLog } from '../../../../main/core/log';
import { scrubText } from '../../../../main/core/log-scrub';
import { makeTempDir } from '../../../support/temp-dir';

const PIN = '4711081512';
const PUK = '0912345678';
const API_SECRET = 'Zk3q9XbR2mW7pL0sV5tY8uN1cE4hJ6gA';
const PASSPHRASE = 'correct horse battery staple';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZWNoIn0.c2lnbmF0dXJlLXBhcnQ';
const REFRESH = 'r3fr3sh-T0ken-9f8e7d6c5b4a39281706';
const SECRETS = [PIN, PUK, API_SECRET, PASSPHRASE, TOKEN, REFRESH];

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

function tempDir() {
  const dir = makeTempDir('tss-log-');
  dirs.push(dir);
  return dir.path;
}

const logText = (dataDir: string) =>
  readdirSync(join(dataDir, LOGS_FOLDER))
    .map((name) => readFileSync(join(dataDir, LOGS_FOLDER, name), 'utf8'))
    .join('\n');

describe('the log file', () => {
  it('is written under logs/, one JSON line per call, owner-only', async () => {
    const dataDir = tempDir();
    const log = openLog(dataDir, { shell: 'app' });
    log.info('services started', { version: '1.2.3', tssId: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b' });
    log.child({ source: 'renderer' }).warn('screen failed', { screen: 'home' });
    await log.close();
    const lines = readFileSync(join(dataDir, LOGS_FOLDER, 'app.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ msg: 'services started', version: '1.2.3', tssId: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b', shell: 'app' });
    expect(lines[1]).toMatchObject({ msg: 'screen failed', source: 'renderer', screen: 'home', level: 40 });
    expect(statSync(join(dataDir, LOGS_FOLDER)).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, LOGS_FOLDER, 'app.log')).mode & 0o777).toBe(0o600);
  });

  it('rotates by size and keeps a fixed count of files', async () => {
    const dataDir = tempDir();
    const log = openLog(dataDir, { shell: 'cli', size: '1K', filesKept: 2 });
    for (let i = 0; i < 200; i++) {
      log.info('line of a long run', { i, padding: 'x'.repeat(40) });
      // rotating-file-stream rotates between writes: let it run.
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await log.close();
    const files = readdirSync(join(dataDir, LOGS_FOLDER));
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3); // the current file and two rotated ones
    for (const file of files) expect(statSync(join(dataDir, LOGS_FOLDER, file)).size).toBeLessThan(4096);
  });

  it('never holds a PIN, PUK, API secret, passphrase or token, whatever shape it was passed in', async () => {
    const dataDir = tempDir();
    const log = openLog(dataDir, { shell: 'app', level: 'debug' });
    // As keys, in several spellings and depths.
    log.info('keys', { pin: PIN, puk: PUK, adminPin: PIN, admin_puk: PUK, apiSecret: API_SECRET, api_secret: API_SECRET, passphrase: PASSPHRASE });
    log.info('nested', { request: { headers: { Authorization: `Bearer ${TOKEN}` }, body: { content: { api_secret: API_SECRET } } } });
    log.info('deep', { a: { b: { c: { d: { refresh_token: REFRESH, vaultPassphrase: PASSPHRASE } } } } });
    log.info('arrays', { entries: [{ secret: { pin: PIN } }, { puk: PUK }], raw: [PIN, PUK, TOKEN] });
    log.info('a number', { adminPin: Number(PIN), newPin: PIN, value: Number(PUK), list: [Number(PIN)] });
    // In the message, as plain facts, key=value, JSON and URLs.
    log.warn(`PIN ${PIN} and PUK ${PUK} were typed`);
    log.warn(`pin=${PIN}&puk=${PUK}; api_secret: ${API_SECRET}; passphrase="${PASSPHRASE}"`);
    log.warn(JSON.stringify({ admin_pin: PIN, admin_puk: PUK, access_token: TOKEN, refresh_token: REFRESH }));
    log.warn(`GET https://example.invalid/tss?token=${TOKEN}&x=1`);
    log.error('Authorization header', { header: `Bearer ${REFRESH}`, text: `Authorization: Basic ${API_SECRET}` });
    // Values under innocent keys, and errors.
    log.info('innocent keys', { value: PIN, note: `the secret is ${API_SECRET}`, id: TOKEN, other: REFRESH });
    log.error('failed', { error: new Error(`login with ${API_SECRET} and PIN ${PIN} failed (token ${TOKEN})`) });
    log.error('cause', { error: Object.assign(new Error('wrong'), { code: PUK }) });
    // As a value encoded the way a transport might.
    log.info('encoded', { body: Buffer.from(JSON.stringify({ pin: PIN })).toString('base64'), hex: Buffer.from(API_SECRET).toString('hex') });
    // A child's source, and a key that is the secret.
    log.child({ source: `renderer ${PIN}` }).info('child', { [PUK]: true });
    await log.close();

    const text = logText(dataDir);
    expect(text).toContain('[redacted]');
    for (const secret of SECRETS) expect(text, `found ${secret}`).not.toContain(secret);
    // The encoded forms of each secret are gone as well.
    for (const secret of SECRETS) {
      expect(text).not.toContain(Buffer.from(secret).toString('base64'));
      expect(text).not.toContain(Buffer.from(secret).toString('hex'));
    }
  });
});

describe('scrubText', () => {
  it('keeps ids, dates, small numbers and plain words', () => {
    const line = 'run 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b step 7 of 12 at 2026-11-30T07:33:59.123Z on 127.0.0.1:53211: the admin PIN is blocked';
    expect(scrubText(line)).toBe(line);
  });

  it('replaces keyed values, bearer credentials, JWTs, long tokens and PIN-length digit runs', () => {
    expect(scrubText(`pin=${PIN}`)).toBe('pin=[redacted]');
    expect(scrubText(`"apiSecret":"x"`)).toBe('"apiSecret":"[redacted]"');
    expect(scrubText(`Bearer abc.def`)).toBe('Bearer [redacted]');
    expect(scrubText(`t ${TOKEN}`)).toBe('t [redacted]');
    expect(scrubText(`k ${API_SECRET}.`)).toBe('k [redacted].');
    expect(scrubText(`PUK ${PUK}.`)).toBe('PUK [redacted].');
  });
});

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../main/cli/tss-companion.js');
const PASSPHRASE = 'a long test passphrase for the cli';

/** The real bin in a child process, as a technician runs it. */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, TSS_COMPANION_PASSPHRASE: PASSPHRASE, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('tss-companion CLI', () => {
  const dir = makeTempDir();
  const dataDir = ['--data-dir', dir.path];
  let report: Array<{ tssId: string; receipt: { qrCodeData: string; valid: boolean }; clients: unknown[] }>;
  let stdout = '';
  beforeAll(async () => {
    const result = await cli(['provision', '--sandbox', '--clients', '3', '--store', 'Filiale CLI', '--json', ...dataDir]);
    expect(result.code, result.stderr).toBe(0);
    stdout = result.stdout;
    report = JSON.parse(stdout);
  }, 60_000);
  afterAll(() => dir.remove());

  it('provisions a store in the sandbox and reports it as JSON without a PIN or PUK', async () => {
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ status: 'done', storeName: 'Filiale CLI', receipt: { valid: true } });
    expect(report[0]!.clients).toHaveLength(3);
    const puk = (await cli(['recover', 'reveal', report[0]!.tssId, ...dataDir])).stdout.trim();
    expect(puk).toMatch(/^\d{10}$/);
    expect(stdout).not.toContain(puk);
    expect(stdout).not.toMatch(/admin_?pin|admin_?puk/i);
  });

  it('verifies a receipt QR: 0 valid, 1 invalid, 2 not parseable', async () => {
    const qr = report[0]!.receipt.qrCodeData;
    const valid = await cli(['verify-qr', qr]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/ok {3}signature/);
    const fields = qr.split(';');
    fields[3] = fields[3]!.replace('1.00', '9.00');
    const tampered = await cli(['verify-qr', fields.join(';')]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/FAIL signature/);
    const garbage = await cli(['verify-qr', 'hello']);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lists known TSS offline and refuses a wrong passphrase with exit 4', async () => {
    const list = await cli(['recover', 'list', ...dataDir]);
    expect(list.stdout).toContain(report[0]!.tssId);
    expect(list.stdout).toMatch(/PUK stored, PIN stored/);
    const wrong = await cli(['recover', 'list', ...dataDir], { TSS_COMPANION_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('provisions many stores from a CSV plan', async () => {
    const plan = join(dir.path, 'plan.csv');
    writeFileSync(plan, 'store,client_serial,test_receipt\nNord,N-1,no\nNord,N-2,no\nSüd,S-1,no\n');
    const result = await cli(['provision', '--sandbox', '--plan', plan, '--json', ...dataDir]);
    expect(result.code, result.stderr).toBe(0);
    const stores = JSON.parse(result.stdout) as Array<{ storeName: string; clients: unknown[] }>;
    expect(stores.map((s) => [s.storeName, s.clients.length])).toEqual([['Nord', 2], ['Süd', 1]]);
  }, 60_000);

  it.each([
    [['provision', '--clients', '3'], /--sandbox or --base-url/],
    [['provision', '--sandbox', '--clients', '500'], /--clients takes a whole number/],
    [['provision', '--base-url', 'https://example.invalid/api/v2', '--clients', '1'], /FISKALY_API_KEY/],
    [['provision', '--sandbox', '--live', '--clients', '1'], /--confirm-live LIVE/],
    [['provision', '--sandbox', '--api-secret', 'x'], /Unknown option/],
    [['frobnicate'], /unknown command/],
  ])('refuses %j with one clear line and exit 2', async (args, message) => {
    const result = await cli([...args, ...dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

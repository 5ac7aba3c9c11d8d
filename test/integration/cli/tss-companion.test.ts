import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

const PASSPHRASE = 'a long test passphrase for the cli';
/** A TEST or LIVE store's taxpayer and Betriebsstätte on the command line. */
const MASTER_DATA_FLAGS = ['--legal-name', 'Nord GmbH', '--tax-number', '93815/08152', '--bundesland', 'BW', '--street', 'Königstraße', '--house-number', '7', '--postcode', '70173', '--town', 'Stuttgart'];

const cli = (args: string[], env: Record<string, string> = {}) => runCliProcess(args, { env: { TSS_COMPANION_PASSPHRASE: PASSPHRASE, ...env } });

describe('tss-companion CLI', () => {
  const dir = makeTempDir();
  const dataDir = ['--data-dir', dir.path];
  let report: Array<{ runId: string; tssId: string; receipt: { qrCodeData: string; valid: boolean }; clients: unknown[] }>;
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

  it('invents sandbox serials per store; takes the technician’s with --client and warns (not refuses) about one another store here has', async () => {
    // A data folder of its own: the sandbox's TEST organization holds five TSS at most.
    const own = makeTempDir();
    try {
      const serialsOf = (stdout: string) => (JSON.parse(stdout) as Array<{ clients: Array<{ serialNumber: string }> }>)[0]!.clients.map((c) => c.serialNumber);
      const first = await cli(['provision', '--sandbox', '--clients', '2', '--store', 'Filiale Süd', '--no-receipt', '--json', '--data-dir', own.path]);
      expect(first.code, first.stderr).toBe(0);
      const serials = serialsOf(first.stdout);
      expect(serials).toEqual([expect.stringMatching(/^FILIALE-SUED-[0-9A-F]{4}-01$/), expect.stringMatching(/^FILIALE-SUED-[0-9A-F]{4}-02$/)]);
      const again = await cli(['provision', '--sandbox', '--clients', '1', '--store', 'Filiale Süd', '--no-receipt', '--json', '--data-dir', own.path]);
      expect(again.code, again.stderr).toBe(0);
      expect(serialsOf(again.stdout)[0]).not.toBe(serials[0]);
      const taken = serials[0]!.toLowerCase();
      const result = await cli(['provision', '--sandbox', '--store', 'Filiale Zwei', '--client', 'Z-1', '--client', taken, '--no-receipt', '--json', '--data-dir', own.path]);
      expect(result.code, result.stderr).toBe(0);
      expect(serialsOf(result.stdout)).toEqual(['Z-1', taken]);
      expect(result.stderr).toContain(`Filiale Zwei: warning: the till serial ${taken} is already used by the store Filiale Süd (SANDBOX) on this laptop`);
      expect(result.stderr).not.toMatch(/warning: the till serial Z-1/);
    } finally {
      own.remove();
    }
  }, 90_000);

  it('provisions many stores from a CSV plan', async () => {
    const plan = join(dir.path, 'plan.csv');
    writeFileSync(plan, 'store,client_serial,test_receipt\nNord,N-1,no\nNord,N-2,no\nSüd,S-1,no\n');
    const result = await cli(['provision', '--sandbox', '--plan', plan, '--json', ...dataDir]);
    expect(result.code, result.stderr).toBe(0);
    const stores = JSON.parse(result.stdout) as Array<{ storeName: string; clients: unknown[] }>;
    expect(stores.map((s) => [s.storeName, s.clients.length])).toEqual([['Nord', 2], ['Süd', 1]]);
  }, 60_000);

  it.each([
    [['provision', '--client', 'K-1', ...MASTER_DATA_FLAGS], /--sandbox or --base-url/],
    [['provision', '--sandbox', '--clients', '500'], /--clients takes a whole number/],
    [['provision', '--base-url', 'https://example.invalid/api/v2', '--client', 'K-1', ...MASTER_DATA_FLAGS], /FISKALY_API_KEY/],
    [['provision', '--base-url', 'https://example.invalid/api/v2', '--clients', '2'], /^tss-companion: --clients N invents till serial numbers, which only --sandbox may do: give each till's serial with --client SERIAL \(repeatable\) or a plan file\.\n$/],
    [['provision', '--base-url', 'https://example.invalid/api/v2', '--live', '--confirm-live', 'LIVE', '--client', 'K-1', '--legal-name', 'Nord GmbH'], /a LIVE store needs its taxpayer and Betriebsstätte: add --tax-number --bundesland --street --house-number --postcode --town/],
    [['provision', '--base-url', 'https://example.invalid/api/v2', '--client', 'K-1', ...MASTER_DATA_FLAGS, '--postcode', '7017'], /--postcode: a German postcode is 5 digits, not "7017"/],
    [['provision', '--sandbox', '--client', 'K-1', '--client', 'K/2'], /--client \(the 2nd\): a client serial number is/],
    [['provision', '--sandbox', '--client', 'K-1', '--clients', '2'], /either as --client SERIAL … or \(sandbox\) as --clients N/],
    [['provision', '--sandbox', '--plan', 'p.json', '--client', 'K-1'], /--client gives the tills of the one store on the command line/],
    [['provision', '--sandbox', '--plan', 'p.json', '--town', 'Kiel'], /--town goes with --client; a plan file carries the master data/],
    [['provision', '--sandbox', '--live', '--clients', '1'], /--confirm-live LIVE/],
    [['provision', '--sandbox', '--api-secret', 'x'], /Unknown option/],
    [['frobnicate'], /unknown command 'frobnicate'/i],
    [['provision', '--sandbox', '--clients', '1', '--store', 'Nord\nSüd'], /the value of --store contains a line break \(U\+000A\) at character 5/],
    [['provision', '--sandbox', '--clients', '1', '--store', 'Nord\u001b[2J'], /the value of --store contains an escape character.*\(U\+001B\)/],
    [['provision', '--sandbox', '--clients', '1', '--store=Nord\u202e'], /the value of --store contains a right-to-left override \(U\+202E\)/],
    [['verify-qr', 'V0;\u001b]0;title\u0007'], /argument 2 contains an escape character/],
    [['provision', '--sandbox', '--resume', 'abc'], /--resume takes a run id/],
    [['provision', '--sandbox', '--resume', '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d'], /--resume 3d4e5f60-.*: no such provisioning run/],
    // One id rule (review #15): a run id pasted in upper case is the same run, as for `runs resume`.
    [['provision', '--sandbox', '--resume', '3D4E5F60-7182-4A3B-9C4D-5E6F7A8B9C0D'], /--resume 3d4e5f60-.*: no such provisioning run/],
    [['provision', '--sandbox', '--plan', '/nonexistent/stores.json'], /--plan \/nonexistent\/stores\.json: no such file/],
    [['provision', '--sandbox', '--plan', 'p.json', '--store', 'Nord'], /--store names the store of --client \/ --clients N/],
    [['recover', 'reveal', 'not-an-id'], /recover reveal: "not-an-id" is not a TSS id/],
    [['recover', 'import', '/nonexistent/backup.tsscr'], /recover import \/nonexistent\/backup\.tsscr: no such file/],
    [['sandbox', '--port', 'abc'], /sandbox: --port: must be a whole number/],
    [['runs', '--data-dir='], /--data-dir needs a folder/],
    [['verify-qr', 'V0;x', '--tss-serial', 'abc'], /--tss-serial takes the TSS serial number \(64 hex characters/],
  ])('refuses %j with a clear message and exit 2', async (args, message) => {
    const result = await cli([...args, ...dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^tss-companion: /);
    expect(result.stderr).not.toMatch(/unexpected/i);
    expect(result.stderr).not.toContain('\u001b');
  }, 60_000);

  // Review #8: the run id is known, so a failure before the run goes on names it and its resume line.
  it.each([
    ['runs resume', (runId: string) => ['runs', 'resume', runId]],
    ['provision --resume', (runId: string) => ['provision', '--resume', runId]],
  ])('%s stopped before the run goes on (vault, environment) names the run and its resume line, in --json too', async (_, command) => {
    const runId = report[0]!.runId;
    const resume = `tss-companion runs resume ${runId} --sandbox --data-dir ${dir.path}`;
    const locked = await cli([...command(runId), '--sandbox', '--json', ...dataDir], { TSS_COMPANION_PASSPHRASE: 'not the passphrase at all' });
    expect(locked.code, locked.stderr).toBe(4);
    expect(JSON.parse(locked.stdout)).toMatchObject({ error: { code: 'E_VAULT_WRONG_PASSPHRASE', exit: 4, runId, resume } });
    expect(locked.stderr).toContain(`next: ${resume}`);
    const elsewhere = await cli([...command(runId), '--base-url', 'http://127.0.0.1:9/api/v2', '--json', ...dataDir], { FISKALY_API_KEY: 'key', FISKALY_API_SECRET: 'secret' });
    expect(elsewhere.code, elsewhere.stderr).toBe(2);
    expect(JSON.parse(elsewhere.stdout)).toMatchObject({ error: { code: 'E_USAGE', exit: 2, runId, resume } });
    expect(elsewhere.stderr).toMatch(/is for sandbox, not test: add --sandbox/);
  }, 60_000);

  it('accepts the JSON plan format the README documents: {"stores": [...]} without an environment', async () => {
    const plan = join(dir.path, 'stores.json');
    writeFileSync(plan, JSON.stringify({ stores: [{ storeName: 'West', testReceipt: false, clients: [{ serialNumber: 'W-1' }] }] }));
    const result = await cli(['provision', '--sandbox', '--plan', plan, '--json', ...dataDir]);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as Array<{ storeName: string; environment: string }>)[0]).toMatchObject({ storeName: 'West', environment: 'sandbox' });
  }, 60_000);

  it.each([
    ['bad.json', '{"stores": [{"storeName": "Nord", "clients": [{"serialNumber": "N-1"}]},\n  {"storeName": "S\\u001bd", "clients": [{"serialNumber": "S-1"}]}]}', /bad\.json: stores\[1\]\.storeName: contains an escape character/],
    ['bad.json', '{"storeName": "Nord",\n "clients": [{"serialNumber": "N-1"},]}', /bad\.json: line 2, column 38: not valid JSON/],
    ['nul.json', '{"storeName": "No\u0000rd", "clients": [{"serialNumber": "N-1"}]}', /nul\.json: line 1, column 18: the file contains a NUL byte/],
    ['bad.csv', 'store,client_serial\nNord,N-1\nNord,N_2\n', /bad\.csv: line 3, column client_serial: a client serial number is/],
    ['bad.csv', 'store,client_serial\n"Nord\u001b[31m",N-1\n', /bad\.csv: line 2, column store: contains an escape character/],
    ['live.json', '{"storeName": "Nord", "environment": "live", "clients": [{"serialNumber": "N-1"}]}', /live\.json: environment: the plan says "live" but the command runs in sandbox/],
    ['dates.csv', 'store;client_serial;acquisition_date\nNord;N-1;01.03.2026\nNord;N-2;30.02.2026\n', /dates\.csv: line 3, column acquisition_date: "30\.02\.2026" is not a date/],
  ])('refuses the plan file %s, naming where, with exit 2 and nothing provisioned', async (name, text, message) => {
    const plan = join(dir.path, name);
    writeFileSync(plan, text);
    const runs = () => readdirSync(join(dir.path, 'runs')).sort();
    const before = runs();
    const result = await cli(['provision', '--sandbox', '--plan', plan, ...dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('\u001b');
    expect(runs()).toEqual(before);
  }, 60_000);
});

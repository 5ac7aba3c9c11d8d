import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

const PASSPHRASE = 'a long test passphrase for the conventions';
const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string }).version;

/** Every command as the help names it (a subcommand with its parent). */
const COMMANDS = [
  ['provision'],
  ['migrate'],
  ['runs'],
  ['runs', 'resume'],
  ['runs', 'abandon'],
  ['store'],
  ['store', 'add-till'],
  ['verify-qr'],
  ['handover'],
  ['connect'],
  ['recover'],
  ['recover', 'list'],
  ['recover', 'reveal'],
  ['recover', 'unblock'],
  ['recover', 'import'],
  ['vault'],
  ['vault', 'restore-previous'],
  ['sandbox'],
];

describe('tss-companion command-line conventions', () => {
  const dir = makeTempDir();
  const dataDir = ['--data-dir', dir.path];
  afterAll(() => dir.remove());

  it('prints the package version with --version and -V', async () => {
    for (const flag of ['--version', '-V']) {
      const result = await runCliProcess([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(VERSION);
    }
  });

  it('has -h/--help on every command: exit 0, its usage on stdout, nothing run', async () => {
    const results = await Promise.all(COMMANDS.map((command, i) => runCliProcess([...command, i % 2 ? '-h' : '--help', ...dataDir])));
    results.forEach((result, i) => {
      expect(result.code, COMMANDS[i]!.join(' ')).toBe(0);
      expect(result.stdout).toContain(`Usage: tss-companion ${COMMANDS[i]!.join(' ')}`);
      expect(result.stdout).toContain('--data-dir');
    });
    const help = await runCliProcess(['help', 'provision']);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining('--plan <file>') });
    expect(await runCliProcess(['help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: tss-companion [options] [command]') });
    // No command, or a command without its subcommand: the help on stderr, exit 2.
    for (const args of [[], ['store']]) expect(await runCliProcess(args)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Usage: tss-companion') });
  }, 60_000);

  it.each([
    [['runs', 'resume', '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d', '--frob'], /^tss-companion: Unknown option '--frob'; usage: tss-companion runs resume \[options\] <run-id> \(tss-companion runs resume --help lists what it takes\)\n$/],
    [['recover', 'list', 'extra'], /^tss-companion: Too many arguments for 'list'\. .*[^.]; usage: tss-companion recover list \[options\] \(tss-companion recover list --help lists what it takes\)\n$/],
    [['store', 'remove-till'], /^tss-companion: Unknown command 'remove-till'/],
    [['provision', '--plan'], /^tss-companion: Option '--plan <file>' argument missing/],
  ])('refuses %j in one line with exit 2', async (args, message) => {
    const result = await runCliProcess([...args, ...dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('reports a failure with --json as a JSON object on stdout too', async () => {
    const result = await runCliProcess(['provision', '--sandbox', '--clients', '0', '--json', ...dataDir]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'E_USAGE', message: expect.stringMatching(/--clients takes a whole number/), exit: 2 } });
    const qr = await runCliProcess(['verify-qr', 'hello', '--json']);
    expect(qr.code).toBe(2);
    expect(JSON.parse(qr.stdout)).toMatchObject({ error: { code: 'E_NOT_A_RECEIPT_QR', exit: 2 } });
  });

  it('reads --plan - from stdin, and lists runs as a table and as JSON', async () => {
    const env = { TSS_COMPANION_PASSPHRASE: PASSPHRASE };
    const piped = await runCliProcess(['provision', '--sandbox', '--plan', '-', '--json', ...dataDir], { env, stdin: 'store,client_serial,test_receipt\nPipe,P-1,no\n' });
    expect(piped.code, piped.stderr).toBe(0);
    const [report] = JSON.parse(piped.stdout) as Array<{ runId: string; storeName: string; status: string }>;
    expect(report).toMatchObject({ storeName: 'Pipe', status: 'done' });

    const table = await runCliProcess(['runs', ...dataDir]);
    expect(table.code, table.stderr).toBe(0);
    const [header, row] = table.stdout.split('\n');
    expect(header).toMatch(/^RUN ID {2,}STATUS {2,}ENV {2,}STORE/);
    expect(row).toMatch(new RegExp(`^${report!.runId} {2}done {2,}sandbox {2}Pipe`));
    const json = await runCliProcess(['runs', '--json', ...dataDir]);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ runId: report!.runId, status: 'done', storeName: 'Pipe', next: null })]);
  }, 60_000);
});

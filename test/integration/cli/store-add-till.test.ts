import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreRecord } from '../../../preload/contract/sign-de/store-record';
import { runCliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

const PASSPHRASE = 'a long test passphrase for the cli';

const cli = (args: string[], env: Record<string, string> = {}) => runCliProcess(args, { env: { TSS_COMPANION_PASSPHRASE: PASSPHRASE, ...env } });

describe('tss-companion store add-till', () => {
  const dir = makeTempDir();
  const dataDir = ['--data-dir', dir.path];
  let tssId: string;
  let serials: string[];
  beforeAll(async () => {
    const result = await cli(['provision', '--sandbox', '--clients', '2', '--store', 'Filiale CLI', '--json', ...dataDir]);
    expect(result.code, result.stderr).toBe(0);
    const [report] = JSON.parse(result.stdout) as Array<{ tssId: string; clients: Array<{ serialNumber: string }> }>;
    tssId = report!.tssId;
    serials = report!.clients.map((c) => c.serialNumber);
  }, 60_000);
  afterAll(() => dir.remove());

  it('registers the tills at the sandbox and records them; the same serial again is refused', { timeout: 60_000 }, async () => {
    const added = await cli(['store', 'add-till', '--tss', tssId, '--client', 'TILL-A', '--client', 'TILL-B', '--sandbox', ...dataDir]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/registered TILL-A {2}client [0-9a-f-]{36}\nregistered TILL-B {2}client [0-9a-f-]{36}\nFiliale CLI: 4 tills/);

    const json = await cli(['store', 'add-till', '--tss', tssId, '--client', 'TILL-C', '--sandbox', '--json', ...dataDir]);
    expect(json.code, json.stderr).toBe(0);
    const record = JSON.parse(json.stdout) as StoreRecord;
    expect(record.tills.map((t) => t.serialNumber)).toEqual([...serials, 'TILL-A', 'TILL-B', 'TILL-C']);
    expect(record.changes.map((c) => c.what)).toEqual(['commissioned', 'tills-added', 'tills-added']);

    const again = await cli(['store', 'add-till', '--tss', tssId, '--client', 'till-a', '--sandbox', ...dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/till-a is already a till of this store/);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses bad arguments with exit 2 and one line, before anything connects', async () => {
    const refusals = [
      ['store', 'add-till', '--tss', tssId, '--sandbox', ...dataDir],
      ['store', 'add-till', '--tss', 'nope', '--client', 'X', '--sandbox', ...dataDir],
      ['store', 'add-till', '--tss', randomUUID(), '--client', 'X', '--sandbox', ...dataDir],
      ['store', 'add-till', '--tss', tssId, '--client', 'A/B', '--sandbox', ...dataDir],
      ['store', 'add-till', '--tss', tssId, '--client', 'X', '--client', 'x', '--sandbox', ...dataDir],
      ['store', 'add-till', '--tss', tssId, '--client', 'X\u001b[2J', '--sandbox', ...dataDir],
      ['store', 'add-till', '--tss', tssId, '--client', 'X', ...dataDir],
      ['store', 'add-till', '--tss', tssId, '--client', 'X', '--base-url', 'https://example.invalid/api/v2', ...dataDir],
      ['store', 'remove-till', '--tss', tssId, ...dataDir],
    ];
    for (const args of refusals) {
      const result = await cli(args, { FISKALY_API_KEY: 'k', FISKALY_API_SECRET: 's' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
    }
  }, 60_000);

  it('is in the usage text', async () => {
    expect((await cli(['store', 'add-till', '--help'])).stdout).toContain('store add-till --tss TSS_ID --client SERIAL');
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationRunReport } from '../../../preload/contract/sign-de/migration';
import { createServices } from '../../../main/services';
import { V1_STORE_SEED } from '../../../main/products/sign-de/sandbox/v1/seed';
import { runCliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

const PASSPHRASE = 'a long test passphrase for the cli';

const cli = (args: string[]) => runCliProcess(args, { env: { TSS_COMPANION_PASSPHRASE: PASSPHRASE } });

describe('tss-companion migrate', () => {
  const dir = makeTempDir();
  const dataDir = ['--data-dir', dir.path];
  const runs = () => readdirSync(join(dir.path, 'runs')).filter((n) => n.endsWith('.json'));
  beforeAll(async () => {
    // The data folder's sandbox holds the store on V1 (as the app's sandbox reset with the seed makes it).
    const services = createServices({ dataDir: dir.path, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 } });
    expect(await services.dispatch('sandbox:reset', { confirm: 'reset', seed: 'v1-store' })).toEqual({ ok: true, value: {} });
    await services.close();
  }, 60_000);
  afterAll(() => dir.remove());

  it('refuses bad arguments with exit 2 and one line', { timeout: 60_000 }, async () => {
    for (const args of [
      ['migrate', ...dataDir],
      ['migrate', '--sandbox', '--base-url-v1', 'http://127.0.0.1:1/api/v1', ...dataDir],
      ['migrate', '--sandbox', '--resume', 'nope', ...dataDir],
      ['migrate', '--sandbox', '--prepare-only', '--resume', V1_STORE_SEED.tssId, ...dataDir],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
    }
  });

  it('without --yes and without a terminal stops before the first change, naming the flag; prepares, then cuts over', { timeout: 120_000 }, async () => {
    const asked = await cli(['migrate', '--sandbox', '--json', ...dataDir]);
    expect(asked.code, asked.stderr).toBe(2);
    expect(asked.stderr).toMatch(/--yes/);
    expect(asked.stderr).toMatch(/KASSE_03/);
    expect(() => runs()).toThrow();

    const prepared = await cli(['migrate', '--sandbox', '--prepare-only', '--yes', '--json', ...dataDir]);
    expect(prepared.code, prepared.stderr).toBe(0);
    const first = JSON.parse(prepared.stdout) as MigrationRunReport;
    expect(first).toMatchObject({ status: 'done', phase: 'prepare', v1: { tssId: V1_STORE_SEED.tssId } });
    expect(first.v1.disabledAt).toBeUndefined();

    // `runs` lists the prepared migration with the line that takes it on to the cut-over.
    const listed = await cli(['runs', ...dataDir]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${first.runId} +prepared +sandbox`));
    expect(listed.stdout).toContain(`next: tss-companion migrate --sandbox --resume ${first.runId} --data-dir`);

    const unconfirmed = await cli(['migrate', '--sandbox', '--resume', first.runId, ...dataDir]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/add --yes to confirm it/);

    const done = await cli(['migrate', '--sandbox', '--resume', first.runId, '--yes', '--json', ...dataDir]);
    expect(done.code, done.stderr).toBe(0);
    const report = JSON.parse(done.stdout) as MigrationRunReport;
    expect(report).toMatchObject({ runId: first.runId, status: 'done', phase: 'decommission' });
    expect(report.v1.disabledAt).toBeTruthy();
    expect(report.export?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const listedJson = JSON.parse((await cli(['runs', '--json', ...dataDir])).stdout) as Array<{ kind?: string; runId: string; status: string; next: string | null }>;
    expect(listedJson.find((r) => r.runId === first.runId)).toMatchObject({ kind: 'migration', status: 'done', next: null });
    expect(report.mapping?.tills.map((t) => t.serialNumber)).toEqual(['KASSE-01', 'KASSE-02', 'KASSE-03']);
    expect(report.receipts.every((r) => r.verified)).toBe(true);
    expect(runs()).toHaveLength(1);
  });
});

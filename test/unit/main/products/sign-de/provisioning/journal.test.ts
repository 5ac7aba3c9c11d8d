import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, journalDir } from '../../../../../../main/products/sign-de/provisioning/journal';
import { parseStorePlan } from '../../../../../../main/products/sign-de/provisioning/store-plan';
import { makeTempDir } from '../../../../../support/temp-dir';

const plan = parseStorePlan({ storeName: 'Filiale Kiel', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-1' }] });

describe('the run journal', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('never overwrites what another process wrote since it read the journal', async () => {
    const created = await Journal.create(dir.path, plan);
    const mine = await Journal.load(dir.path, created.data.runId);
    const theirs = await Journal.load(dir.path, created.data.runId);
    await theirs.update((d) => void (d.status = 'abandoned'));
    await expect(mine.update((d) => void (d.status = 'done'))).rejects.toMatchObject({ code: 'E_RUN_BUSY' });
    expect((await Journal.load(dir.path, created.data.runId)).data.status).toBe('abandoned');
    // Its own writes follow each other without a complaint.
    await theirs.update((d) => void (d.status = 'failed'));
    expect((await Journal.load(dir.path, created.data.runId)).data.status).toBe('failed');
  });

  it('leaves no lock or temp file behind, and lists runs without them', async () => {
    const journal = await Journal.create(dir.path, plan);
    await Promise.all([journal.update((d) => void (d.done = ['auth'])), journal.markDone('create-tss')]);
    expect(readdirSync(journalDir(dir.path))).toEqual([`${journal.data.runId}.json`]);
    expect((await Journal.list(dir.path)).map((r) => r.done)).toEqual([['auth', 'create-tss']]);
  });

  it('reads an older journal’s "fix-plan" advice as resume, the action that exists', async () => {
    const journal = await Journal.create(dir.path, plan);
    await journal.update((d) => void (d.error = { code: 'E_WRONG_ENVIRONMENT', message: 'x', step: 'auth', next: 'fix-plan' as never }));
    expect((await Journal.load(dir.path, journal.data.runId)).data.error?.next).toBe('resume');
  });
});

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type JournalKind, RunJournal, runsFolder } from '../../../../../main/core/runs/run-journal';
import { makeTempDir } from '../../../../support/temp-dir';
import { type FakeRecord, fakeFlow } from './fake-flow';

const payload = { parcelId: 'a8b1c2d3-0000-4000-8000-000000000001', items: [{ name: 'cup', packed: false }] };
const create = (dataDir: string, kind: JournalKind<FakeRecord> = fakeFlow, now?: Date) => RunJournal.create(dataDir, kind, payload, now);

describe('the run journal', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('is on disk before create returns: the engine’s fields, the flow’s kind and its payload with the ids chosen up front', async () => {
    const journal = await create(dir.path, fakeFlow, new Date('2026-03-04T05:06:07Z'));
    const onDisk = JSON.parse(readFileSync(join(runsFolder(dir.path), `${journal.data.runId}.json`), 'utf8'));
    expect(onDisk).toEqual({ ...payload, v: 1, kind: 'test/parcel', runId: journal.data.runId, createdAt: '2026-03-04T05:06:07.000Z', updatedAt: expect.any(String), status: 'running', done: [] });
  });

  it('never overwrites what another process wrote since it read the journal', async () => {
    const created = await create(dir.path);
    const mine = await RunJournal.load(dir.path, fakeFlow, created.data.runId);
    const theirs = await RunJournal.load(dir.path, fakeFlow, created.data.runId);
    await theirs.update((d) => void (d.status = 'abandoned'));
    await expect(mine.update((d) => void (d.status = 'done'))).rejects.toMatchObject({ code: 'E_RUN_BUSY' });
    expect((await RunJournal.load(dir.path, fakeFlow, created.data.runId)).data.status).toBe('abandoned');
    // Its own writes follow each other without a complaint.
    await theirs.update((d) => void (d.status = 'failed'));
    expect((await RunJournal.load(dir.path, fakeFlow, created.data.runId)).data.status).toBe('failed');
  });

  it('leaves no lock or temp file behind, and lists runs without them', async () => {
    const journal = await create(dir.path);
    await Promise.all([journal.update((d) => void (d.done = ['reserve'])), journal.markDone('pack'), journal.markDone('pack')]);
    expect(readdirSync(runsFolder(dir.path))).toEqual([`${journal.data.runId}.json`]);
    expect((await RunJournal.list(dir.path, fakeFlow)).map((r) => r.done)).toEqual([['reserve', 'pack']]);
  });

  it('lists a flow’s own runs newest first, skipping other flows’ and damaged journals (left on disk)', async () => {
    const other: JournalKind<FakeRecord> = { kind: 'test/other' };
    const older = await create(dir.path, fakeFlow, new Date('2026-01-01T00:00:00Z'));
    const newer = await create(dir.path, fakeFlow, new Date('2026-02-01T00:00:00Z'));
    const theirs = await create(dir.path, other);
    writeFileSync(join(runsFolder(dir.path), '00000000-0000-4000-8000-000000000000.json'), '{ damaged');
    expect((await RunJournal.list(dir.path, fakeFlow)).map((r) => r.runId)).toEqual([newer.data.runId, older.data.runId]);
    expect((await RunJournal.list(dir.path, other)).map((r) => r.runId)).toEqual([theirs.data.runId]);
    await expect(RunJournal.load(dir.path, fakeFlow, theirs.data.runId)).rejects.toThrow(/not a test\/parcel journal/);
    expect(readdirSync(runsFolder(dir.path))).toHaveLength(4);
  });

  it('reads a journal written before runs had kinds as the journal of the flow that owns those, brought up to date', async () => {
    const journal = await create(dir.path);
    const file = join(runsFolder(dir.path), `${journal.data.runId}.json`);
    const { kind: _kind, ...unmarked } = journal.data;
    writeFileSync(file, JSON.stringify({ ...unmarked, items: [{ name: 'mug', packed: false }] }));
    const owner: JournalKind<FakeRecord> = { kind: 'test/owner', ownsUnmarked: true, upgrade: (d) => d.items.forEach((i) => (i.name = i.name === 'mug' ? 'cup' : i.name)) };
    await expect(RunJournal.load(dir.path, fakeFlow, journal.data.runId)).rejects.toThrow(/not a test\/parcel journal/);
    const read = await RunJournal.load(dir.path, owner, journal.data.runId);
    expect(read.data.items[0]!.name).toBe('cup');
    // Read as it is: the kind is not written into it until a change is.
    expect(read.data.kind).toBeUndefined();
    expect(JSON.parse(readFileSync(file, 'utf8')).items[0].name).toBe('mug');
    await read.markDone('reserve');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ items: [{ name: 'cup' }], done: ['reserve'] });
  });

  it('refuses what is not a run id', async () => {
    await expect(RunJournal.load(dir.path, fakeFlow, '../vault')).rejects.toThrow(/not a run id/);
  });
});

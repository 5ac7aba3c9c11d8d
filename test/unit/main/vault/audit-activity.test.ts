import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, appendGeneration } from '../../../../main/vault/audit-log';
import { activityPage } from '../../../../main/vault/audit-activity';
import { makeTempDir } from '../../../support/temp-dir';

const TSS = '6b2bd0c4-1f4c-4c55-9b0e-7f3f5e2a9a01';
const OTHER = '7c3ce1d5-2a5d-4d66-8c1f-8a4a6f3b0b12';

describe('the activity view over the audit log', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) dir.remove();
  });

  it('pages newest first, names the store and environment from the labels, the file by its name, the OS account; no generation lines, no secret', async () => {
    const dir = makeTempDir('tss-activity-');
    dirs.push(dir);
    await appendAudit(dir.path, [{ time: '2026-11-01T10:00:00.000Z', entryId: TSS, kind: 'admin-puk', action: 'reveal', reason: 'PIN blocked, PUK 0912345678 read aloud' }]);
    await appendGeneration(dir.path, { time: '2026-11-01T10:00:01.000Z', vaultId: 'v', generation: 2 });
    await appendAudit(dir.path, [
      { time: '2026-11-02T10:00:00.000Z', entryId: TSS, kind: 'admin-pin', action: 'export', reason: 'recovery file export', file: '/home/tech/recovery/tss-companion-2026-11-02.tsscr' },
      { time: '2026-11-02T10:00:00.000Z', entryId: OTHER, kind: 'admin-pin', action: 'export', reason: 'recovery file export', file: '/home/tech/recovery/tss-companion-2026-11-02.tsscr' },
    ]);
    const listing = [{ id: TSS, kind: 'admin-pin', labels: { environment: 'sandbox', storeName: 'Filiale Nord', tssId: TSS }, createdAt: '', updatedAt: '' }];

    const first = await activityPage(dir.path, listing, { limit: 2 });
    expect(first.total).toBe(3);
    expect(first.entries).toHaveLength(2);
    expect(first.entries[0]).toMatchObject({ action: 'export', entryId: OTHER, file: 'tss-companion-2026-11-02.tsscr' });
    expect(first.entries[0]!.storeName).toBeUndefined();
    expect(first.entries[1]).toMatchObject({ action: 'export', entryId: TSS, storeName: 'Filiale Nord', environment: 'sandbox' });
    expect(typeof first.entries[1]!.user).toBe('string');

    const second = await activityPage(dir.path, listing, { offset: 2, limit: 2 });
    expect(second).toMatchObject({ offset: 2, total: 3 });
    expect(second.entries).toEqual([expect.objectContaining({ action: 'reveal', kind: 'admin-puk', time: '2026-11-01T10:00:00.000Z' })]);
    // The reason is the technician's own text: a PUK typed into it does not come back out.
    expect(JSON.stringify(second)).not.toContain('0912345678');
  });

  it('is empty where there is no audit log', async () => {
    const dir = makeTempDir('tss-activity-');
    dirs.push(dir);
    expect(await activityPage(dir.path, [])).toEqual({ entries: [], total: 0, offset: 0 });
  });
});

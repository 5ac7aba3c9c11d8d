import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../preload/contract';
import type { MigrationInventory, MigrationRunReport } from '../../../preload/contract/sign-de/migration';
import type { FilesPort } from '../../../main/core/files/files-port';
import type { PrintPort } from '../../../main/printing/print-port';
import { V1_STORE_SEED } from '../../../main/products/sign-de/sandbox/v1/seed';
import { allowedV1Url } from '../../../main/products/sign-de/migration/migration-urls';
import { FISKALY_SIGN_DE_V1_URL } from '../../../main/products/sign-de/api-v1/base-url';
import { nextEvent } from '../../support/events';
import { MASTER_DATA } from '../../support/master-data';
import { TEST_PASSPHRASE } from '../../support/provisioning';
import { type ServicesWithVault, servicesWithVault } from '../../support/services';
import { makeTempDir } from '../../support/temp-dir';

const SEED = V1_STORE_SEED;
const FIX = { v1ClientId: SEED.clients[2].id, from: 'KASSE_03', to: 'KASSE-03' };
const fakePrinter: PrintPort = { printers: async () => [], print: async () => {}, pdf: async () => Buffer.from('%PDF-1.7 test') };

/** The migration's channels over createServices and the built-in sandbox with its "store on V1" seed. */
describe('the migration channels', () => {
  let app: ServicesWithVault;
  let home: ReturnType<typeof makeTempDir>;
  let chosen: string | null = null;

  beforeEach(async () => {
    home = makeTempDir();
    chosen = null;
    // The app's way: only what the OS dialog returned may be written.
    const files: FilesPort = { chooser: 'native', documentsDir: join(home.path, 'Documents'), chooseFile: async () => chosen, chooseFolder: async () => chosen, showInFolder: () => {} };
    app = await servicesWithVault('migration-channels-', { printPort: fakePrinter, files });
    await app.call('sandbox:reset', { confirm: 'reset', seed: 'v1-store' });
  });
  afterEach(async () => {
    await app.close();
    home.remove();
  });

  const dispatch = (channel: string, payload?: unknown) => app.services.dispatch(channel, payload) as Promise<Result<unknown>>;
  const finished = (runId?: string) => nextEvent(app.services.events, 'migration:finished', (report) => !runId || report.runId === runId);

  async function planFromInventory() {
    const inventory = await app.call<MigrationInventory>('migration:inventory', { environment: 'sandbox' });
    const store = inventory.stores.find((s) => s.tss.id === SEED.tssId)!;
    return { inventory, store, plan: { v1TssId: SEED.tssId, storeName: 'Filiale 12', environment: 'sandbox', baseUrlV1: inventory.baseUrlV1, baseUrlV2: inventory.baseUrlV2, serialFixes: [FIX], masterData: MASTER_DATA } };
  }

  it('reads the V1 store, prepares V2, takes it through the cut-over when confirmed, and saves the store’s documents', async () => {
    const { inventory, store, plan } = await planFromInventory();
    expect(inventory.baseUrlV1).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(inventory.stores.map((s) => s.tss.id).sort()).toEqual([SEED.tssId, SEED.disabledTss.tssId].sort());
    expect(store.tills.map((t) => t.serialNumber)).toEqual(['KASSE-01', 'KASSE-02', 'KASSE_03']);
    expect(store.problems).toContainEqual(expect.objectContaining({ code: 'serial-invalid', v1ClientId: FIX.v1ClientId, suggestedSerial: 'KASSE-03' }));
    expect(inventory.stores.find((s) => s.tss.id === SEED.disabledTss.tssId)!.problems).toContainEqual(expect.objectContaining({ code: 'tss-disabled' }));

    // Prepare only: V2 ready, V1 untouched, the run waits for the confirmation.
    const progress: string[] = [];
    const stop = app.services.events.subscribe((event, payload) => {
      if (event === 'migration:progress') progress.push(`${(payload as { storeName: string }).storeName}:${(payload as { step: string }).step}`);
    });
    const prepared = finished();
    const { runId } = await app.call<{ runId: string }>('migration:start', { plan, confirmCutOver: false });
    const first = await prepared;
    expect(first).toMatchObject({ runId, status: 'done', phase: 'prepare', storeName: 'Filiale 12' });
    expect(first.done).toContain('admin-logout');
    expect(first.done).not.toContain('v1-quiet-check');
    expect(first.v1.disabledAt).toBeUndefined();
    expect(progress).toContain('Filiale 12:create-tss');

    // A migrated-only action before the end is refused in plain words.
    expect(await dispatch('migration:save-documents', { runId })).toMatchObject({ ok: false, error: { code: 'E_MIGRATION_NOT_FINISHED' } });

    const cutOver = finished(runId);
    expect(await app.call('migration:resume', { runId, confirmCutOver: true })).toEqual({ runId });
    const report = await cutOver;
    stop();
    expect(report).toMatchObject({ runId, status: 'done', phase: 'decommission' });
    expect(report.done).toContain('store-record');
    expect(report.v1.disabledAt).toEqual(expect.any(String));
    expect(report.mapping!.tills.map((t) => [t.serialNumber, t.v1SerialNumber, t.v1ClientId])).toEqual([
      ['KASSE-01', undefined, SEED.clients[0].id],
      ['KASSE-02', undefined, SEED.clients[1].id],
      ['KASSE-03', 'KASSE_03', SEED.clients[2].id],
    ]);
    expect(report.mapping!.tills.every((t) => t.v2TssId === report.v2.tssId && t.baseUrl === plan.baseUrlV2)).toBe(true);
    expect(report.receipts.every((r) => r.verified)).toBe(true);
    // Nothing left to resume in a migrated store.
    expect(await dispatch('migration:resume', { runId, confirmCutOver: true })).toMatchObject({ ok: false, error: { code: 'E_RUN_DONE' } });

    // A folder not chosen in the dialog is refused; the chosen one gets every document.
    const folder = join(home.path, 'Documents', 'Filiale 12');
    expect(await dispatch('migration:save-documents', { runId, destination: { folder } })).toMatchObject({ ok: false, error: { code: 'E_SAVE_DESTINATION_REFUSED' } });
    chosen = folder;
    await app.call('files:choose', { mode: 'folder', defaultPath: folder });
    const saved = await app.call<{ mappingJson: { path: string }; mappingCsv: { path: string }; exportArchive: { path: string; bytes: number }; handover: { pdf: { path: string }; json: { path: string } } }>('migration:save-documents', { runId, destination: { folder } });
    for (const file of [saved.mappingJson, saved.mappingCsv, saved.exportArchive, saved.handover.pdf]) expect(dirname(file.path)).toBe(folder);
    expect(JSON.parse(readFileSync(saved.mappingJson.path, 'utf8'))).toEqual(report.mapping);
    expect(readFileSync(saved.mappingCsv.path, 'utf8')).toContain('KASSE-03;KASSE_03;');
    const archive = readFileSync(saved.exportArchive.path);
    expect(saved.exportArchive.bytes).toBe(archive.length);
    expect(createHash('sha256').update(archive).digest('hex')).toBe(report.export!.sha256);
    expect(readFileSync(`${saved.exportArchive.path}.sha256`, 'utf8')).toBe(`${report.export!.sha256}  ${basename(saved.exportArchive.path)}\n`);
    // The handover of the new TSS names the old TSE it replaced.
    const handover = JSON.parse(readFileSync(saved.handover.json.path, 'utf8'));
    expect(JSON.stringify(handover)).toContain(SEED.tssId);
    expect(readdirSync(folder)).toHaveLength(7);

    const list = await app.call<MigrationRunReport[]>('migration:list');
    expect(list.map((r) => [r.runId, r.status])).toEqual([[runId, 'done']]);
  });

  it('stops at an unconfirmed serial, goes on with the confirmed fix; a cancel leaves the run to resume', async () => {
    const { plan } = await planFromInventory();
    const refused = finished();
    const { runId } = await app.call<{ runId: string }>('migration:start', { plan: { ...plan, serialFixes: [] }, confirmCutOver: false });
    expect(await refused).toMatchObject({ runId, status: 'failed', error: { code: 'E_SERIAL_FIX_UNCONFIRMED', step: 'v1-read' } });

    // Cancelled before its next step: nothing of it goes on, the resume takes it up again.
    const stopped = finished(runId);
    await app.call('migration:resume', { runId, serialFixes: [FIX] });
    expect(await app.call('migration:cancel', { runId })).toEqual({});
    expect(await stopped).toMatchObject({ runId, status: 'cancelled', error: { code: 'E_RUN_CANCELLED' } });

    const prepared = finished(runId);
    await app.call('migration:resume', { runId, serialFixes: [FIX] });
    const report = await prepared;
    expect(report).toMatchObject({ status: 'done', phase: 'prepare' });
    expect(report.mapping!.tills.find((t) => t.v1ClientId === FIX.v1ClientId)).toMatchObject({ serialNumber: 'KASSE-03', v1SerialNumber: 'KASSE_03' });

    // A prepared run may be given up (V1 untouched, nothing deleted); it is then never continued.
    const gone = finished(runId);
    expect(await app.call<MigrationRunReport>('migration:abandon', { runId })).toMatchObject({ runId, status: 'abandoned' });
    expect(await gone).toMatchObject({ runId, status: 'abandoned' });
    expect(await dispatch('migration:resume', { runId, confirmCutOver: true })).toMatchObject({ ok: false, error: { code: 'E_RUN_ABANDONED' } });
  });

  it('refuses bad payloads, a LIVE start or resume without the passphrase, and a V1 address of the page’s own', async () => {
    const { plan } = await planFromInventory();
    expect(await dispatch('migration:inventory', { environment: 'elsewhere' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    expect(await dispatch('migration:start', { plan: { ...plan, serialFixes: [FIX, FIX] }, confirmCutOver: false })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    expect(await dispatch('migration:start', { plan, confirmCutOver: 'yes' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    expect(await dispatch('migration:resume', { runId: 'not-a-run' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    const live = { ...plan, environment: 'live', baseUrlV1: FISKALY_SIGN_DE_V1_URL, baseUrlV2: 'https://kassensichv-middleware.fiskaly.com/api/v2' };
    expect(await dispatch('migration:start', { plan: live, organizationId: SEED.tssId, confirmCutOver: true })).toMatchObject({ ok: false, error: { code: 'E_CONFIRMATION_REQUIRED' } });
    expect(await dispatch('migration:start', { plan: live, organizationId: SEED.tssId, confirmCutOver: true, passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'E_CONFIRMATION_FAILED' },
    });
    // With the passphrase the LIVE start gets as far as the organization's key, which this vault lacks.
    expect(await dispatch('migration:start', { plan: live, organizationId: SEED.tssId, confirmCutOver: true, passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'E_NO_ORGANIZATION' } });
    expect(await dispatch('migration:list')).toEqual({ ok: true, value: [] });
  });

  it('allows only fiskaly’s V1 host or V1 beside the V2 host for TEST and LIVE (a pure rule: no request)', () => {
    const v2 = 'https://kassensichv-middleware.fiskaly.com/api/v2';
    expect(allowedV1Url(`${FISKALY_SIGN_DE_V1_URL}/`, v2)).toBe(FISKALY_SIGN_DE_V1_URL);
    expect(allowedV1Url('https://kassensichv-middleware.fiskaly.com/api/v1', v2)).toBe('https://kassensichv-middleware.fiskaly.com/api/v1');
    expect(() => allowedV1Url('https://collector.example/api/v1', v2)).toThrow(expect.objectContaining({ code: 'E_MIGRATION_V1_URL_REFUSED' }));
  });
});

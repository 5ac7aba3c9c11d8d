import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../preload/contract';
import type { FilesPort } from '../../../main/core/files/files-port';
import type { PrintPort } from '../../../main/printing/print-port';
import { type Services, createServices } from '../../../main/services';
import { readRecoveryFile } from '../../../main/vault/recovery-file';
import { TEST_PASSPHRASE } from '../../support/provisioning';
import { makeTempDir } from '../../support/temp-dir';
import { nextEvent } from '../../support/events';

const STORE = 'Café Zürich 🍕 Mitte';
const fakePrinter: PrintPort = { printers: async () => [], print: async () => {}, pdf: async () => Buffer.from('%PDF-1.7 test') };

/** The save channels with a chosen destination, in the browser shell's way (any place) and the app's (granted places only). */
describe('saving where the technician chose', () => {
  let data: ReturnType<typeof makeTempDir>;
  let home: ReturnType<typeof makeTempDir>;
  let services: Services;
  let dialogAnswer: string | null = null;
  const shown: string[] = [];

  const start = (files?: FilesPort) => {
    services = createServices({
      dataDir: data.path,
      version: '1',
      vaultOptions: { unsafeTestOnlyScryptLog2N: 10 },
      printPort: fakePrinter,
      sandbox: { exportDuration: { baseMs: 0, perLogMs: 0 } },
      files: files ?? { chooser: 'in-app', documentsDir: join(home.path, 'Documents') },
    });
  };
  const nativePort = (): FilesPort => ({
    chooser: 'native',
    documentsDir: join(home.path, 'Documents'),
    chooseFile: async () => dialogAnswer,
    chooseFolder: async () => dialogAnswer,
    showInFolder: (path) => void shown.push(path),
  });

  beforeEach(() => {
    data = makeTempDir();
    home = makeTempDir();
    dialogAnswer = null;
    shown.length = 0;
  });
  afterEach(async () => {
    await services.close();
    data.remove();
    home.remove();
  });

  const dispatch = <T>(channel: string, payload?: unknown) => services.dispatch(channel, payload) as Promise<Result<T>>;
  async function call<T = unknown>(channel: string, payload?: unknown): Promise<T> {
    const result = await dispatch<T>(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }
  async function provision(): Promise<{ runId: string; tssId: string }> {
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    const end = nextEvent(services.events, 'provisioning:finished');
    const { runId } = await call<{ runId: string }>('provisioning:start', { plan: { storeName: STORE, storeAddress: 'Beispielweg 1\n20095 Hamburg', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-1' }] } });
    const report = await end;
    expect(report.status).toBe('done');
    return { runId, tssId: report.tssId };
  }

  it('names the receipt PDF with the width once and the store readable: no "80mmmm", no "--" for an emoji', async () => {
    start();
    const { runId } = await provision();
    const saved = await call<{ path: string }>('print:pdf', { runId, width: 80 });
    const name = basename(saved.path);
    expect(name).toMatch(/^testbeleg-Café-Zürich-Mitte-80mm-\d{4}-\d{2}-\d{2}-[\d-]+\.pdf$/);
    expect(name).not.toContain('mmmm');
    expect(name).not.toContain('--');
  });

  it('saves the receipt PDF, the handover, the TAR and the recovery file into a chosen folder (browser shell)', async () => {
    start();
    const { runId, tssId } = await provision();
    const location = await call<{ folder: string; chooser: string; canShowInFolder: boolean }>('files:location', { store: STORE });
    expect(location).toEqual({ folder: join(home.path, 'Documents', 'TSS Companion', 'Café-Zürich-Mitte'), chooser: 'in-app', canShowInFolder: false });
    const folder = location.folder;
    const pdf = await call<{ path: string }>('print:pdf', { runId, width: 58, destination: { folder } });
    expect(dirname(pdf.path)).toBe(folder);
    expect(basename(pdf.path)).toMatch(/^testbeleg-Café-Zürich-Mitte-58mm-\d{4}-\d{2}-\d{2}\.pdf$/);
    const handover = await call<{ pdf: { path: string }; json: { path: string }; xml: { path: string } }>('handover:save', { tssId, destination: { folder } });
    expect([handover.pdf, handover.json, handover.xml].map((f) => dirname(f.path))).toEqual([folder, folder, folder]);
    const report = await call<{ path: string }>('report:handover', { runId, destination: { folder } });
    expect(dirname(report.path)).toBe(folder);
    const recovery = await call<{ path: string }>('vault:export-recovery', { passphrase: TEST_PASSPHRASE, destination: { file: join(folder, 'mein-tresor.tsscr') } });
    expect(recovery.path).toBe(join(folder, 'mein-tresor.tsscr'));
    const tar = await call<{ path: string }>('tss:export', { tssId, destination: { folder } });
    expect(dirname(tar.path)).toBe(folder);
    // The store's own recovery file: named after it, and only its TSS's PIN and PUK inside.
    const storeRecovery = await call<{ path: string }>('vault:export-recovery', { passphrase: TEST_PASSPHRASE, destination: { folder }, tssId, store: STORE });
    expect(basename(storeRecovery.path)).toMatch(/^tss-companion-Café-Zürich-Mitte-\d{4}-\d{2}-\d{2}\.tsscr$/);
    expect((await readRecoveryFile(storeRecovery.path, TEST_PASSPHRASE)).entries.map((e) => e.id)).toEqual([tssId, tssId]);
    expect(readdirSync(folder).sort()).toHaveLength(7);
    const listing = await call<{ files: string[]; exists: boolean }>('files:list', { path: folder });
    expect(listing.exists).toBe(true);
    expect(listing.files).toContain('mein-tresor.tsscr');
  });

  it('keeps today\'s data-folder default when no destination is given', async () => {
    start();
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    const saved = await call<{ path: string }>('vault:export-recovery', { passphrase: TEST_PASSPHRASE });
    expect(dirname(saved.path)).toBe(join(data.path, 'recovery'));
  });

  it('never writes into the data folder, however the path is spelled', async () => {
    start();
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    const link = join(home.path, 'looks-harmless');
    symlinkSync(data.path, link);
    for (const destination of [{ folder: data.path }, { file: join(data.path, 'vault.json') }, { file: join(link, 'recovery', 'x.tsscr') }, { file: join(home.path, '..', basename(home.path), 'looks-harmless', 'y.tsscr') }]) {
      expect(await dispatch('vault:export-recovery', { passphrase: TEST_PASSPHRASE, destination })).toMatchObject({ ok: false, error: { code: 'E_SAVE_DESTINATION_REFUSED' } });
    }
    expect(await dispatch('vault:export-recovery', { passphrase: TEST_PASSPHRASE, destination: { file: 'relative.tsscr' } })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
  });

  it('in the app, writes only where the OS dialog answered, and shows only what it saved', async () => {
    start(nativePort());
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    const wanted = join(home.path, 'Documents', 'TSS Companion', 'tresor.tsscr');
    expect(await dispatch('vault:export-recovery', { passphrase: TEST_PASSPHRASE, destination: { file: wanted } })).toMatchObject({ ok: false, error: { code: 'E_SAVE_DESTINATION_REFUSED' } });
    expect(await dispatch('files:list', { path: home.path })).toMatchObject({ ok: false, error: { code: 'E_NOT_AVAILABLE' } });

    dialogAnswer = null;
    expect(await call('files:choose', { mode: 'file', defaultPath: wanted, filter: 'tsscr' })).toEqual({ path: null });
    expect(await dispatch('vault:export-recovery', { passphrase: TEST_PASSPHRASE, destination: { file: wanted } })).toMatchObject({ ok: false });

    dialogAnswer = wanted;
    expect(await call('files:choose', { mode: 'file', defaultPath: wanted, filter: 'tsscr' })).toEqual({ path: wanted });
    const saved = await call<{ path: string }>('vault:export-recovery', { passphrase: TEST_PASSPHRASE, destination: { file: wanted } });
    expect(existsSync(saved.path)).toBe(true);
    // A granted file is that file: not its neighbour.
    expect(await dispatch('vault:export-recovery', { passphrase: TEST_PASSPHRASE, destination: { file: join(dirname(wanted), 'other.tsscr') } })).toMatchObject({ ok: false });

    expect(await call('files:show', { path: saved.path })).toEqual({});
    expect(shown).toEqual([saved.path]);
    expect(await dispatch('files:show', { path: join(home.path, 'secret.txt') })).toMatchObject({ ok: false, error: { code: 'E_SAVE_DESTINATION_REFUSED' } });
  });

  it('in the app, a chosen folder takes files directly in it, not in folders below', async () => {
    start(nativePort());
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    const folder = join(home.path, 'Unterlagen');
    mkdirSync(join(folder, 'deeper'), { recursive: true });
    dialogAnswer = folder;
    expect(await call('files:choose', { mode: 'folder', defaultPath: folder })).toEqual({ path: folder });
    expect(await call<{ path: string }>('vault:export-recovery', { passphrase: TEST_PASSPHRASE, destination: { folder } })).toMatchObject({ path: expect.stringMatching(/tss-companion-.*\.tsscr$/) });
    expect(await dispatch('vault:export-recovery', { passphrase: TEST_PASSPHRASE, destination: { folder: join(folder, 'deeper') } })).toMatchObject({ ok: false });
  });
});

import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../../preload/contract/core/settings';
import { createAppStore } from '../../../../../renderer/src/shell/state/app-store';
import { claimedAreas } from '../../../../../renderer/src/shell/state/error-areas';
import { NETWORK_PRINTER_KEY, PRINTER_KEY, legacyPrinterPrefs, printerChoice } from '../../../../../renderer/src/products/sign-de/receipt/printer-prefs';
import { operationArea } from '../../../../../renderer/src/state/ui-error';
import { vaultNeed } from '../../../../../renderer/src/state/vault-need';
import { createFakeCompanion, flush } from '../../fakes/fake-companion';
import { FAKE_PASSPHRASE, runReport, tssOverview } from '../../fakes/fake-main';

async function started(options: Parameters<typeof createFakeCompanion>[0] = {}) {
  const fake = createFakeCompanion(options);
  const store = createAppStore(fake.api);
  store.getState().start();
  await flush();
  return { fake, store };
}

describe('vault', () => {
  it('tells first use from a locked vault', () => {
    expect(vaultNeed(null)).toBeNull();
    expect(vaultNeed({ initialized: false, unlocked: false, keychainProblem: null, entries: 0 })).toBe('setup');
    expect(vaultNeed({ initialized: true, unlocked: false, keychainProblem: 'basic_text', entries: 3 })).toBe('unlock');
    expect(vaultNeed({ initialized: true, unlocked: true, keychainProblem: null, entries: 3 })).toBeNull();
  });

  it('sets the vault up with the passphrase and keeps no copy of it', async () => {
    const { fake, store } = await started({ main: { vault: { initialized: false, unlocked: false, keychainProblem: null, entries: 0 }, passphrase: null } });
    expect(vaultNeed(store.getState().vault)).toBe('setup');
    expect(await store.getState().setupVault('a long recovery passphrase')).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'vault:setup', payload: { passphrase: 'a long recovery passphrase' } });
    expect(vaultNeed(store.getState().vault)).toBeNull();
    expect(JSON.stringify(store.getState())).not.toContain('a long recovery passphrase');
  });

  it('refuses a short passphrase in main’s schema, visibly', async () => {
    const { store } = await started({ main: { vault: { initialized: false, unlocked: false, keychainProblem: null, entries: 0 } } });
    expect(await store.getState().setupVault('short')).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'setupVault', code: 'E_INVALID_REQUEST' }]);
  });

  it('unlocks a locked vault, and shows a wrong passphrase', async () => {
    const { store } = await started({ main: { vault: { initialized: true, unlocked: false, keychainProblem: 'The keychain uses basic_text.', entries: 4 } } });
    expect(vaultNeed(store.getState().vault)).toBe('unlock');
    expect(await store.getState().unlockVault('nope nope nope')).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'unlockVault', code: 'E_VAULT_WRONG_PASSPHRASE' }]);
    expect(await store.getState().unlockVault(FAKE_PASSPHRASE)).toBe(true);
    expect(store.getState().errors).toEqual([]);
    expect(vaultNeed(store.getState().vault)).toBeNull();
  });

  it('exports the recovery file and answers with its path', async () => {
    const { store } = await started();
    expect(await store.getState().exportRecovery(FAKE_PASSPHRASE)).toMatchObject({ path: expect.stringContaining('recovery') });
  });
});

describe('organizations', () => {
  it('saves credentials, lists the organization, and keeps no secret', async () => {
    const { fake, store } = await started();
    const saved = await store.getState().saveOrg({ environment: 'test', label: 'Müller GmbH', apiKey: 'test_key_abcdef', apiSecret: 'very-secret-value' });
    expect(saved).toMatchObject({ environment: 'test', label: 'Müller GmbH', apiKeyHint: 'test_k' });
    expect(fake.calls.at(-1)?.payload).toEqual({ environment: 'test', label: 'Müller GmbH', apiKey: 'test_key_abcdef', apiSecret: 'very-secret-value' });
    expect(store.getState().organizations).toEqual([saved]);
    expect(JSON.stringify(store.getState())).not.toContain('very-secret-value');
  });

  it('shows a refused save as an error and keeps the list', async () => {
    const { fake, store } = await started();
    fake.failNext('orgs:save', 'E_UNAUTHORIZED', 'fiskaly refused the login.');
    expect(await store.getState().saveOrg({ environment: 'live', label: 'X', apiKey: 'k', apiSecret: 's' })).toBeNull();
    expect(store.getState().errors).toMatchObject([{ operation: 'saveOrg', code: 'E_UNAUTHORIZED' }]);
    expect(store.getState().organizations).toEqual([]);
  });
});

describe('stores on Home', () => {
  it('loads one TSS’s state and counters on demand', async () => {
    const run = runReport();
    const { fake, store } = await started({ main: { runs: [run] } });
    fake.main.overviews[run.tssId] = tssOverview(run.tssId);
    await store.getState().loadTssSummary(run.tssId);
    expect(store.getState().tssSummaries[run.tssId]).toMatchObject({ state: 'INITIALIZED', registeredClients: 2, activeTransactions: 3 });
  });

  it('turns every kind of bridge failure into a visible error, never a throw', async () => {
    const { fake, store } = await started();
    fake.throwNext('runs:list');
    await store.getState().loadRuns();
    fake.garbageNext('recovery:list', 'nonsense');
    await store.getState().loadKnownTss();
    fake.failNext('print:printers', 'E_SOMETHING_NEW', 'Printing is not available here.');
    await store.getState().loadPrinters();
    expect(store.getState().errors.map((error) => [error.operation, error.code])).toEqual([
      ['loadRuns', 'E_BRIDGE_CALL_FAILED'],
      ['loadKnownTss', 'E_BAD_RESPONSE'],
      ['loadPrinters', 'E_SOMETHING_NEW'],
    ]);
    await store.getState().retry('loadRuns');
    expect(store.getState().errors.map((error) => error.operation)).toEqual(['loadKnownTss', 'loadPrinters']);
  });
});

describe('store overview', () => {
  const TSS = '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d';

  async function overview() {
    const context = await started();
    context.fake.main.overviews[TSS] = tssOverview(TSS);
    context.store.getState().openOverview(TSS);
    await flush();
    return context;
  }

  it('opens, loads and changes a client’s state', async () => {
    const { fake, store } = await overview();
    expect(store.getState().screen).toBe('overview');
    const client = store.getState().overview!.clients[1]!;
    expect(await store.getState().setClientState(client.id, 'REGISTERED')).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'tss:set-client-state', payload: { tssId: TSS, clientId: client.id, state: 'REGISTERED' } });
    expect(store.getState().overview?.registeredClients).toBe(2);
  });

  it('lists stale transactions, closes exactly the listed ones and exports the TAR', async () => {
    const { fake, store } = await overview();
    const preview = await store.getState().previewStale(24);
    expect(fake.calls.at(-1)).toEqual({ channel: 'tss:stale-preview', payload: { tssId: TSS, olderThanHours: 24 } });
    const ids = preview!.tills[0]!.transactions.map((tx) => tx.id);
    expect(ids).toHaveLength(3);
    expect(await store.getState().closeStale(preview!)).toMatchObject({ closed: 3 });
    expect(fake.calls.find((call) => call.channel === 'tss:close-stale')).toEqual({
      channel: 'tss:close-stale',
      payload: { tssId: TSS, olderThanHours: 24, transactionIds: ids },
    });
    await flush();
    expect(store.getState().overview?.activeTransactions).toBe(0);
    expect(await store.getState().exportTss()).toMatchObject({ path: expect.stringContaining('export.tar') });
  });
});

describe('test receipt and printing', () => {
  it('loads the receipt, verifies its QR text with main and prints it', async () => {
    const run = runReport();
    const { fake, store } = await started({ main: { runs: [run] } });
    store.getState().openReceipt(run.runId);
    await flush();
    const { receipt, verification } = store.getState();
    expect(receipt?.qrCodeData.startsWith('V0;')).toBe(true);
    const verify = fake.calls.find((call) => call.channel === 'receipt:verify');
    expect(verify?.payload).toEqual({ qrCodeData: receipt!.qrCodeData, tssSerialNumber: receipt!.tse.serialNumber });
    expect(verification?.valid).toBe(true);
    expect(verification?.checks.map((check) => check.name)).toContain('signature');

    expect(await store.getState().printReceipt('EPSON TM-T20III', 58)).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'print:receipt', payload: { runId: run.runId, printer: 'EPSON TM-T20III', width: 58 } });
    expect(await store.getState().printPdf(80)).toMatchObject({ path: expect.stringContaining('.pdf') });
    expect(await store.getState().printEscpos({ host: ' 192.168.1.50 ', port: 9100, width: 80, nativeQr: false })).toBe(1536);
    expect(fake.calls.at(-1)).toEqual({ channel: 'print:escpos', payload: { runId: run.runId, host: '192.168.1.50', port: 9100, width: 80, nativeQr: false } });
    expect(await store.getState().handoverReport(run.runId)).toMatchObject({ path: expect.any(String) });
  });

  it('shows a receipt that is not there yet as an error', async () => {
    const run = runReport({ status: 'failed' });
    const { store } = await started({ main: { runs: [run] } });
    await store.getState().loadReceipt(run.runId);
    expect(store.getState().receipt).toBeNull();
    expect(store.getState().errors).toMatchObject([{ operation: 'loadReceipt', code: 'E_RECEIPT_NOT_READY' }]);
  });
});

describe('printer choice', () => {
  function memoryStorage() {
    const items = new Map<string, string>();
    return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
  }

  it('remembers the paper width, the printer and the network printer in main\'s settings, for the next start on this laptop', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    expect(printerChoice(store.getState().settings, {})).toEqual({ name: null, paperWidth: 80, host: '', port: 9100, nativeQr: true });
    await store.getState().rememberPrinter({ paperWidth: 58 });
    await store.getState().rememberPrinter({ host: '192.168.1.50', port: 9101, nativeQr: false });
    await store.getState().rememberPrinter({ name: 'EPSON TM-T20III' });
    expect(fake.settings.printer).toEqual({ paperWidth: 58, host: '192.168.1.50', port: 9101, nativeQr: false, name: 'EPSON TM-T20III' });
    // A restart: a new page over the same settings file.
    const again = createAppStore(createFakeCompanion({ settings: fake.settings }).api);
    again.getState().start();
    await flush();
    expect(printerChoice(again.getState().settings, {})).toEqual({ name: 'EPSON TM-T20III', paperWidth: 58, host: '192.168.1.50', port: 9101, nativeQr: false });
  });

  it('keeps both of two choices made before main answered the first', async () => {
    const fake = createFakeCompanion({ settings: { ...defaultSettings, printer: { host: '10.0.0.7' } } });
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    fake.holdNext('settings:set');
    const first = store.getState().rememberPrinter({ paperWidth: 58 });
    const second = store.getState().rememberPrinter({ name: 'Star TSP143' });
    // The second write carries the first choice too, though main has not confirmed it yet.
    expect(fake.calls.filter((call) => call.channel === 'settings:set').at(-1)?.payload).toEqual({ printer: { host: '10.0.0.7', paperWidth: 58, name: 'Star TSP143' } });
    await fake.release();
    await Promise.all([first, second]);
  });

  it('does not write the settings again for a choice that is already remembered', async () => {
    const fake = createFakeCompanion({ settings: { ...defaultSettings, printer: { paperWidth: 58 } } });
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    await store.getState().rememberPrinter({ paperWidth: 58 });
    expect(fake.calls.filter((call) => call.channel === 'settings:set')).toHaveLength(0);
  });

  it('reads what an older version kept in localStorage, and nothing unreadable', () => {
    const storage = memoryStorage();
    storage.setItem(PRINTER_KEY, 'EPSON TM-T20III');
    storage.setItem(NETWORK_PRINTER_KEY, JSON.stringify({ host: ' 10.0.0.7 ', port: 9101, width: 58, nativeQr: false }));
    expect(legacyPrinterPrefs(storage)).toEqual({ name: 'EPSON TM-T20III', host: '10.0.0.7', port: 9101, nativeQr: false });
    expect(printerChoice({ ...defaultSettings, printer: { host: '10.0.0.9' } }, legacyPrinterPrefs(storage)).host).toBe('10.0.0.9');
    storage.setItem(NETWORK_PRINTER_KEY, '{not json');
    expect(legacyPrinterPrefs(storage)).toEqual({});
    storage.setItem(NETWORK_PRINTER_KEY, JSON.stringify({ host: 7, port: 70000, nativeQr: 'yes' }));
    expect(legacyPrinterPrefs(storage)).toEqual({ name: 'EPSON TM-T20III' });
    expect(legacyPrinterPrefs(null)).toEqual({});
  });
});

describe('where errors show', () => {
  it('every operation has an area, and the frame shows what the current view does not', () => {
    expect(Object.keys(operationArea)).toHaveLength(46);
    expect(claimedAreas('home', 'plan')).toEqual(['vault', 'backup', 'orgs', 'stores']);
    expect(claimedAreas('wizard', 'run')).toEqual(['run']);
    expect(claimedAreas('settings', 'plan')).toEqual([]);
  });
});

describe('recovery file reading', () => {
  it('takes the base64 part of a data URL and refuses anything else', async () => {
    const { base64OfDataUrl } = await import('../../../../../renderer/src/shell/vault/read-file');
    expect(base64OfDataUrl('data:application/octet-stream;base64,AAECAwQ=')).toBe('AAECAwQ=');
    expect(base64OfDataUrl('data:;base64,')).toBeNull();
    expect(base64OfDataUrl('data:text/plain,hello')).toBeNull();
    expect(base64OfDataUrl('AAECAwQ=')).toBeNull();
  });
});

describe('stores on Home, merged', () => {
  it('joins runs and vault entries by TSS, newest run first, vault-only TSS after', async () => {
    const { storeRows } = await import('../../../../../renderer/src/products/sign-de/stores/store-rows');
    const older = runReport({ storeName: 'Köln (alt)' });
    const newer = runReport({ storeName: 'Köln', tssId: older.tssId });
    const other = runReport({ storeName: 'Bonn' });
    const vaultOnly = { tssId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', storeName: 'Aachen', environment: 'test' as const, hasPuk: true, hasPin: false, updatedAt: '2026-01-01T00:00:00Z' };
    const rows = storeRows([newer, other, older], [vaultOnly, { ...vaultOnly, tssId: older.tssId, storeName: 'Köln' }], {});
    expect(rows.map((row) => [row.storeName, row.run?.runId ?? null, row.known?.hasPuk ?? null])).toEqual([
      ['Köln', newer.runId, true],
      ['Bonn', other.runId, null],
      ['Aachen', null, true],
    ]);
  });
});

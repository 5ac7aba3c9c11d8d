import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language, Settings } from '../../../../../../preload/contract/core/settings';
import { MigrationScreen } from '../../../../../../renderer/src/products/sign-de/migration/MigrationScreen';
import { SignDeHomeCards } from '../../../../../../renderer/src/products/sign-de/SignDeHomeCards';
import { createI18n } from '../../../../../../renderer/src/shell/i18n/create-i18n';
import { type AppStore, createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../../renderer/src/state/store-context';
import { actionsOnView } from '../../../../../../renderer/src/shell/state/error-areas';
import { FAKE_PASSPHRASE } from '../../../fakes/fake-main';
import { type FakeCompanion, createFakeCompanion, flush } from '../../../fakes/fake-companion';
import { V1_CLIENTS, V1_TSS_ID } from '../../../fakes/fake-migration';
import { renderStatic } from '../../../fakes/render-static';

async function started(settings: Partial<Settings> = {}): Promise<{ fake: FakeCompanion; store: AppStore }> {
  const fake = createFakeCompanion({ settings: { environment: 'sandbox', ...settings } as Settings });
  const store = createAppStore(fake.api);
  store.getState().start();
  await flush();
  return { fake, store };
}

/** A static render reads the store's initial state: so a store that starts where `store` is now. */
const render = (store: AppStore, node = <MigrationScreen />, language: Language = 'de') =>
  renderStatic(
    <I18nextProvider i18n={createI18n(language)}>
      <StoreProvider store={createAppStore(createFakeCompanion().api, { ...store.getState() })}>{node}</StoreProvider>
    </I18nextProvider>,
  );

/** The seeded store read, picked and its serial fix confirmed as the technician would. */
async function planned(store: AppStore) {
  store.getState().openMigration();
  await store.getState().loadMigrationInventory();
  store.getState().setSerialFix(V1_CLIENTS[2], { to: 'KASSE-03', confirmed: true });
}

describe('the migration wizard', () => {
  it('is offered on Home and in the store list, in German and English', async () => {
    const { store } = await started();
    const de = await render(store, <SignDeHomeCards />);
    expect(de.split('>Von V1 migrieren</button>').length - 1).toBe(2);
    const en = await render(store, <SignDeHomeCards />, 'en');
    expect(en).toContain('>Migrate from V1</button>');
  });

  it('reads the inventory, picks the only V1 TSS still running and shows tills, ACTIVE transactions and problems', async () => {
    const { store } = await started();
    store.getState().openMigration();
    expect(store.getState().screen).toBe('migration');
    await store.getState().loadMigrationInventory();
    const { migration } = store.getState();
    // The disabled second TSS is not picked by itself.
    expect(migration.v1TssId).toBe(V1_TSS_ID);
    expect(migration.storeName).toBe('Filiale Altstadt');
    expect(migration.fixes[V1_CLIENTS[2]]).toEqual({ to: 'KASSE-03', confirmed: false });
    const html = await render(store);
    expect(html).toContain('KASSE_03');
    expect(html).toContain('2 offene Transaktionen');
    expect(html).toContain('Die Seriennummer „KASSE_03“ ist in V2 nicht erlaubt.');
    // The second V1 TSS is listed with its state in German (not fiskaly's DISABLED), one till in the singular.
    expect(html).toMatch(/Filiale Alt \(abgeschaltet\) \(22222222-2222-4222-8222-222222222222\), abgeschaltet, (1 Kasse|\d+ Kassen)</);
    expect(html).not.toContain(', DISABLED,');
    // Not on before the technician confirmed the fix.
    expect(html).toContain('Bestätigen Sie jede geänderte Seriennummer.');
  });

  it('does not start before every serial fix is confirmed, then sends the confirmed fix with the plan (prepare only)', async () => {
    const { fake, store } = await started();
    store.getState().openMigration();
    await store.getState().loadMigrationInventory();
    expect(await store.getState().startMigration(false)).toBe(false);
    expect(fake.main.migration.requests).toEqual([]);
    store.getState().setSerialFix(V1_CLIENTS[2], { to: 'KASSE-03', confirmed: true });
    expect(await store.getState().startMigration(false)).toBe(true);
    expect(fake.main.migration.requests).toEqual([
      { channel: 'migration:start', confirmCutOver: false, serialFixes: [{ v1ClientId: V1_CLIENTS[2], from: 'KASSE_03', to: 'KASSE-03' }], passphrase: false },
    ]);
    const start = fake.calls.find((call) => call.channel === 'migration:start')!.payload as { plan: { baseUrlV2: string } };
    expect(start.plan.baseUrlV2).toBe('http://127.0.0.1:4010/api/v2');
    const { migration } = store.getState();
    expect(migration.run.phase).toBe('done');
    expect(migration.run.steps['v1-disable']).toBeUndefined();
    expect(migration.step).toBe('cut-over');
    expect(await render(store)).toContain('Umstellen');
  });

  it('shows what the cut-over will do, then cuts over by resuming the prepared run, and shows the mapping', async () => {
    const { fake, store } = await started();
    await planned(store);
    await store.getState().startMigration(false);
    const runId = store.getState().migration.run.runId!;
    const cutOver = await render(store);
    expect(cutOver).toContain('2 offene V1-Transaktionen ordentlich abbrechen');
    expect(cutOver).toContain('SHA-256');
    expect(cutOver).toContain('Der Tagesabschluss ist gemacht');
    expect(await store.getState().resumeMigration(true)).toBe(true);
    expect(fake.main.migration.requests.at(-1)).toEqual({ channel: 'migration:resume', confirmCutOver: true, passphrase: false });
    const { migration } = store.getState();
    expect(migration.run.runId).toBe(runId);
    expect(migration.step).toBe('result');
    expect(migration.report?.mapping?.tills.map((till) => till.serialNumber)).toEqual(['KASSE-01', 'KASSE-02', 'KASSE-03']);
    const result = await render(store);
    expect(result).toContain('Zuordnung der Kassen');
    expect(result).toContain('vorher KASSE_03');
    // When V1 was disabled, in German and German time, not main's ISO text.
    expect(result).toContain('30.11.2026, 21:15');
    expect(result).not.toContain('2026-11-30T20:15');
    expect(result).toContain(migration.report!.v2.tssId!);
    expect(result).toContain('>Unterlagen speichern</button>');
  });

  it('saves the documents into one folder and shows where', async () => {
    const { fake, store } = await started();
    await planned(store);
    await store.getState().startMigration(true);
    expect(store.getState().migration.step).toBe('result');
    const documents = await store.getState().saveMigrationDocuments({ folder: '/home/tech/Documents/TSS Companion/Filiale Altstadt' });
    expect(documents?.mappingCsv.path).toContain('pos-mapping.csv');
    expect(fake.main.migration.documentsSaved).toBe(1);
    const html = await render(store);
    expect(html).toContain('pos-mapping.json');
    expect(html).toContain('v1-export.tar');
  });

  it('in LIVE, main refuses a cut-over without the vault passphrase and the error shows beside the action, once', async () => {
    const { fake, store } = await started({ environment: 'live' });
    fake.main.organizations.push({ id: '9b1d2c3e-5f60-4718-9a2b-3c4d5e6f7a8b', environment: 'live', label: 'Müller', apiKeyHint: 'live_1' });
    fake.main.migration.inventory.environment = 'live';
    await planned(store);
    // LIVE needs the taxpayer and Betriebsstätte: without them nothing is sent.
    expect(await store.getState().startMigration(true, FAKE_PASSPHRASE)).toBe(false);
    expect(fake.calls.some((call) => call.channel === 'migration:start')).toBe(false);
    store.getState().setMigrationMasterData({
      legalName: 'Müller Backwaren GmbH',
      taxNumber: '93815/08152',
      bundesland: 'BW',
      designation: 'Filiale Altstadt',
      street: 'Marktplatz',
      houseNumber: '1',
      postcode: '50667',
      town: 'Köln',
    });
    store.getState().goToMigrationStep('cut-over');
    expect(await store.getState().startMigration(true)).toBe(false);
    expect(store.getState().errors.map((error) => [error.operation, error.code])).toEqual([['startMigration', 'E_CONFIRMATION_REQUIRED']]);
    expect(actionsOnView(store.getState())).toContain('startMigration');
    const html = await render(store);
    expect(html.split('Die Migration wurde nicht gestartet.').length - 1).toBe(1);
    expect(await store.getState().startMigration(true, FAKE_PASSPHRASE)).toBe(true);
    expect(fake.main.migration.requests.at(-1)).toMatchObject({ confirmCutOver: true, passphrase: true });
  });

  it('follows only its own run: another run’s events change nothing', async () => {
    const { fake, store } = await started();
    await planned(store);
    await store.getState().startMigration(false);
    const before = store.getState().migration.run;
    fake.emit('migration:progress', { runId: 'other', storeName: 'Andere', step: 'v1-disable', index: 1, total: 23, status: 'running', fraction: 0.9 });
    expect(store.getState().migration.run).toBe(before);
  });
});

describe('an unfinished migration', () => {
  it('is listed on the inventory and continued where it stands: a prepared one at the cut-over', async () => {
    const { store } = await started();
    await planned(store);
    await store.getState().startMigration(false);
    const runId = store.getState().migration.run.runId!;
    // A new session of the wizard (after a restart): the run is only known from main's list.
    store.setState({ migration: { ...store.getState().migration, run: { ...store.getState().migration.run, runId: null, phase: 'idle' }, runs: null } });
    store.getState().openMigration();
    await store.getState().loadMigrationRuns();
    const html = await render(store);
    expect(html).toContain('Filiale Altstadt: Schritt „V2 vorbereiten“');
    expect(html).toContain('aria-label="Weitermachen: Filiale Altstadt"');
    store.getState().openMigration(runId);
    const { migration } = store.getState();
    expect(migration.run.runId).toBe(runId);
    expect(migration.step).toBe('cut-over');
    expect(await store.getState().resumeMigration(true)).toBe(true);
    expect(store.getState().migration.step).toBe('result');
  });
});

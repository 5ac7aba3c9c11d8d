import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { VaultState } from '../../../../../preload/contract/core/vault';
import { App } from '../../../../../renderer/src/shell/frame/App';
import { createI18n } from '../../../../../renderer/src/shell/i18n/create-i18n';
import { type AppState, createAppStore, initialAppState } from '../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../renderer/src/state/store-context';
import { createFakeCompanion, fakeAppInfo } from '../../fakes/fake-companion';
import { FAKE_PASSPHRASE, runReport } from '../../fakes/fake-main';
import { renderStatic } from '../../fakes/render-static';

const fresh: VaultState = { initialized: false, unlocked: false, keychainProblem: null, entries: 0 };
const ready: VaultState = { initialized: true, unlocked: true, keychainProblem: null, entries: 2 };
const NEW_PASSPHRASE = 'new laptop, new passphrase';

async function render(state: Partial<AppState>, language: 'de' | 'en' = 'de'): Promise<string> {
  const store = createAppStore(createFakeCompanion().api, {
    appInfo: fakeAppInfo,
    settings: { language, environment: 'sandbox' },
    organizations: [],
    runs: [],
    knownTss: [],
    ...state,
  });
  return renderStatic(
    <I18nextProvider i18n={createI18n(language)}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>,
  );
}

const labels = (html: string) => [...html.matchAll(/class="field__label">([^<]+)<\/label>/g)].map((match) => match[1]);

describe('the recovery file on a new laptop', () => {
  it('with no vault yet, the import asks for the file’s passphrase and the new vault’s (twice), and sets the vault up with it', async () => {
    const html = await render({ screen: 'recovery', vault: fresh });
    expect(labels(html)).toEqual(expect.arrayContaining(['Passphrase der Wiederherstellungsdatei', 'Neue Passphrase dieses Tresors', 'Neue Passphrase wiederholen']));
    expect(html).toContain('>Tresor einrichten und Datei importieren</button>');
    const english = await render({ screen: 'recovery', vault: fresh }, 'en');
    expect(labels(english)).toEqual(expect.arrayContaining(['Passphrase of the recovery file', 'New passphrase of this vault']));
  });

  it('Home’s first-use card offers it too', async () => {
    const html = await render({ vault: fresh });
    expect(html).toContain('Neuer Laptop? Mit der Wiederherstellungsdatei des alten einrichten');
    expect(html).toContain('>Tresor einrichten und Datei importieren</button>');
  });

  it('with a vault, the two passphrases say which is meant; the PUK asks for this vault’s', async () => {
    const tssId = '8c7b6a59-4d3e-4f21-9a0b-1c2d3e4f5a6b';
    const knownTss = [{ tssId, storeName: 'Filiale Kiel', environment: 'sandbox' as const, hasPuk: true, hasPin: true, updatedAt: '2026-08-18T10:00:00Z' }];
    const html = await render({ screen: 'recovery', vault: ready, knownTss, recovery: { ...initialAppState.recovery, tssId } });
    const shown = labels(html);
    expect(shown.filter((label) => label === 'Passphrase der Wiederherstellungsdatei')).toHaveLength(1);
    expect(shown).toContain('Passphrase dieses Tresors');
    expect(shown).not.toContain('Passphrase der Datei');
    expect(html).toMatch(/Passphrase dieses Tresors<\/label><input[^>]*>(?:(?!<\/form>)[^])*>PUK anzeigen<\/button>/);
  });

  it('importRecovery with newVault: one call sets the vault up and imports; Home’s count follows', async () => {
    const fake = createFakeCompanion({ main: { vault: fresh, passphrase: null } });
    const store = createAppStore(fake.api, { vault: fresh });
    const summary = await store.getState().importRecovery('ZmlsZQ==', FAKE_PASSPHRASE, NEW_PASSPHRASE, { newVault: true });
    expect(summary).toMatchObject({ added: 1 });
    expect(fake.calls.filter((c) => c.channel === 'vault:import-recovery').map((c) => c.payload)).toEqual([
      { file: 'ZmlsZQ==', passphrase: FAKE_PASSPHRASE, vaultPassphrase: NEW_PASSPHRASE, newVault: true },
    ]);
    expect(store.getState().vault).toMatchObject({ initialized: true, unlocked: true, entries: 2 });
    expect(JSON.stringify(store.getState())).not.toContain(NEW_PASSPHRASE);
  });
});

describe('Home’s count of vault entries', () => {
  it('follows a finished run (it stored a PIN and a PUK)', async () => {
    const fake = createFakeCompanion({ main: { vault: ready } });
    const store = createAppStore(fake.api, { vault: ready, runs: [] });
    fake.main.vault = { ...ready, entries: 4 };
    store.getState().receiveFinished(runReport({ status: 'done' }));
    await vi.waitFor(() => expect(store.getState().vault?.entries).toBe(4));
  });
});

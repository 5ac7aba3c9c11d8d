import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { App } from '../../../../../../renderer/src/shell/frame/App';
import { createI18n } from '../../../../../../renderer/src/shell/i18n/create-i18n';
import { type AppState, createAppStore, initialAppState } from '../../../../../../renderer/src/shell/state/app-store';
import { pukGroups } from '../../../../../../renderer/src/products/sign-de/recovery/puk-groups';
import { StoreProvider } from '../../../../../../renderer/src/state/store-context';
import { createFakeCompanion, fakeAppInfo } from '../../../fakes/fake-companion';
import { renderStatic } from '../../../fakes/render-static';

const tssId = '8c7b6a59-4d3e-4f21-9a0b-1c2d3e4f5a6b';
const knownTss = [{ tssId, storeName: 'Filiale Kiel', environment: 'sandbox' as const, hasPuk: true, hasPin: true, updatedAt: '2026-08-18T10:00:00Z' }];
const base: Partial<AppState> = {
  appInfo: fakeAppInfo,
  settings: { language: 'de', environment: 'sandbox' },
  vault: { initialized: true, unlocked: true, keychainProblem: null, entries: 2 },
  organizations: [],
  runs: [],
  knownTss,
};

async function render(state: Partial<AppState>): Promise<string> {
  const store = createAppStore(createFakeCompanion().api, { ...base, ...state });
  return renderStatic(
    <I18nextProvider i18n={createI18n('de')}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>,
  );
}

describe('the PUK recovery opened by a blocked PIN', () => {
  it('says which TSS is blocked (store name and TSS id) and leads back to where the technician was', async () => {
    const store = createAppStore(createFakeCompanion().api, { ...base, screen: 'wizard' });
    store.getState().openRecovery(tssId, 'blocked');
    expect(store.getState().recovery).toMatchObject({ tssId, reason: 'blocked', from: 'wizard' });
    const html = await render({ screen: 'recovery', recovery: store.getState().recovery });
    expect(html).toContain(`Gesperrt: Filiale Kiel, TSS ${tssId}`);
    expect(html).toContain('>Zurück zur Einrichtung</button>');
    store.getState().openRecovery(tssId, 'blocked');
    expect(store.getState().recovery.from).toBe('wizard');
  });

  it('from a store overview, back goes there', async () => {
    const html = await render({ screen: 'recovery', recovery: { ...initialAppState.recovery, tssId, reason: 'blocked', from: 'overview' } });
    expect(html).toContain('>Zurück zur Filialübersicht</button>');
  });
});

describe('the PUK for reading aloud', () => {
  it('comes in groups of five (or four), and as one for copying', () => {
    expect(pukGroups('1234567890')).toEqual(['12345', '67890']);
    expect(pukGroups('ABCDEFGHIJKL')).toEqual(['ABCD', 'EFGH', 'IJKL']);
    expect(pukGroups('123456')).toEqual(['1234', '56']);
  });

  it('is shown grouped by spacing only, so its text stays one string', async () => {
    const html = await render({ screen: 'recovery', recovery: { ...initialAppState.recovery, tssId, puk: '1234567890' } });
    expect(html).toContain('<code><span class="puk__group">12345</span><span class="puk__group">67890</span></code>');
  });
});

import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { VaultState } from '../../../../../preload/contract/core/vault';
import { App } from '../../../../../renderer/src/shell/frame/App';
import { createI18n } from '../../../../../renderer/src/shell/i18n/create-i18n';
import { type AppState, createAppStore } from '../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../renderer/src/state/store-context';
import { createFakeCompanion, fakeAppInfo, flush } from '../../fakes/fake-companion';
import { tssOverview } from '../../fakes/fake-main';
import { renderStatic } from '../../fakes/render-static';

const TSS = '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d';
const readyVault: VaultState = { initialized: true, unlocked: true, keychainProblem: null, entries: 1 };

async function render(state: Partial<AppState>, language: 'de' | 'en') {
  const store = createAppStore(createFakeCompanion().api, {
    appInfo: fakeAppInfo,
    settings: { language, environment: 'sandbox' },
    vault: readyVault,
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

describe('the store overview’s warnings', () => {
  const onOverview = (overrides: Parameters<typeof tssOverview>[1], language: 'de' | 'en') =>
    render({ screen: 'overview', overviewTssId: TSS, overview: tssOverview(TSS, overrides) }, language);

  it('shows a blocked admin PIN with the way to the PUK recovery, in German and English', async () => {
    const de = await onOverview({ adminPinBlockedSince: '2026-11-30T08:15:00.000Z' }, 'de');
    expect(de).toContain('Admin-PIN gesperrt');
    expect(de).toContain('30.11.2026 09:15:00');
    expect(de).toContain('>Zur PUK-Wiederherstellung</button>');
    const en = await onOverview({ adminPinBlockedSince: '2026-11-30T08:15:00.000Z' }, 'en');
    expect(en).toContain('>Go to PUK recovery</button>');
    expect(await onOverview({ adminPinBlockedSince: null }, 'de')).not.toContain('Admin-PIN gesperrt');
  });

  it('shows the certificate’s end of validity, and warns when it is near', async () => {
    const far = await onOverview({ certificate: { notAfter: '2027-11-30T08:00:00.000Z', daysLeft: 365, warning: false } }, 'de');
    expect(far).toContain('Zertifikat gültig bis');
    expect(far).toContain('30.11.2027 (noch 365 Tage)');
    expect(far).not.toContain('läuft bald ab');
    const near = await onOverview({ certificate: { notAfter: '2026-12-20T08:00:00.000Z', daysLeft: 20, warning: true } }, 'en');
    expect(near).toContain('The TSS certificate expires soon');
    expect(near).toContain('20.12.2026 (20 days left)');
  });
});

describe('the settings screen', () => {
  it('offers the support bundle, the activity log and the sandbox reset', async () => {
    const de = await render({ screen: 'settings' }, 'de');
    expect(de).toContain('>Support-Paket speichern</button>');
    expect(de).toContain('>Aktivitätsprotokoll anzeigen</button>');
    expect(de).toContain('>Sandbox zurücksetzen</button>');
    const en = await render({ screen: 'settings' }, 'en');
    expect(en).toContain('>Save support bundle</button>');
    expect(en).toContain('>Reset sandbox</button>');
  });
});

describe('the support and sandbox actions', () => {
  it('save the bundle, page the activity log and reset the sandbox (asking main with the confirmation word)', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    fake.calls.length = 0;
    await store.getState().saveSupportBundle({ file: '/home/tech/Documents/TSS Companion/support.zip' });
    await store.getState().loadActivity({ offset: 20, limit: 20 });
    await store.getState().resetSandbox();
    expect(fake.calls.map((call) => [call.channel, call.payload])).toEqual([
      ['support:bundle', { destination: { file: '/home/tech/Documents/TSS Companion/support.zip' } }],
      ['activity:list', { offset: 20, limit: 20 }],
      ['sandbox:reset', { confirm: 'reset' }],
      ['runs:list', undefined],
      ['recovery:list', undefined],
    ]);
  });
});

describe('the activity screen', () => {
  it('is a screen of its own, reached from the settings', async () => {
    const html = await render({ screen: 'activity' }, 'en');
    expect(html).toContain('Activity log');
    expect(html).toContain('>Back to settings</button>');
  });
});

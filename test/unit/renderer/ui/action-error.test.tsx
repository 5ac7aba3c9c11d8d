import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { VaultState } from '../../../../preload/contract/core/vault';
import { App } from '../../../../renderer/src/shell/frame/App';
import { createI18n } from '../../../../renderer/src/shell/i18n/create-i18n';
import { type AppState, createAppStore, initialAppState } from '../../../../renderer/src/shell/state/app-store';
import { emptyDraft } from '../../../../renderer/src/products/sign-de/wizard/wizard-rules';
import { StoreProvider } from '../../../../renderer/src/state/store-context';
import type { Operation } from '../../../../renderer/src/state/ui-error';
import { createFakeCompanion, fakeAppInfo } from '../fakes/fake-companion';
import { renderStatic } from '../fakes/render-static';

const readyVault: VaultState = { initialized: true, unlocked: true, keychainProblem: null, entries: 2 };
const base: Partial<AppState> = { appInfo: fakeAppInfo, settings: { language: 'de', environment: 'sandbox' }, vault: readyVault, organizations: [], runs: [], knownTss: [] };
const tssId = '8c7b6a59-4d3e-4f21-9a0b-1c2d3e4f5a6b';
const knownTss = [{ tssId, storeName: 'Filiale Köln', environment: 'sandbox' as const, hasPuk: true, hasPin: true, updatedAt: '2026-08-18T10:00:00Z' }];

async function render(state: Partial<AppState>, operation: Operation, code = 'E_VAULT_WRONG_PASSPHRASE'): Promise<string> {
  const store = createAppStore(createFakeCompanion().api, { ...base, ...state, errors: [{ operation, code, message: 'What main said.' }] });
  return renderStatic(
    <I18nextProvider i18n={createI18n('de')}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>,
  );
}

/** Where the (one) error notice is, against a button's position: the notice must follow the button closely. */
function noticeAfter(html: string, buttonText: string): { notices: number; gap: number } {
  const notices = html.split('data-testid="error-notice"').length - 1;
  const button = html.indexOf(`>${buttonText}</button>`);
  const notice = html.indexOf('data-testid="error-notice"');
  const between = html.slice(button, notice);
  // Nothing but the button's own row may stand between them: no other field, button or section.
  const gap = button < 0 || notice < button ? -1 : (between.match(/<(input|button|section|h2|h3)\b/g) ?? []).length;
  return { notices, gap };
}

describe('an action’s error is shown where the action was', () => {
  const recovery = { screen: 'recovery' as const, knownTss, recovery: { ...initialAppState.recovery, tssId } };

  it('a wrong passphrase on "PUK anzeigen": right below that button, once, focusable', async () => {
    const html = await render(recovery, 'revealPuk');
    expect(noticeAfter(html, 'PUK anzeigen')).toEqual({ notices: 1, gap: 1 });
    expect(html).toMatch(/<section class="notices notices--action"[^>]*tabindex="-1"/);
  });

  it('"Neue PIN setzen" failing: right below that button, once', async () => {
    const html = await render(recovery, 'unblockPin', 'E_NETWORK');
    expect(noticeAfter(html, 'Neue PIN setzen')).toEqual({ notices: 1, gap: 1 });
  });

  it('a refused import: below "Datei importieren", once', async () => {
    const html = await render(recovery, 'importRecovery');
    expect(noticeAfter(html, 'Datei importieren')).toEqual({ notices: 1, gap: 1 });
  });

  it('a refused start of the run: below the start button, once', async () => {
    const draft = { ...emptyDraft, storeName: 'Filiale Köln', clients: ['KASSE-01'] };
    const html = await render({ screen: 'wizard', wizard: { ...initialAppState.wizard, step: 'plan', draft } }, 'startRun', 'E_NETWORK');
    expect(noticeAfter(html, 'Einrichtung starten')).toEqual({ notices: 1, gap: 1 });
  });

  it('a failed vault setup on Home: below "Tresor einrichten", once', async () => {
    const html = await render({ vault: { initialized: false, unlocked: false, keychainProblem: null, entries: 0 } }, 'setupVault', 'E_INTERNAL');
    expect(noticeAfter(html, 'Tresor einrichten')).toEqual({ notices: 1, gap: 1 });
  });

  it('an action whose form is not on the view still shows (in the frame), once', async () => {
    const html = await render({ screen: 'settings' }, 'revealPuk');
    expect(html.split('data-testid="error-notice"').length - 1).toBe(1);
  });
});

describe('errors do not follow the technician to other screens', () => {
  it('navigating drops the errors of actions and keeps a failed load (it still lacks its data)', () => {
    const store = createAppStore(createFakeCompanion().api, {
      ...base,
      errors: [
        { operation: 'printEscpos', code: 'E_PRINTER_UNREACHABLE', message: 'x' },
        { operation: 'revealPuk', code: 'E_VAULT_WRONG_PASSPHRASE', message: 'x' },
        { operation: 'loadRuns', code: 'E_INTERNAL', message: 'x' },
      ],
    });
    store.getState().navigate('settings');
    expect(store.getState().errors.map((error) => error.operation)).toEqual(['loadRuns']);
  });
});

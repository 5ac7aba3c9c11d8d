import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { STEP_NAMES } from '../../../../../../preload/contract/sign-de/provisioning-steps';
import type { RunReport } from '../../../../../../preload/contract/sign-de/runs';
import { App } from '../../../../../../renderer/src/shell/frame/App';
import { createI18n } from '../../../../../../renderer/src/shell/i18n/create-i18n';
import { type AppState, createAppStore, initialAppState } from '../../../../../../renderer/src/shell/state/app-store';
import { applyFinished, applyProgress, journalPosition, progressPercent, runResuming, stepLog } from '../../../../../../renderer/src/products/sign-de/run/run-progress';
import { StoreProvider } from '../../../../../../renderer/src/state/store-context';
import { createFakeCompanion, fakeAppInfo } from '../../../fakes/fake-companion';
import { runReport } from '../../../fakes/fake-main';
import { renderStatic } from '../../../fakes/render-static';

// A run cut off by a crash after 9 of its 12 steps, as runs:list lists it (its journal, no vault needed).
const crashed: RunReport = runReport({ status: 'running', steps: [...STEP_NAMES], done: STEP_NAMES.slice(0, 9), receipt: { txId: 'x' } });

async function render(state: Partial<AppState>, language: 'de' | 'en' = 'de'): Promise<string> {
  const base: Partial<AppState> = {
    appInfo: fakeAppInfo,
    settings: { language, environment: 'sandbox' },
    vault: { initialized: true, unlocked: false, keychainProblem: null, entries: 2 },
    organizations: [],
    knownTss: [],
  };
  const store = createAppStore(createFakeCompanion().api, { ...base, ...state });
  return renderStatic(
    <I18nextProvider i18n={createI18n(language)}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>,
  );
}

describe('a crashed run, resumed with the vault locked', () => {
  it('starts from the journal: 9 of 12 done, 75 %, stopped at the 10th step (not 0 %, all pending)', () => {
    expect(journalPosition(crashed)).toEqual({ total: 12, done: STEP_NAMES.slice(0, 9), step: 'admin-logout' });
    const run = runResuming(crashed);
    expect(progressPercent(run)).toBe(75);
    expect(run.current).toBe('admin-logout');
    expect(stepLog(run).map((entry) => entry.status)).toEqual([...Array(9).fill('done'), 'pending', 'pending', 'pending']);
  });

  it('the run page shows that state while the resume is refused', async () => {
    const run = { ...runResuming(crashed), phase: 'failed' as const };
    const html = await render({
      screen: 'wizard',
      wizard: { ...initialAppState.wizard, step: 'run' },
      runs: [crashed],
      run,
      errors: [{ operation: 'resumeRun', code: 'E_VAULT_LOCKED', message: 'The vault is locked.' }],
    });
    expect(html).toContain('aria-valuenow="75"');
    expect(html.match(/step-log__item--done/g)).toHaveLength(9);
    expect(html).toContain('Schritt 10 von 12: Admin abmelden');
  });

  it('Home names the step it stopped at, how far it got, and why (DE and EN)', async () => {
    const html = await render({ runs: [crashed] });
    expect(html).toContain('unterbrochen · 9 von 12 Schritten erledigt');
    expect(html).toMatch(/<dt>Angehalten bei<\/dt><dd>Admin abmelden<\/dd>/);
    expect(html).toContain('Das Programm wurde während dieses Schritts beendet.');
    expect(html).not.toContain('läuft oder wurde unterbrochen');
    const english = await render({ runs: [crashed] }, 'en');
    expect(english).toContain('interrupted · 9 of 12 steps done');
  });
});

describe('the run page while fiskaly does not answer, and after a cancel', () => {
  const started = { ...runResuming(runReport({ status: 'running', steps: [...STEP_NAMES], done: [] })), runId: 'r1' };
  const event = { runId: 'r1', storeName: started.storeName, step: 'create-tss' as const, index: 2, total: 12, status: 'running' as const, fraction: 1 / 12 };

  it('says it is trying again, in plain words, until the next event', async () => {
    const retrying = applyProgress(started, { ...event, retry: { attempt: 2, attempts: 6 } });
    expect(retrying.retry).toEqual({ attempt: 2, attempts: 6 });
    const html = await render({ screen: 'wizard', wizard: { ...initialAppState.wizard, step: 'run' }, run: retrying });
    expect(html).toContain('Keine Verbindung zu fiskaly. Neuer Versuch (2 von 6) …');
    const english = await render({ screen: 'wizard', wizard: { ...initialAppState.wizard, step: 'run' }, run: retrying }, 'en');
    expect(english).toContain('No connection to fiskaly. Trying again (2 of 6) …');
    expect(applyProgress(retrying, { ...event, status: 'done' }).retry).toBeNull();
  });

  it('a cancelled step reads "angehalten", not "fehlgeschlagen"', async () => {
    const stopped = applyFinished(applyProgress(started, { ...event, status: 'cancelled' }), {
      ...crashed,
      runId: 'r1',
      storeName: started.storeName,
      status: 'cancelled',
      error: { code: 'E_RUN_CANCELLED', message: 'Cancelled.', step: 'create-tss', next: 'resume' },
    });
    const html = await render({ screen: 'wizard', wizard: { ...initialAppState.wizard, step: 'run' }, run: stopped });
    expect(html).toMatch(/step-log__item--cancelled[^]*?angehalten/);
    expect(html).not.toContain('fehlgeschlagen');
  });
});

describe('a run stopped by a locked vault', () => {
  it('offers the unlock right on the run page, beside Resume', async () => {
    const stoppedRun = applyFinished(runResuming(crashed), {
      ...crashed,
      status: 'failed',
      error: { code: 'E_VAULT_LOCKED', message: 'The vault is locked.', step: 'admin-logout', next: 'resume' },
    });
    const html = await render({ screen: 'wizard', wizard: { ...initialAppState.wizard, step: 'run' }, runs: [crashed], run: stoppedRun });
    expect(html).toContain('>Tresor entsperren</button>');
    expect(html.indexOf('>Tresor entsperren</button>')).toBeLessThan(html.indexOf('>Fortsetzen</button>'));
  });
});

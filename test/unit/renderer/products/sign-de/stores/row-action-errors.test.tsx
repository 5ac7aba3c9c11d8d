import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { VaultState } from '../../../../../../preload/contract/core/vault';
import { App } from '../../../../../../renderer/src/shell/frame/App';
import { createI18n } from '../../../../../../renderer/src/shell/i18n/create-i18n';
import { type AppState, type AppStore, createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../../renderer/src/state/store-context';
import { createFakeCompanion, fakeAppInfo } from '../../../fakes/fake-companion';
import { runReport } from '../../../fakes/fake-main';
import { renderStatic } from '../../../fakes/render-static';

const readyVault: VaultState = { initialized: true, unlocked: true, keychainProblem: null, entries: 2 };
const base: Partial<AppState> = { appInfo: fakeAppInfo, settings: { language: 'de', environment: 'sandbox' }, vault: readyVault, organizations: [], knownTss: [] };
const stopped = (storeName: string) => runReport({ storeName, status: 'failed', receipt: null, error: { step: 'create-tss', code: 'E_NETWORK', message: 'x' } });
const done = (storeName: string) => runReport({ storeName });

/**
 * The App as `store` stands now. A static render reads a store's initial state (zustand's server snapshot),
 * so the state reached by the calls becomes a fresh store's initial state.
 */
const render = (store: AppStore) =>
  renderStatic(
    <I18nextProvider i18n={createI18n('de')}>
      <StoreProvider store={createAppStore(createFakeCompanion().api, store.getState())}>
        <App />
      </StoreProvider>
    </I18nextProvider>,
  );

const noticesIn = (html: string) => html.split('data-testid="error-notice"').length - 1;
/** Each row of Home's cards (unfinished runs first, then stores): its title and how many error notices it holds. */
const rows = (html: string) =>
  [...html.matchAll(/<li class="store-item"><h3 class="store-item__title">([^<]*)<\/h3>([\s\S]*?)<\/li>/g)].map((match) => ({ name: match[1], notices: noticesIn(match[2]!) }));
/** Whether the row's one notice follows its action buttons and stands in a focusable region of its own. */
const besideButtons = (html: string, name: string, button: string) => {
  const row = [...html.matchAll(/<li class="store-item">([\s\S]*?)<\/li>/g)].map((match) => match[1]!).find((item) => item.includes(`>${name}</h3>`) && item.includes('data-testid="error-notice"'))!;
  return row.indexOf(`aria-label="${button}: ${name}"`) < row.indexOf('<section class="notices notices--action"') && /<section class="notices notices--action"[^>]*tabindex="-1"/.test(row);
};

describe('a failed row action on Home shows beside that row, once', () => {
  it('"Aufgeben" failing for one of two unfinished runs: the error is in that run’s row, nowhere else', async () => {
    const fake = createFakeCompanion();
    const [north, south] = [stopped('Filiale Nord'), stopped('Filiale Süd')];
    const store = createAppStore(fake.api, { ...base, runs: [north, south] });
    fake.failNext('provisioning:abandon', 'E_NETWORK', 'fiskaly is not reachable.');

    expect(await store.getState().abandonRun(south.runId)).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'abandonRun', subject: south.runId }]);

    const html = await render(store);
    expect(noticesIn(html)).toBe(1);
    // Unfinished runs card (Nord, Süd), then the stores card (Nord, Süd): only the unfinished Süd row holds it.
    expect(rows(html)).toEqual([
      { name: 'Filiale Nord', notices: 0 },
      { name: 'Filiale Süd', notices: 1 },
      { name: 'Filiale Nord', notices: 0 },
      { name: 'Filiale Süd', notices: 0 },
    ]);
    expect(besideButtons(html, 'Filiale Süd', 'Aufgeben')).toBe(true);
  });

  it('"Zustand laden" failing for one store: the error is in that store’s row, not at the top of the card', async () => {
    const fake = createFakeCompanion();
    const [north, south] = [done('Filiale Nord'), done('Filiale Süd')];
    const store = createAppStore(fake.api, { ...base, runs: [north, south] });
    fake.failNext('tss:overview', 'E_NETWORK', 'fiskaly is not reachable.');

    await store.getState().loadTssSummary(north.tssId);
    expect(store.getState().errors).toMatchObject([{ operation: 'loadTssSummary', subject: north.tssId }]);

    const html = await render(store);
    expect(noticesIn(html)).toBe(1);
    expect(rows(html)).toEqual([
      { name: 'Filiale Nord', notices: 1 },
      { name: 'Filiale Süd', notices: 0 },
    ]);
    expect(besideButtons(html, 'Filiale Nord', 'Zustand laden')).toBe(true);
  });

  it('a resume started from Home that fails after going back there: beside that run’s row', async () => {
    const fake = createFakeCompanion();
    const [north, south] = [stopped('Filiale Nord'), stopped('Filiale Süd')];
    const store = createAppStore(fake.api, { ...base, runs: [north, south] });
    fake.holdNext('provisioning:resume');
    const resuming = store.getState().resumeRun(north.runId);
    store.getState().navigate('home');
    fake.failNext('provisioning:resume', 'E_NETWORK', 'fiskaly is not reachable.');
    await fake.release();
    await resuming;
    if (store.getState().errors.length === 0) return expect.fail('the held resume should have failed');

    const html = await render(store);
    expect(noticesIn(html)).toBe(1);
    expect(rows(html)[0]).toEqual({ name: 'Filiale Nord', notices: 1 });
    expect(besideButtons(html, 'Filiale Nord', 'Fortsetzen')).toBe(true);
  });

  it('a row’s error whose row is gone (or another screen) still shows, in the frame, once', async () => {
    const gone = '0b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d';
    for (const [operation, screen] of [
      ['abandonRun', 'home'],
      ['loadTssSummary', 'home'],
      ['abandonRun', 'settings'],
      ['loadTssSummary', 'settings'],
      ['resumeRun', 'home'],
    ] as const) {
      const store = createAppStore(createFakeCompanion().api, {
        ...base,
        screen,
        runs: [stopped('Filiale Nord')],
        errors: [{ operation, code: 'E_NETWORK', message: 'x', subject: gone }],
      });
      const html = await render(store);
      expect(noticesIn(html), `${operation} on ${screen}`).toBe(1);
      expect(rows(html).every((row) => row.notices === 0), `${operation} on ${screen}`).toBe(true);
    }
  });
});

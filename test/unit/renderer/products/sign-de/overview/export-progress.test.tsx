import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../../../../../preload/contract/sign-de/tss';
import type { VaultState } from '../../../../../../preload/contract/core/vault';
import { App } from '../../../../../../renderer/src/shell/frame/App';
import { createI18n } from '../../../../../../renderer/src/shell/i18n/create-i18n';
import { formatDuration } from '../../../../../../renderer/src/products/sign-de/overview/ExportCard';
import { type AppState, createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../../renderer/src/state/store-context';
import { createFakeCompanion, fakeAppInfo, flush } from '../../../fakes/fake-companion';
import { tssOverview } from '../../../fakes/fake-main';
import { renderStatic } from '../../../fakes/render-static';

const TSS = '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d';
const OTHER = '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4';
const REQUESTED = Date.UTC(2026, 0, 5, 9);

const progress = (overrides: Partial<ExportProgress> = {}): ExportProgress => ({
  tssId: TSS,
  exportId: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
  phase: 'waiting',
  fiskalyState: 'WORKING',
  requestedAt: REQUESTED,
  elapsedMs: 125_000,
  estimatedCompletionAt: REQUESTED + 600_000,
  file: null,
  failure: null,
  ...overrides,
});

async function onOverview(exportStatus?: ExportProgress) {
  const fake = createFakeCompanion({ main: { overviews: { [TSS]: tssOverview(TSS) }, ...(exportStatus ? { exportStatus: { [TSS]: exportStatus } } : {}) } });
  const store = createAppStore(fake.api);
  store.getState().start();
  await flush();
  store.getState().openOverview(TSS);
  await flush();
  return { fake, store };
}

describe('export progress in the store', () => {
  it('shows an export left pending by an earlier app run as soon as the overview opens', async () => {
    const { fake, store } = await onOverview(progress({ phase: 'pending' }));
    expect(fake.calls.map((c) => c.channel)).toContain('tss:export-status');
    expect(store.getState().exportProgress).toMatchObject({ phase: 'pending', requestedAt: REQUESTED });
  });

  it('follows progress events of the shown TSS only, and ignores malformed ones', async () => {
    const { fake, store } = await onOverview();
    expect(store.getState().exportProgress).toBeNull();
    const stop = store.getState().watchExports();
    fake.emit('tss:export-progress', progress({ elapsedMs: 6_000 }));
    expect(store.getState().exportProgress?.elapsedMs).toBe(6_000);
    fake.emit('tss:export-progress', progress({ tssId: OTHER, elapsedMs: 12_000 }));
    fake.emit('tss:export-progress', { tssId: TSS, phase: 'exploded' } as unknown as ExportProgress);
    expect(store.getState().exportProgress?.elapsedMs).toBe(6_000);
    stop();
    fake.emit('tss:export-progress', progress({ elapsedMs: 18_000 }));
    expect(store.getState().exportProgress?.elapsedMs).toBe(6_000);
  });

  it('asks main where the export stands after the export call, whatever it answered', async () => {
    const { fake, store } = await onOverview();
    fake.main.exportStatus = { [TSS]: progress({ phase: 'pending' }) };
    fake.failNext('tss:export', 'E_EXPORT_SLOW', 'still making it');
    expect(await store.getState().exportTss()).toBeNull();
    expect(store.getState().exportProgress?.phase).toBe('pending');
    expect(store.getState().errors).toEqual([expect.objectContaining({ operation: 'exportTss', code: 'E_EXPORT_SLOW' })]);
  });
});

describe('export progress on the overview', () => {
  const readyVault: VaultState = { initialized: true, unlocked: true, keychainProblem: null, entries: 1 };
  async function render(state: Partial<AppState>, language: 'de' | 'en') {
    const store = createAppStore(createFakeCompanion().api, {
      appInfo: fakeAppInfo,
      settings: { language, environment: 'sandbox' },
      vault: readyVault,
      organizations: [],
      runs: [],
      knownTss: [],
      screen: 'overview',
      overviewTssId: TSS,
      overview: tssOverview(TSS),
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

  it('shows elapsed time and fiskaly’s estimate while an export runs, in German and English', async () => {
    const de = await render({ exportProgress: progress(), busy: { exportTss: true } }, 'de');
    expect(de).toContain('fiskaly erstellt den Export: bisher 2 min 05 s.');
    expect(de).toMatch(/fiskaly erwartet ihn fertig bis [^<]*10:10/);
    const en = await render({ exportProgress: progress({ estimatedCompletionAt: null }), busy: { exportTss: true } }, 'en');
    expect(en).toContain('fiskaly is making the export: 2 min 05 s so far.');
    expect(en).toContain('fiskaly gives no estimate.');
  });

  it('offers to resume a pending export instead of starting another', async () => {
    const de = await render({ exportProgress: progress({ phase: 'pending' }) }, 'de');
    expect(de).toContain('>Ausstehenden Export fortsetzen</button>');
    expect(de).not.toContain('>TAR-Export speichern</button>');
    expect(de).toContain('ist bei fiskaly noch nicht fertig');
    const en = await render({ exportProgress: progress({ phase: 'pending' }) }, 'en');
    expect(en).toContain('>Resume the pending export</button>');
  });

  it('shows where the last export was saved', async () => {
    const file = { path: '/home/tech/TSS Companion/exports/Filiale-3d4e5f60-2026-01-05.tar', bytes: 4096 };
    const html = await render({ exportProgress: progress({ phase: 'saved', file }) }, 'en');
    expect(html).toContain(file.path);
    expect(html).toContain('>Save the TAR export</button>');
  });
});

describe('durations', () => {
  it('read as seconds, minutes and hours', () => {
    expect([0, 9_999, 65_000, 3_600_000, 3_905_000, -5].map(formatDuration)).toEqual(['0 s', '9 s', '1 min 05 s', '1 h 00 min', '1 h 05 min', '0 s']);
  });
});

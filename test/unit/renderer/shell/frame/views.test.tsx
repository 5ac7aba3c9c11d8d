import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../../../preload/contract/core/settings';
import { App } from '../../../../../renderer/src/shell/frame/App';
import { CrashFallback } from '../../../../../renderer/src/ui/CrashFallback';
import { ErrorBoundary } from '../../../../../renderer/src/ui/ErrorBoundary';
import { createI18n } from '../../../../../renderer/src/shell/i18n/create-i18n';
import { type AppState, createAppStore } from '../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../renderer/src/state/store-context';
import { createFakeCompanion, fakeAppInfo } from '../../fakes/fake-companion';
import { renderStatic } from '../../fakes/render-static';

/** Server-renders a tree with the providers main.tsx uses; effects do not run, so this checks markup only. */
async function render(node: ReactNode, state: Partial<AppState>, language: Language = 'en'): Promise<string> {
  const store = createAppStore(createFakeCompanion().api, state);
  const instance: i18n = createI18n(language);
  return renderStatic(
    <I18nextProvider i18n={instance}>
      <StoreProvider store={store}>{node}</StoreProvider>
    </I18nextProvider>,
  );
}

const ready: Partial<AppState> = { appInfo: fakeAppInfo, settings: { language: 'en', environment: 'sandbox' } };

describe('app frame', () => {
  it('has landmarks, a named environment badge, named language buttons and nav with aria-current', async () => {
    const html = await render(<App />, ready);
    expect(html).toMatch(/<header[^>]*>/);
    expect(html).toContain('<nav class="main-nav" aria-label="Main navigation">');
    expect(html).toMatch(/<main[^>]*id="main"/);
    expect(html).toContain('role="status" aria-label="Environment: Sandbox"');
    expect(html).toContain('<span class="env-badge__note">Training</span>');
    expect(html).toContain('role="group" aria-label="Sprache / Language"');
    // The name starts with the visible text (WCAG 2.5.3) and goes on with the language's own name.
    expect(html).toMatch(/lang="de" aria-pressed="false">DE<span class="visually-hidden"> – Deutsch<\/span>/);
    expect(html).toMatch(/lang="en" aria-pressed="true">EN<span class="visually-hidden"> – English<\/span>/);
    expect(html).toContain('aria-current="page">Home</button>');
    expect(html).toMatch(/<button type="button" class="main-nav__button">Settings<\/button>/);
    expect(html).toContain('<h1 class="screen__title" tabindex="-1">Overview</h1>');
  });

  it('marks LIVE as alarming, in German', async () => {
    const html = await render(<App />, { ...ready, settings: { language: 'de', environment: 'live' } }, 'de');
    expect(html).toContain('class="app app--env-live"');
    expect(html).toContain('role="status" aria-label="Umgebung: fiskaly LIVE" class="env-badge env-badge--live"');
    expect(html).toContain('Echtbetrieb');
    expect(html).toContain('aria-label="Hauptnavigation"');
    expect(html).toContain('aria-current="page">Start</button>');
  });

  it('says the environment is unknown before settings load', async () => {
    const html = await render(<App />, {});
    expect(html).toContain('aria-label="Environment: unknown"');
    expect(html).toContain('The app information is not available right now.');
  });

  it('shows the settings screen when navigated there', async () => {
    const html = await render(<App />, { ...ready, screen: 'settings' });
    expect(html).toContain('<h1 class="screen__title" tabindex="-1">Settings</h1>');
    expect(html).toContain('aria-current="page">Settings</button>');
  });
});

describe('home screen', () => {
  it('shows app info and each environment with its address and training flag', async () => {
    const html = await render(<App />, ready);
    expect(html).toContain('<dd>TSS Companion</dd>');
    expect(html).toContain('<dd>0.1.0-test</dd>');
    expect(html).toContain('/home/tech/.config/TSS Companion');
    const rows = [...html.matchAll(/<tr class="env-row env-row--(\w+)">(.*?)<\/tr>/g)].map((match) => [match[1], match[2]]);
    expect(rows.map(([id]) => id)).toEqual(['sandbox', 'test', 'live']);
    expect(rows[0]?.[1]).toContain('<td>built in</td><td>yes</td>');
    expect(rows[0]?.[1]).toContain('<span class="tag">active</span>');
    expect(rows[1]?.[1]).toContain('https://kassensichv-middleware.fiskaly.com/api/v2</code></td><td>yes</td>');
    expect(rows[2]?.[1]).toContain('<td>no</td>');
  });
});

describe('settings screen', () => {
  let html = '';
  let radios: string[] = [];
  beforeAll(async () => {
    html = await render(<App />, { ...ready, screen: 'settings', settings: { language: 'en', environment: 'test' } });
    radios = [...html.matchAll(/<input type="radio"[^>]*>/g)].map((match) => match[0]);
  });

  it('offers both languages and all environments as labelled radios', async () => {
    expect(html).toContain('<legend class="choice__legend">Language</legend>');
    expect(html).toContain('<legend class="choice__legend">Environment</legend>');
    expect(radios).toHaveLength(5);
    expect(radios.filter((radio) => radio.includes('checked=""')).map((radio) => /value="(\w+)"/.exec(radio)?.[1])).toEqual(['en', 'test']);
    for (const name of ['Sandbox', 'fiskaly TEST', 'fiskaly LIVE']) expect(html).toMatch(new RegExp(`class="choice__label">${name}</span>`));
  });

  it('names each environment radio by its label span, and describes it', async () => {
    for (const radio of radios.filter((r) => /value="(sandbox|test|live)"/.test(r))) {
      const labelledBy = /aria-labelledby="([^"]+)"/.exec(radio)?.[1];
      const describedBy = /aria-describedby="([^"]+)"/.exec(radio)?.[1];
      expect(labelledBy && html.includes(`id="${labelledBy}"`)).toBe(true);
      expect(describedBy && html.includes(`id="${describedBy}"`)).toBe(true);
    }
  });
});

describe('errors', () => {
  it('translates a known code, says what to do, and offers a retry for a failed load', async () => {
    const html = await render(<App />, {
      ...ready,
      errors: [{ operation: 'loadInfo', code: 'E_INTERNAL', message: 'TSS Companion hit an unexpected problem (TypeError).' }],
    }, 'de');
    expect(html).toContain('role="alert"');
    expect(html).toContain('Die App-Informationen konnten nicht geladen werden.');
    expect(html).toContain('starten Sie die App neu');
    expect(html).not.toContain('(TypeError)');
    expect(html).toContain('<code>E_INTERNAL</code>');
    expect(html).toContain('>Erneut versuchen</button>');
    expect(html).toContain('>Meldung schließen</button>');
  });

  it('shows main’s message for an unknown code, with a next step, and no retry for a failed save', async () => {
    const html = await render(<App />, {
      ...ready,
      errors: [{ operation: 'saveSettings', code: 'E_DISK_FULL', message: 'The settings file could not be written: the disk is full.' }],
    });
    expect(html).toContain('Your change was not saved.');
    expect(html).toContain('The settings file could not be written: the disk is full.');
    expect(html).toContain('tell support the error code');
    expect(html).toContain('<code>E_DISK_FULL</code>');
    expect(html).not.toContain('>Try again</button>');
    expect(html).toContain('>Dismiss message</button>');
  });

  it('renders main’s message as text, never as markup or a translation key', async () => {
    const html = await render(<App />, {
      ...ready,
      errors: [{ operation: 'saveSettings', code: 'E_ODD', message: '<img src=x> $t(nav.home) {{code}}' }],
    });
    expect(html).toContain('&lt;img src=x&gt; $t(nav.home) {{code}}');
  });
});

describe('LIVE confirmation dialog', () => {
  it('is a labelled dialog with Cancel and Switch to LIVE', async () => {
    const html = await render(<App />, { ...ready, pendingEnvironment: 'live' });
    expect(html).toMatch(/<dialog class="confirm-dialog" aria-labelledby="([^"]+)" aria-describedby="[^"]+"><h2 id="\1"[^>]*>Switch to fiskaly LIVE\?<\/h2>/);
    expect(html).toContain('>Cancel</button>');
    expect(html).toContain('>Switch to LIVE</button>');
  });

  it('asks for the vault passphrase main checks, and shows main’s refusal inside the dialog', async () => {
    const html = await render(<App />, {
      ...ready,
      pendingEnvironment: 'live',
      errors: [{ operation: 'saveSettings', code: 'E_CONFIRMATION_FAILED', message: 'refused' }],
    });
    const dialog = html.slice(html.indexOf('<dialog'), html.indexOf('</dialog>'));
    expect(dialog).toMatch(/<label[^>]*>Recovery passphrase<\/label>/);
    expect(dialog).toContain('type="password"');
    expect(dialog).toContain('checks the vault’s recovery passphrase');
    expect(dialog).toContain('role="alert" data-code="E_CONFIRMATION_FAILED"');
    expect(dialog).toContain('The passphrase is wrong, so nothing was changed.');
  });
});

describe('error boundary', () => {
  it('switches to the fallback on an error and back when its reset key changes', async () => {
    expect(ErrorBoundary.getDerivedStateFromError()).toEqual({ failed: true });
    expect(ErrorBoundary.getDerivedStateFromProps({ children: null, resetKey: 'home' }, { failed: true, resetKey: 'home' })).toBeNull();
    expect(ErrorBoundary.getDerivedStateFromProps({ children: null, resetKey: 'settings' }, { failed: true, resetKey: 'home' })).toEqual({
      failed: false,
      resetKey: 'settings',
    });
  });

  it('renders its children while nothing failed', async () => {
    expect(await render(<ErrorBoundary>fine</ErrorBoundary>, {})).toBe('fine');
  });

  it('falls back to a plain-language message with a reload button', async () => {
    const html = await render(<CrashFallback onReload={() => {}} />, {}, 'de');
    expect(html).toContain('role="alert"');
    expect(html).toContain('Diese Ansicht konnte nicht angezeigt werden');
    expect(html).toContain('>Neu laden</button>');
  });
});

import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../../../preload/contract/core/settings';
import { STORE_NAME_MAX } from '../../../../../../preload/contract/sign-de/store-rules';
import { App } from '../../../../../../renderer/src/shell/frame/App';
import { createI18n } from '../../../../../../renderer/src/shell/i18n/create-i18n';
import { type AppState, createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../../renderer/src/state/store-context';
import { de } from '../../../../../../renderer/src/products/sign-de/i18n/de';
import { en } from '../../../../../../renderer/src/products/sign-de/i18n/en';
import { type WizardDraft, emptyDraft } from '../../../../../../renderer/src/products/sign-de/wizard/wizard-rules';
import { createFakeCompanion, fakeAppInfo } from '../../../fakes/fake-companion';
import { renderStatic } from '../../../fakes/render-static';

/** The plan page in the sandbox with `draft`. */
async function planPage(draft: Partial<WizardDraft>, language: Language = 'de'): Promise<string> {
  const state: Partial<AppState> = {
    appInfo: fakeAppInfo,
    settings: { language, environment: 'sandbox' },
    vault: { initialized: true, unlocked: true, keychainProblem: null, entries: 2 },
    organizations: [],
    runs: [],
    knownTss: [],
    screen: 'wizard',
    wizard: { step: 'plan', draft: { ...emptyDraft, ...draft } },
  };
  const store = createAppStore(createFakeCompanion().api, state);
  return renderStatic(
    <I18nextProvider i18n={createI18n(language)}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>,
  );
}

const count = (html: string, text: string) => html.split(text).length - 1;
/** The review's facts: the definition list before the start button. */
const review = (html: string) => html.slice(html.indexOf('Prüfen und starten'));

describe('the review on the plan page (issue 11)', () => {
  it('says the number of tills once, lists their serials and the TSS description', async () => {
    const html = await planPage({ storeName: 'Filiale Köln', clients: ['KASSE-1', 'KASSE-2', 'KASSE-3'] });
    expect(html).not.toContain('Kassen: Kassen:');
    const facts = review(html);
    expect(facts).toMatch(/<dt>Kassen<\/dt><dd>3 von höchstens 199: <span><code>KASSE-1<\/code><\/span><span>, <code>KASSE-2<\/code><\/span><span>, <code>KASSE-3<\/code><\/span><\/dd>/);
    expect(facts).toContain('<dt>TSS-Beschreibung</dt><dd>Filiale Koeln</dd>');
  });

  it('shows the typed description as fiskaly will get it: umlauts spelled out, not refused', async () => {
    const html = await planPage({ storeName: 'Filiale Köln', tssDescription: 'Theke Süd', clients: ['KASSE-1'] });
    expect(html).toContain('An fiskaly geht: Theke Sued');
    expect(review(html)).toContain('<dd>Theke Sued</dd>');
    expect(html).not.toContain('Die TSS-Beschreibung darf');
  });
});

describe('the store name field (issue 11)', () => {
  it('takes no more characters than the rule allows', async () => {
    const html = await planPage({});
    const field = /<input[^>]*required=""[^>]*>/.exec(html)?.[0] ?? '';
    expect(field).toContain(`maxLength="${STORE_NAME_MAX}"`);
  });
});

describe('the start button (issue 11)', () => {
  it('says beside it why the plan cannot start yet', async () => {
    const html = await planPage({});
    const button = /<button type="button" class="button button--primary" aria-disabled="true" aria-describedby="([^"]+)">Einrichtung starten<\/button>/.exec(html);
    expect(button).not.toBeNull();
    const reasons = html.slice(html.indexOf(`id="${button![1]}"`));
    expect(reasons).toMatch(/^id="[^"]+" class="muted" role="status"><p>Noch nicht startklar:<\/p><ul><li>Geben Sie den Namen der Filiale ein.<\/li><li>Fügen Sie mindestens eine Kasse hinzu.<\/li><\/ul>/);
  });

  it('says nothing once the plan is complete', async () => {
    const html = await planPage({ storeName: 'Filiale Köln', clients: ['KASSE-1'] });
    expect(html).toMatch(/<button type="button" class="button button--primary">Einrichtung starten<\/button>/);
    expect(html).not.toContain('Noch nicht startklar');
  });
});

describe('the till list (issue 11)', () => {
  it('names each wrong entry once, with its reason, twins in upper and lower case included', async () => {
    const html = await planPage({ storeName: 'Filiale Köln', clients: ['KASSE-1', 'KASSE_4', 'kasse-1'] });
    expect(count(html, 'Ein Unterstrich (_) ist in der Seriennummer nicht erlaubt.')).toBe(1);
    expect(count(html, 'Steht schon als KASSE-1 in der Liste')).toBe(1);
    expect(html).toContain('Bitte korrigieren (2):');
    expect(html).toMatch(/<dd>3 von höchstens 199/);
  });

  it('explains the list in plain words, and applies it without a button', async () => {
    const html = await planPage({});
    expect(html).not.toMatch(/Zeile pro Zeile|line per line/i);
    expect(html).not.toContain('Liste übernehmen');
    for (const hint of [de.clients.listHint, en.clients.listHint]) expect(hint).not.toMatch(/\b(\w+) (?:pro|je|per) \1\b/i);
  });
});

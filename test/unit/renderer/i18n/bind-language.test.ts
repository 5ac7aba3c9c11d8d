import { describe, expect, it } from 'vitest';
import { bindLanguage } from '../../../../renderer/src/i18n/bind-language';
import { createI18n } from '../../../../renderer/src/shell/i18n/create-i18n';
import { createAppStore } from '../../../../renderer/src/shell/state/app-store';
import { createFakeCompanion, flush } from '../fakes/fake-companion';

describe('bindLanguage', () => {
  it('starts in German, then follows the stored language into i18next and <html lang>', async () => {
    const fake = createFakeCompanion({ settings: { language: 'en', environment: 'sandbox' } });
    const store = createAppStore(fake.api);
    const i18n = createI18n();
    const root = { lang: '' };
    const unbind = bindLanguage(store, i18n, root);
    expect(root.lang).toBe('de');
    expect(i18n.t('nav.settings')).toBe('Einstellungen');

    store.getState().start();
    await flush();
    expect(root.lang).toBe('en');
    expect(i18n.language).toBe('en');
    expect(i18n.t('nav.settings')).toBe('Settings');

    await store.getState().setLanguage('de');
    expect(fake.calls.at(-1)).toEqual({ channel: 'settings:set', payload: { language: 'de' } });
    expect(root.lang).toBe('de');
    expect(i18n.t('nav.home')).toBe('Start');

    unbind();
    fake.emit('settings:changed', { language: 'en', environment: 'sandbox' });
    expect(root.lang).toBe('de');
  });

  it('keeps the language when saving it fails', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    const i18n = createI18n();
    const root = { lang: '' };
    bindLanguage(store, i18n, root);
    store.getState().start();
    await flush();
    fake.failNext('settings:set', 'E_INTERNAL', 'boom');
    await store.getState().setLanguage('en');
    expect(root.lang).toBe('de');
    expect(i18n.language).toBe('de');
  });
});

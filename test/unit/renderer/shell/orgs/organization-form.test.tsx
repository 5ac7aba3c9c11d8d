import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CredentialsCheck } from '../../../../../preload/contract/core/products';
import { checkAccepted, checkRefused } from '../../../../../renderer/src/shell/orgs/check-text';
import { OrganizationForm } from '../../../../../renderer/src/shell/orgs/OrganizationForm';
import { OrganizationsCard } from '../../../../../renderer/src/shell/orgs/OrganizationsCard';
import { createI18n } from '../../../../../renderer/src/shell/i18n/create-i18n';
import { createAppStore } from '../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../renderer/src/state/store-context';
import { createFakeCompanion } from '../../fakes/fake-companion';
import { FAKE_CHECKED_ORGANIZATION } from '../../fakes/fake-main';
import { renderStatic } from '../../fakes/render-static';

async function render(node: ReactNode, language: 'de' | 'en' = 'en'): Promise<string> {
  const store = createAppStore(createFakeCompanion().api, { organizations: [] });
  return renderStatic(
    <I18nextProvider i18n={createI18n(language)}>
      <StoreProvider store={store}>{node}</StoreProvider>
    </I18nextProvider>,
  );
}

const accepted: CredentialsCheck = { product: 'sign-at', environment: 'TEST', organizationId: FAKE_CHECKED_ORGANIZATION, scope: null, expiresAt: '2026-03-02T09:30:00.000Z' };

describe('the organization form on Home', () => {
  it('offers every fiskaly product (SIGN DE first and chosen) and a Check button beside Save', async () => {
    const html = await render(<OrganizationsCard />);
    const options = [...html.matchAll(/<option value="([^"]+)"[^>]*>([^<]+)<\/option>/g)].map((m) => [m[1], m[2]]);
    expect(options.slice(0, 4)).toEqual([
      ['sign-de', 'SIGN DE'],
      ['sign-at', 'SIGN AT'],
      ['sign-es', 'SIGN ES'],
      ['unified', 'Unified API (SIGN IT, SIGN FR, E-Invoice)'],
    ]);
    expect(html).toMatch(/<select[^>]*>(<option value="sign-de" selected="">)/);
    expect(html).toMatch(/<button type="button" class="button">Check<\/button><button type="submit" class="button button--primary">Save the credentials<\/button>/);
    const german = await render(<OrganizationsCard />, 'de');
    expect(german).toContain('fiskaly-Produkt');
    expect(german).toContain('>Prüfen</button>');
  });

  it('stays SIGN DE only in the setup wizard: no product choice, no check', async () => {
    const html = await render(<OrganizationForm environment="test" />);
    expect(html).not.toContain('fiskaly product');
    expect(html).not.toContain('>Check</button>');
    expect(html).toContain('Save the credentials');
  });

  it('says what a check found, and warns when the key belongs to the other environment (EN and DE)', () => {
    // The expiry in the laptop's own zone, as the technician reads the clock beside it.
    const local = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(accepted.expiresAt));
    const en = createI18n('en').t;
    expect(checkAccepted(en, accepted, 'test', 'en')).toBe(
      `SIGN AT accepted the credentials: fiskaly TEST, organization ${FAKE_CHECKED_ORGANIZATION}, login valid until ${local('en')}.`,
    );
    expect(checkAccepted(en, { ...accepted, environment: 'LIVE' }, 'test', 'en')).toMatch(/Note: this key belongs to fiskaly LIVE, not fiskaly TEST\.$/);
    expect(checkAccepted(en, { ...accepted, environment: null, organizationId: null }, 'live', 'en')).toMatch(/: not named, organization not named,/);
    const de = createI18n('de').t;
    expect(checkAccepted(de, accepted, 'test', 'de')).toBe(
      `SIGN AT hat die Zugangsdaten angenommen: fiskaly TEST, Organisation ${FAKE_CHECKED_ORGANIZATION}, Anmeldung gültig bis ${local('de')}.`,
    );
  });

  it('explains a refusal in plain language, and shows main’s own words for an unknown code', () => {
    const en = createI18n('en').t;
    expect(checkRefused(en, { code: 'E_UNAUTHORIZED', message: 'fiskaly refused the login (401).' })).toMatch(/^Not accepted: fiskaly refused the login\. Check the API key and secret/);
    expect(checkRefused(createI18n('de').t, { code: 'E_NETWORK', message: '' })).toMatch(/^Nicht angenommen: /);
    expect(checkRefused(en, { code: 'E_API_VERSION_UNKNOWN', message: 'X-Api-Version "2099" is not known' })).toBe('Not accepted: X-Api-Version "2099" is not known');
  });

  it('checkOrg sends the check to main and keeps its outcome out of the app’s error notices and state', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    const ok = await store.getState().checkOrg({ product: 'unified', environment: 'test', apiKey: 'key', apiSecret: 'secret-1', scope: 'unit-1' });
    expect(ok).toEqual({ ok: true, value: { product: 'unified', environment: 'TEST', organizationId: FAKE_CHECKED_ORGANIZATION, scope: 'unit-1', expiresAt: '2026-03-02T09:30:00.000Z' } });
    const refused = await store.getState().checkOrg({ product: 'sign-es', environment: 'live', apiKey: 'key', apiSecret: 'wrong' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_UNAUTHORIZED' } });
    expect(store.getState().errors).toEqual([]);
    expect(fake.calls.filter((c) => c.channel === 'orgs:check')).toHaveLength(2);
    expect(JSON.stringify(store.getState())).not.toMatch(/secret-1|wrong/);
  });
});

import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { SandboxResetCard } from '../../../../../../renderer/src/products/sign-de/sandbox/SandboxResetCard';
import { createI18n } from '../../../../../../renderer/src/shell/i18n/create-i18n';
import { createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../../renderer/src/state/store-context';
import { createFakeCompanion, flush } from '../../../fakes/fake-companion';
import { renderStatic } from '../../../fakes/render-static';

describe('the sandbox reset with a store on V1', () => {
  it('asks main for the seed only when chosen', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    fake.calls.length = 0;
    await store.getState().resetSandbox('v1-store');
    await store.getState().resetSandbox();
    expect(fake.calls.filter((call) => call.channel === 'sandbox:reset').map((call) => call.payload)).toEqual([{ confirm: 'reset', seed: 'v1-store' }, { confirm: 'reset' }]);
  });

  it.each([
    ['de', 'Mit V1-Filiale (Migration üben)'],
    ['en', 'With a store on V1 (practise the migration)'],
  ] as const)('offers the choice as a labelled checkbox (%s)', async (language, label) => {
    const store = createAppStore(createFakeCompanion().api);
    const html = await renderStatic(
      <I18nextProvider i18n={createI18n(language)}>
        <StoreProvider store={store}>
          <SandboxResetCard />
        </StoreProvider>
      </I18nextProvider>,
    );
    expect(html).toMatch(/<input id="([^"]+)" type="checkbox"[^>]*>\s*<label for="\1">/);
    expect(html).toContain(label);
  });
});

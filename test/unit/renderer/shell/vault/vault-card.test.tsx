import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { VaultState } from '../../../../../preload/contract/core/vault';
import { VaultCard } from '../../../../../renderer/src/shell/vault/VaultCard';
import { createI18n } from '../../../../../renderer/src/shell/i18n/create-i18n';
import { createAppStore } from '../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../renderer/src/state/store-context';
import { createFakeCompanion } from '../../fakes/fake-companion';
import { FAKE_PASSPHRASE } from '../../fakes/fake-main';
import { renderStatic } from '../../fakes/render-static';

const rolledBack: VaultState = {
  initialized: true,
  unlocked: false,
  keychainProblem: null,
  entries: 0,
  damage: { code: 'E_VAULT_ROLLBACK', previousIntact: true },
};

async function card(vault: VaultState, language: 'de' | 'en' = 'en'): Promise<string> {
  const store = createAppStore(createFakeCompanion().api, { vault });
  return renderStatic(
    <I18nextProvider i18n={createI18n(language)}>
      <StoreProvider store={store}>
        <VaultCard />
      </StoreProvider>
    </I18nextProvider>,
  );
}

describe('the Home vault card when the vault refused its file', () => {
  it('says what happened and offers the restore behind the passphrase (EN and DE)', async () => {
    const html = await card(rolledBack);
    expect(html).toContain('The vault needs attention');
    expect(html).toContain('older than the newest one this laptop saved');
    expect(html).toMatch(/<input[^>]*type="password"/);
    expect(html).toContain('Restore the previous generation');
    expect(html).not.toContain('Unlock the vault');
    const german = await card({ ...rolledBack, damage: { code: 'E_VAULT_TAMPERED', previousIntact: true } }, 'de');
    expect(german).toContain('beschädigt oder wurde verändert');
    expect(german).toContain('Vorige Generation wiederherstellen');
  });

  it('without an intact previous generation: no restore button, the recovery file is the way', async () => {
    const html = await card({ ...rolledBack, damage: { code: 'E_VAULT_TAMPERED', previousIntact: false } });
    expect(html).not.toContain('Restore the previous generation');
    expect(html).toContain('Import your latest recovery file');
  });

  it('restoreVault sends only the passphrase, and a refusal stays an error with no state change', async () => {
    const fake = createFakeCompanion({ main: { vault: rolledBack } });
    const store = createAppStore(fake.api, { vault: rolledBack });
    expect(await store.getState().restoreVault('not it')).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'restoreVault', code: 'E_VAULT_WRONG_PASSPHRASE' }]);
    expect(store.getState().vault?.damage).toEqual(rolledBack.damage);
    expect(await store.getState().restoreVault(FAKE_PASSPHRASE)).toBe(true);
    expect(store.getState().vault).toMatchObject({ unlocked: true, damage: null });
    expect(fake.calls.filter((c) => c.channel === 'vault:restore-previous').map((c) => c.payload)).toEqual([
      { passphrase: 'not it' },
      { passphrase: FAKE_PASSPHRASE },
    ]);
    expect(JSON.stringify(store.getState())).not.toContain(FAKE_PASSPHRASE);
  });
});

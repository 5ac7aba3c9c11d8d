import type { Wing } from '../../core/wing';
import { SIGN_DE_ENVIRONMENTS } from './environments';
import { signDeHandlers } from './handlers';
import { type SignDeCore, type SignDeServices, closeSignDeServices, createSignDeServices } from './services';
import { SIGN_DE_VAULT_KINDS, type SignDeVaultKinds } from './vault-kinds';

/**
 * The SIGN DE wing (fiskaly's German cloud TSS): its environments (the built-in sandbox, fiskaly TEST and
 * LIVE), what it keeps in the vault (API key, admin PIN, admin PUK), and on start its services and the
 * bridge channels it answers.
 */
export const signDeWing: Wing<SignDeCore, SignDeVaultKinds, SignDeServices> = {
  id: 'sign-de',
  label: 'SIGN DE',
  environments: SIGN_DE_ENVIRONMENTS,
  vaultKinds: SIGN_DE_VAULT_KINDS,
  start(core) {
    const services = createSignDeServices(core);
    return { services, handlers: signDeHandlers(services, core.vault, core.files), close: () => closeSignDeServices(services) };
  },
};

export type { SignDeCore, SignDeServices } from './services';
export { SIGN_DE_VAULT_REGISTRY, type SignDeVault, type SignDeVaultAccess, type SignDeVaultKinds } from './vault-kinds';

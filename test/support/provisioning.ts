import { SIGN_DE_VAULT_REGISTRY, type SignDeVault } from '../../main/products/sign-de';
import { FileKeyWrapper, Vault } from '../../main/vault';
import type { OrchestratorDeps } from '../../main/products/sign-de/provisioning/orchestrator';
import type { Sandbox } from '../../main/products/sign-de/sandbox/server';
import { clientFor } from './fiskaly-client';

export const TEST_PASSPHRASE = 'correct horse battery staple';

/** A vault as the app makes one, with a cheap scrypt cost (tests only) and the file key wrapper. */
export async function testVault(dir: string): Promise<SignDeVault> {
  const options = { unsafeTestOnlyScryptLog2N: 10, ...SIGN_DE_VAULT_REGISTRY };
  return (await Vault.isInitialized(dir))
    ? Vault.open(dir, new FileKeyWrapper(dir), options)
    : Vault.create(dir, TEST_PASSPHRASE, new FileKeyWrapper(dir), options);
}

/** Everything a run needs, with a fresh client (and so a fresh session) each time, as after a restart. */
export async function runDeps(sandbox: Sandbox, dataDir: string, extra: Partial<OrchestratorDeps> = {}, attemptsPerCall = 12) {
  const { client, attempts } = clientFor(sandbox, { attempts: attemptsPerCall });
  const vault = await testVault(dataDir);
  const deps: OrchestratorDeps = { dataDir, vault, clientFor: () => client, ...extra };
  return { deps, client, attempts, vault };
}

import { Vault, unavailableKeyWrapper } from '../vault';
import { UsageError } from './exit-codes';
import { promptHidden } from './prompt';

/**
 * The CLI has no OS keychain (that is Electron's safeStorage), so it always unlocks with the recovery
 * passphrase: from TSS_COMPANION_PASSPHRASE, else asked on the terminal; never a flag.
 */
export async function passphrase(env: NodeJS.ProcessEnv, question = 'Recovery passphrase: '): Promise<string> {
  return env.TSS_COMPANION_PASSPHRASE ?? (await promptHidden(question));
}

export async function openVault(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ vault: Vault; passphrase: string }> {
  const keyWrapper = unavailableKeyWrapper('the command line has no OS keychain');
  if (await Vault.isInitialized(dataDir)) {
    const vault = await Vault.open(dataDir, keyWrapper);
    const secret = await passphrase(env);
    await vault.unlockWithPassphrase(secret);
    return { vault, passphrase: secret };
  }
  const first = await passphrase(env, 'Choose a recovery passphrase for this laptop’s vault: ');
  if (!env.TSS_COMPANION_PASSPHRASE && first !== (await promptHidden('Repeat the passphrase: '))) {
    throw new UsageError('The two passphrases differ; nothing was created. Run the command again.');
  }
  try {
    return { vault: await Vault.create(dataDir, first, keyWrapper), passphrase: first };
  } catch (error) {
    // Another run on this data folder created the vault a moment ago: open that one instead.
    if ((error as { code?: string }).code !== 'E_VAULT_EXISTS') throw error;
    const vault = await Vault.open(dataDir, keyWrapper);
    await vault.unlockWithPassphrase(first);
    return { vault, passphrase: first };
  }
}

/** `tss-companion vault restore-previous`: after a damaged or rolled-back vault.json, confirmed by the passphrase. */
export async function restorePreviousVault(dataDir: string, env: NodeJS.ProcessEnv): Promise<Vault> {
  const keyWrapper = unavailableKeyWrapper('the command line has no OS keychain');
  return Vault.restorePrevious(dataDir, keyWrapper, await passphrase(env));
}

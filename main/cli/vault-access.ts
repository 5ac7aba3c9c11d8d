import { basename } from 'node:path';
import type { EntryKinds, Vault } from '../vault';
import type { VaultAccess } from '../vault/vault-access';
import { UsageError } from './exit-codes';
import { promptHidden } from './prompt';

/** The prompts, each naming which passphrase it wants: the vault's and a recovery file's may differ. */
export const PROMPTS = {
  vault: 'Passphrase of this laptop’s vault: ',
  newVault: 'Choose a passphrase for this laptop’s vault: ',
  repeat: 'Repeat the vault passphrase: ',
  recoveryFile: (file: string) => `Passphrase of the recovery file ${basename(file)} (the one it was saved with): `,
};

/**
 * The CLI has no OS keychain (that is Electron's safeStorage), so it always unlocks with the vault's
 * passphrase: from TSS_COMPANION_PASSPHRASE, else asked on the terminal; never a flag.
 */
export async function passphrase(env: NodeJS.ProcessEnv, question = PROMPTS.vault): Promise<string> {
  return env.TSS_COMPANION_PASSPHRASE ?? (await promptHidden(question));
}

/**
 * The passphrase a recovery file was saved with (on another laptop, perhaps with another vault passphrase):
 * from TSS_COMPANION_RECOVERY_PASSPHRASE, else asked on the terminal; never taken from the vault's.
 */
export async function recoveryFilePassphrase(env: NodeJS.ProcessEnv, file: string): Promise<string> {
  return env.TSS_COMPANION_RECOVERY_PASSPHRASE ?? (await promptHidden(PROMPTS.recoveryFile(file), 'TSS_COMPANION_RECOVERY_PASSPHRASE'));
}

/** The services' vault, unlocked with the passphrase (created with it on first use). */
export async function openVault<K extends EntryKinds>(access: VaultAccess<K>, env: NodeJS.ProcessEnv): Promise<{ vault: Vault<K>; passphrase: string }> {
  if (await access.isInitialized()) {
    // Opened before the passphrase is asked: a damaged vault is refused without asking.
    const vault = await access.opened();
    const secret = await passphrase(env);
    await vault.unlockWithPassphrase(secret);
    return { vault, passphrase: secret };
  }
  const first = await passphrase(env, PROMPTS.newVault);
  if (!env.TSS_COMPANION_PASSPHRASE && first !== (await promptHidden(PROMPTS.repeat))) {
    throw new UsageError('The two passphrases differ; nothing was created. Run the command again.');
  }
  try {
    await access.setup(first);
  } catch (error) {
    // Another run on this data folder created the vault a moment ago: open that one instead.
    if ((error as { code?: string }).code !== 'E_VAULT_EXISTS') throw error;
    await (await access.opened()).unlockWithPassphrase(first);
  }
  return { vault: await access.opened(), passphrase: first };
}

/** `tss-companion vault restore-previous`: after a damaged or rolled-back vault.json, confirmed by the passphrase. */
export async function restorePreviousVault<K extends EntryKinds>(access: VaultAccess<K>, env: NodeJS.ProcessEnv): Promise<Vault<K>> {
  await access.restorePrevious(await passphrase(env));
  return access.opened();
}

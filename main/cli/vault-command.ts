import { EXIT } from './exit-codes';
import type { CommandIo } from './command-io';
import { restorePreviousVault } from './vault-access';

/**
 * `tss-companion vault restore-previous`: when the vault refused vault.json (damaged, or an older copy put
 * in its place), puts the previous generation back as a new one; the refused file is kept aside.
 */
export async function vaultCommand(io: CommandIo): Promise<number> {
  const vault = await restorePreviousVault(io.services().vault, io.env);
  const { entries, generation } = vault.status();
  vault.lock();
  io.out(
    `The previous generation is back (now generation ${generation}, ${entries} entries); the refused file was kept aside as vault.json.damaged-<time>. ` +
      'Import your latest recovery file to get back anything saved after it: tss-companion recover import FILE',
  );
  return EXIT.ok;
}

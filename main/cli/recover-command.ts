import { stat } from 'node:fs/promises';
import { readRecoveryFile } from '../vault';
import { listKnownTss, revealPuk, unblockAdminPin } from '../products/sign-de/provisioning/puk-recovery';
import { printable } from './arguments';
import type { CommandIo } from './command-io';
import { connectWithFlags } from './connection';
import { EXIT, UsageError } from './exit-codes';
import { idOf } from './ids';
import type { CommandName } from './program';
import { openVault, recoveryFilePassphrase } from './vault-access';

type RecoverValues = { sandbox?: boolean; 'base-url'?: string; live?: boolean; json?: boolean };

/**
 * `tss-companion recover list | reveal TSS_ID | unblock TSS_ID (--sandbox | --base-url URL) | import FILE`.
 * list and reveal work with no network; unblock sets a new PIN with the PUK and proves it with a login;
 * import asks for two passphrases, each by its name: this laptop's vault's (made on first use) and the file's.
 */
export async function recoverCommand(name: CommandName, target: string | undefined, values: RecoverValues, io: CommandIo): Promise<number> {
  if (name === 'recover list') {
    const { vault } = await openVault(io.services().vault, io.env);
    const known = await listKnownTss(vault);
    if (values.json) io.out(JSON.stringify(known, null, 2));
    else if (known.length === 0) io.out('The vault on this laptop knows no TSS yet.');
    else for (const t of known) io.out(printable(`${t.tssId}  ${t.environment.padEnd(7)}  ${t.storeName ?? ''}  PUK ${t.hasPuk ? 'stored' : 'missing'}, PIN ${t.hasPin ? 'stored' : 'missing'}`));
    return EXIT.ok;
  }
  if (name === 'recover import') {
    const file = await stat(target!).catch(() => null);
    if (!file?.isFile()) throw new UsageError(printable(`recover import ${target}: ${file ? 'not a file' : 'no such file'}`));
    // The file's passphrase first, and proven on the file: without it nothing is done, not even a new laptop's vault made.
    const filePassphrase = await recoveryFilePassphrase(io.env, target!);
    await readRecoveryFile(target!, filePassphrase);
    const { vault, passphrase } = await openVault(io.services().vault, io.env);
    const summary = await vault.importRecoveryFile(target!, filePassphrase, passphrase);
    io.out(`imported ${summary.added.length} new and ${summary.updated.length} newer entries; kept ${summary.kept.length}`);
    for (const c of summary.conflicts) {
      io.out(printable(`conflict: ${c.kind} of ${c.id}${c.labels.storeName ? ` (${c.labels.storeName})` : ''} differs from the vault's; the vault keeps its own, the imported one is kept beside it`));
    }
    return EXIT.ok;
  }
  const action = name === 'recover reveal' ? 'reveal' : 'unblock';
  const tssId = idOf(target!);
  if (!tssId) throw new UsageError(printable(`recover ${action}: "${target}" is not a TSS id (a UUID); \`tss-companion recover list\` shows them`));
  const { vault, passphrase } = await openVault(io.services().vault, io.env);
  if (action === 'reveal') {
    io.out(await revealPuk(vault, tssId, passphrase));
    return EXIT.ok;
  }
  const connection = await connectWithFlags(values, io.services().signDe.connections, io.env);
  await unblockAdminPin(connection.client, vault, tssId);
  // The store overview warned of the blocked PIN: that ends with the new one, as in the app.
  await io.services().signDe.tss.forgetPinBlock(tssId);
  io.out('The admin PIN is set anew, checked with an admin login and stored in the vault.');
  return EXIT.ok;
}

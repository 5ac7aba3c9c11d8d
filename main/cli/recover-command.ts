import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { listKnownTss, revealPuk, unblockAdminPin } from '../products/sign-de/provisioning/puk-recovery';
import { CONNECTION_OPTIONS, connectWithFlags } from './connection';
import { EXIT, UsageError } from './exit-codes';
import type { CommandIo } from './provision-command';
import { openVault } from './vault-access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `tss-companion recover list | reveal TSS_ID | unblock TSS_ID (--sandbox | --base-url URL) | import FILE`.
 * list and reveal work with no network; unblock sets a new PIN with the PUK and proves it with a login.
 */
export async function recoverCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...CONNECTION_OPTIONS, json: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  const [action, target] = positionals;
  if (action === 'list') {
    const { vault } = await openVault(io.services().vault, io.env);
    const known = await listKnownTss(vault);
    if (values.json) io.out(JSON.stringify(known, null, 2));
    else if (known.length === 0) io.out('The vault on this laptop knows no TSS yet.');
    else for (const t of known) io.out(`${t.tssId}  ${t.environment.padEnd(7)}  ${t.storeName ?? ''}  PUK ${t.hasPuk ? 'stored' : 'missing'}, PIN ${t.hasPin ? 'stored' : 'missing'}`);
    return EXIT.ok;
  }
  if (action === 'import') {
    if (!target) throw new UsageError('Give the recovery file: tss-companion recover import FILE');
    const file = await stat(target).catch(() => null);
    if (!file?.isFile()) throw new UsageError(`recover import ${target}: ${file ? 'not a file' : 'no such file'}`);
    const { vault, passphrase } = await openVault(io.services().vault, io.env);
    const summary = await vault.importRecoveryFile(target, io.env.TSS_COMPANION_RECOVERY_PASSPHRASE ?? passphrase, passphrase);
    io.out(`imported ${summary.added.length} new and ${summary.updated.length} newer entries; kept ${summary.kept.length}`);
    for (const c of summary.conflicts) {
      io.out(`conflict: ${c.kind} of ${c.id}${c.labels.storeName ? ` (${c.labels.storeName})` : ''} differs from the vault's; the vault keeps its own, the imported one is kept beside it`);
    }
    return EXIT.ok;
  }
  if ((action === 'reveal' || action === 'unblock') && target && UUID.test(target)) {
    const { vault, passphrase } = await openVault(io.services().vault, io.env);
    if (action === 'reveal') {
      io.out(await revealPuk(vault, target.toLowerCase(), passphrase));
      return EXIT.ok;
    }
    const connection = await connectWithFlags(values, io.services().signDe.connections, io.env);
    await unblockAdminPin(connection.client, vault, target.toLowerCase());
    io.out('The admin PIN is set anew, checked with an admin login and stored in the vault.');
    return EXIT.ok;
  }
  if ((action === 'reveal' || action === 'unblock') && target) throw new UsageError(`recover ${action}: "${target}" is not a TSS id (a UUID); \`tss-companion recover list\` shows them`);
  throw new UsageError('usage: tss-companion recover list | reveal TSS_ID | unblock TSS_ID (--sandbox | --base-url URL) | import FILE');
}

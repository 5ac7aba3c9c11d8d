import { ClientPlan } from '../../preload/contract/sign-de/store-plan';
import type { StoreRecord } from '../../preload/contract/sign-de/store-record';
import { AppError } from '../core/errors';
import { addTills } from '../products/sign-de/store/till-additions';
import { printable } from './arguments';
import { connectWithFlags } from './connection';
import { EXIT, UsageError } from './exit-codes';
import { idOf } from './ids';
import type { CommandIo } from './command-io';
import { openVault } from './vault-access';

interface AddTillValues {
  sandbox?: boolean;
  'base-url'?: string;
  live?: boolean;
  'confirm-live'?: string;
  tss?: string;
  client?: string[];
  json?: boolean;
}

/** `tss-companion store add-till`: registers more tills on a store's TSS and records them (a notifiable change). */
export async function addTillCommand(parsed: Record<string, unknown>, io: CommandIo): Promise<number> {
  const values = parsed as AddTillValues;
  const tssId = values.tss === undefined ? null : idOf(values.tss);
  if (!tssId) throw new UsageError(`--tss takes the store's TSS id (a UUID) as \`tss-companion recover list\` shows it${values.tss ? `, not "${printable(values.tss)}"` : ''}`);
  const tills = parseTills(values.client ?? []);
  if (values.live && values['confirm-live'] !== 'LIVE') {
    throw new UsageError('Registering tills in fiskaly LIVE adds real clients to a real TSS: add --confirm-live LIVE to go ahead.');
  }
  const { vault, signDe } = io.services();
  // The store is looked up before anything connects: a wrong id or data folder is a usage error.
  const before = await signDe.storeRecords.get(tssId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'E_STORE_UNKNOWN') {
      throw new UsageError(`--tss ${tssId}: no store set up with that TSS in ${io.dataDir} (is --data-dir right?)`);
    }
    throw error;
  });
  const connection = await connectWithFlags(values, signDe.connections, io.env);
  if (connection.environment !== before.environment) {
    throw new UsageError(`${before.storeName} is a ${before.environment.toUpperCase()} store: ${before.environment === 'sandbox' ? 'use --sandbox' : `use --base-url${before.environment === 'live' ? ' with --live' : ''}`}.`);
  }
  const { vault: opened } = await openVault(vault, io.env);
  const after = await addTills(signDe.storeRecords, { client: connection.client, vault: opened }, tssId, tills);
  if (values.json) io.out(JSON.stringify(after, null, 2));
  else report(before, after, io.out);
  return EXIT.ok;
}

function parseTills(serials: string[]): ClientPlan[] {
  if (serials.length === 0) throw new UsageError('Name the tills to add: --client SERIAL (once per till).');
  const seen = new Set<string>();
  return serials.map((serialNumber) => {
    const parsed = ClientPlan.safeParse({ serialNumber });
    if (!parsed.success) throw new UsageError(`--client ${printable(serialNumber)}: ${parsed.error.issues[0]!.message}`);
    const key = serialNumber.toLowerCase();
    if (seen.has(key)) throw new UsageError(`--client ${printable(serialNumber)} is given twice (serial numbers must differ, also in case)`);
    seen.add(key);
    return parsed.data;
  });
}

function report(before: StoreRecord, after: StoreRecord, out: (line: string) => void): void {
  const known = new Set(before.tills.map((t) => t.clientId));
  for (const till of after.tills.filter((t) => !known.has(t.clientId))) out(printable(`registered ${till.serialNumber}  client ${till.clientId}`));
  out(printable(`${after.storeName}: ${after.tills.length} tills. Adding a till is notifiable: hand the store a new handover.`));
}

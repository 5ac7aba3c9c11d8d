import { serialKey } from '../../../../preload/contract/sign-de/store-rules';
import { randomBytes } from 'node:crypto';
import { sandboxSerials as inventSerials } from '../../../../preload/contract/sign-de/sandbox-serials';
import { StoreRecords } from '../store/store-records';
import { Journal } from './journal';
import type { StorePlan } from './store-plan';

/**
 * Till serial numbers: the technician's in TEST and LIVE (they go into the QR, DSFinV-K and the ELSTER
 * notification); invented only for the sandbox, and then unique per store. Serials already used by the
 * stores this laptop knows are warned about, not refused: a till may move between stores.
 */

/** `count` sandbox serials for a store (the contract's rule), with a random part from node:crypto. */
export function sandboxSerials(storeName: string, count: number, random: () => string = () => randomBytes(2).toString('hex')): string[] {
  return inventSerials(storeName, count, random);
}

/** Where a serial number is already in use on this laptop. */
export interface KnownSerial {
  serialNumber: string;
  storeName: string;
  runId: string;
  environment: StorePlan['environment'];
}

/**
 * Every till serial this laptop knows, by lower case: the provisioning runs in the data folder's runs/
 * (abandoned runs aside) and the store records (tills added after the setup).
 */
export async function knownSerials(dataDir: string): Promise<Map<string, KnownSerial[]>> {
  const known = new Map<string, KnownSerial[]>();
  const add = (use: KnownSerial) => {
    const key = serialKey(use.serialNumber);
    const uses = known.get(key) ?? [];
    if (!uses.some((other) => other.storeName === use.storeName && other.runId === use.runId)) known.set(key, [...uses, use]);
  };
  const runs = (await Journal.list(dataDir)).filter((run) => run.status !== 'abandoned');
  for (const run of runs) {
    for (const client of run.plan.clients) add({ serialNumber: client.serialNumber, storeName: run.plan.storeName, runId: run.runId, environment: run.plan.environment });
  }
  const runOfTss = new Map(runs.map((run) => [run.tssId, run.runId]));
  for (const record of await new StoreRecords(dataDir).list()) {
    for (const till of record.tills) add({ serialNumber: till.serialNumber, storeName: record.storeName, runId: runOfTss.get(record.tssId) ?? record.tssId, environment: record.environment });
  }
  return known;
}

/** A plan's serials that another store already uses (serials differing only in case count as the same). */
export interface DuplicateSerial {
  serialNumber: string;
  usedBy: KnownSerial[];
}

/** The plan's tills whose serial another store on this laptop already has; the plan's own earlier runs are not counted. */
export function duplicateSerials(plan: Pick<StorePlan, 'storeName' | 'clients'>, known: Map<string, KnownSerial[]>): DuplicateSerial[] {
  return plan.clients.flatMap((client) => {
    const usedBy = (known.get(serialKey(client.serialNumber)) ?? []).filter((use) => use.storeName !== plan.storeName);
    return usedBy.length > 0 ? [{ serialNumber: client.serialNumber, usedBy }] : [];
  });
}

/** duplicateSerials against the runs in the data folder, for the app's main process. */
export async function findDuplicateSerials(plan: Pick<StorePlan, 'storeName' | 'clients'>, dataDir: string): Promise<DuplicateSerial[]> {
  return duplicateSerials(plan, await knownSerials(dataDir));
}

/** "serial KASSE-1 is already used by the store Filiale Nord (TEST)" for the CLI and logs. */
export function describeDuplicate(duplicate: DuplicateSerial): string {
  const stores = [...new Set(duplicate.usedBy.map((use) => `${use.storeName} (${use.environment.toUpperCase()})`))];
  return `the till serial ${duplicate.serialNumber} is already used by ${stores.length === 1 ? 'the store' : 'the stores'} ${stores.join(', ')} on this laptop`;
}

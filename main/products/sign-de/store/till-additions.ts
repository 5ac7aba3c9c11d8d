import { serialKey } from '../../../../preload/contract/sign-de/store-rules';
import { randomUUID } from 'node:crypto';
import type { ClientPlan } from '../../../../preload/contract/sign-de/store-plan';
import type { StoreRecord, StoreTill } from '../../../../preload/contract/sign-de/store-record';
import { AppError } from '../../../core/errors';
import type { FiskalyClient } from '../api/client';
import { FiskalyError } from '../api/fiskaly-error';
import type { SignDeVault } from '../vault-kinds';
import { type StoreRecords, todayInGermany } from './store-records';
import { asTssAdmin } from './tss-admin';

/** Where the store's TSS is: a client of its fiskaly environment and the vault with its admin PIN. */
export interface TssAccess {
  client: FiskalyClient;
  vault: SignDeVault;
}

/**
 * Registers more tills on a store's TSS and records them ('tills-added'). Their client ids are chosen and
 * written into the record before any request: a retry after a failure or a crash registers the same
 * clients again (fiskaly answers a repeated create with the client) and never makes twins. A serial equal
 * to one of the store's tills or of a client on its TSS, also in another case, is refused before anything is sent.
 */
export async function addTills(records: StoreRecords, access: TssAccess, tssId: string, tills: ClientPlan[], now = new Date()): Promise<StoreRecord> {
  const atServer = await access.client.listClients(tssId);
  const pending = await chooseClientIds(records, tssId, tills, atServer, now);
  await asTssAdmin(access.client, access.vault, tssId, async () => {
    for (const till of pending) await register(access.client, tssId, till);
  });
  const ids = new Set(pending.map((t) => t.clientId));
  return records.update(tssId, (record) => {
    const added = (record.pendingTills ?? []).filter((t) => ids.has(t.clientId) && !record.tills.some((known) => known.clientId === t.clientId));
    // Registered on a TSS already in use: the TSE's activation for this till is its registration (handover).
    record.tills.push(...added.map((till) => ({ ...till, registeredAt: till.registeredAt ?? now.toISOString() })));
    record.pendingTills = (record.pendingTills ?? []).filter((t) => !ids.has(t.clientId));
    if (record.pendingTills.length === 0) delete record.pendingTills;
    if (added.length > 0) record.changes.push({ at: now.toISOString(), what: 'tills-added', detail: added.map((t) => t.serialNumber).join(', ') });
  });
}

/**
 * Writes the tills to register, each with its client id: a till asked for before keeps its id; one asked
 * for before but not now stays only if fiskaly has it (then it is recorded too), else it is dropped.
 */
async function chooseClientIds(
  records: StoreRecords,
  tssId: string,
  tills: ClientPlan[],
  atServer: Array<{ id: string; serialNumber: string }>,
  now: Date,
): Promise<StoreTill[]> {
  const requested = new Map<string, ClientPlan>();
  for (const till of tills) {
    const key = serialKey(till.serialNumber);
    if (requested.has(key)) throw new AppError('E_SERIAL_TAKEN', `The serial number ${till.serialNumber} is given twice (serial numbers must differ, also in case).`);
    requested.set(key, till);
  }
  let chosen: StoreTill[] = [];
  await records.update(tssId, (record) => {
    if (record.tss.decommissioning) throw new AppError('E_TSS_DISABLED', 'This store’s TSS is disabled: it takes no more tills.');
    const serverIds = new Set(atServer.map((c) => c.id));
    const earlier = record.pendingTills ?? [];
    const earlierIds = new Set(earlier.map((t) => t.clientId));
    const taken = new Set([...record.tills.map((t) => t.serialNumber), ...atServer.filter((c) => !earlierIds.has(c.id)).map((c) => c.serialNumber)].map(serialKey));
    const next: StoreTill[] = [];
    for (const till of earlier) {
      const again = requested.get(serialKey(till.serialNumber));
      if (again) next.push({ ...detailsOf(again, now), serialNumber: till.serialNumber, clientId: till.clientId });
      else if (serverIds.has(till.clientId)) next.push(till);
    }
    for (const [key, till] of requested) {
      if (next.some((t) => serialKey(t.serialNumber) === key)) continue;
      if (taken.has(key)) throw new AppError('E_SERIAL_TAKEN', `The serial number ${till.serialNumber} is already a till of this store (serial numbers must differ, also in case).`);
      next.push({ ...detailsOf(till, now), serialNumber: till.serialNumber, clientId: randomUUID() });
    }
    record.pendingTills = next;
    chosen = next;
  });
  return chosen;
}

function detailsOf(till: ClientPlan, now: Date): Omit<StoreTill, 'serialNumber' | 'clientId'> {
  const { serialNumber: _serial, ...details } = till;
  return { ...details, commissioningDate: details.commissioningDate ?? todayInGermany(now) };
}

/** Creates the client; a create repeated after a crash finds it (older API versions answer 409). */
async function register(client: FiskalyClient, tssId: string, till: StoreTill): Promise<void> {
  try {
    await client.createClient(tssId, till.clientId, till.serialNumber);
  } catch (error) {
    if (!(error instanceof FiskalyError) || error.code !== 'E_CLIENT_CONFLICT') throw error;
    const existing = await client.getClient(tssId, till.clientId);
    if (existing.serialNumber !== till.serialNumber || existing.tssId !== tssId) throw error;
  }
}

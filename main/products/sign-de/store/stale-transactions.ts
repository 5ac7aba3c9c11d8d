import type {
  StaleCloseResult,
  StalePreview,
  StaleTill,
  StaleTillResult,
  StaleTransaction,
} from '../../../../preload/contract/sign-de/stale-transactions';
import { AppError } from '../../../core/errors';
import type { FiskalyClient } from '../api/client';
import { FiskalyError } from '../api/fiskaly-error';
import type { Transaction } from '../api/resources';

export interface StaleOptions {
  /** Milliseconds since the epoch (this laptop's clock); tests move it. */
  now?: () => number;
  /** Transactions looked up and cancelled at once: each is its own resource at fiskaly. */
  concurrency?: number;
}

/**
 * DSFinV-K AVBelegabbruch: a receipt begun and never completed, nothing paid. SIGN DE refuses to end a
 * transaction without a process type (409 E_TX_NO_TYPE_DEFINED), so a cancellation carries one.
 */
export const CANCELLATION_SCHEMA = {
  standard_v1: { receipt: { receipt_type: 'CANCELLATION', amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '0.00' }] } },
} as const;
const RECEIPT_PROCESS_TYPE = 'Kassenbeleg-V1';
const DEFAULT_CONCURRENCY = 4;

/**
 * The ACTIVE transactions of a TSS started at least `olderThanHours` ago, per till; nothing changes.
 * One list of ACTIVE transactions (pages of 100): fiskaly allows 20 list calls a minute per TSS.
 */
export async function previewStaleTransactions(client: FiskalyClient, tssId: string, olderThanHours: number, options: StaleOptions = {}): Promise<StalePreview> {
  const nowMs = (options.now ?? Date.now)();
  const active = await client.listTransactions(tssId, ['ACTIVE']);
  const stale = active.filter((tx) => isStale(tx, olderThanHours, nowMs));
  const tills = new Map<string, StaleTill>();
  for (const tx of stale.sort((a, b) => a.number - b.number)) {
    const till = tills.get(tx.clientId) ?? { clientId: tx.clientId, serialNumber: tx.clientSerialNumber ?? '', transactions: [] };
    till.transactions.push(staleView(tx, nowMs));
    tills.set(tx.clientId, till);
  }
  await fillMissingSerials(client, tssId, [...tills.values()]);
  return {
    tssId,
    olderThanHours,
    checkedAt: Math.floor(nowMs / 1000),
    tills: [...tills.values()].sort((a, b) => a.serialNumber.localeCompare(b.serialNumber)),
    recent: active.length - stale.length,
  };
}

/**
 * Cancels the named transactions, each with a cancellation receipt. Every id is looked up again first:
 * one that is not an ACTIVE transaction of this TSS at least `olderThanHours` old (whatever the page
 * says) makes the whole request refused, before anything is cancelled. One finished meanwhile is left.
 */
export async function closeStaleTransactions(
  client: FiskalyClient,
  tssId: string,
  olderThanHours: number,
  transactionIds: string[],
  options: StaleOptions = {},
): Promise<StaleCloseResult> {
  const nowMs = (options.now ?? Date.now)();
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const ids = [...new Set(transactionIds.map((id) => id.toLowerCase()))];
  const results = new Map<string, StaleTillResult>();
  const tillOf = (tx: Pick<Transaction, 'clientId' | 'clientSerialNumber'>) => {
    const till = results.get(tx.clientId) ?? { clientId: tx.clientId, serialNumber: tx.clientSerialNumber ?? '', closed: [], alreadyClosed: [], failed: [] };
    results.set(tx.clientId, till);
    return till;
  };
  const unknownTill = { clientId: '', serialNumber: '', closed: [], alreadyClosed: [], failed: [] } as StaleTillResult;

  // Look first, touch nothing until every id has passed the rule.
  const found: Transaction[] = [];
  const refused: string[] = [];
  await eachLimited(ids, concurrency, async (id) => {
    try {
      const tx = await client.getTransaction(tssId, id);
      if (tx.state !== 'ACTIVE') tillOf(tx).alreadyClosed.push(staleView(tx, nowMs));
      else if (!isStale(tx, olderThanHours, nowMs)) refused.push(`number ${tx.number} (started ${ageText(tx, nowMs)} ago)`);
      else found.push(tx);
    } catch (error) {
      if (error instanceof FiskalyError && (error.code === 'E_TX_NOT_FOUND' || error.status === 404)) refused.push(`${id} (not a transaction of this TSS)`);
      else unknownTill.failed.push(failureOf(id, undefined, error));
    }
  });
  if (refused.length > 0) {
    throw new AppError(
      'E_STALE_REFUSED',
      `Nothing was closed: ${refused.length} of the named transactions are not open transactions of this TSS started at least ${olderThanHours} h ago: ${refused.slice(0, 5).join(', ')}${refused.length > 5 ? ', …' : ''}. Show the list again and confirm what it shows.`,
    );
  }

  await eachLimited(found, concurrency, async (tx) => {
    const till = tillOf(tx);
    try {
      await client.upsertTransaction(tssId, tx.id, tx.latestRevision + 1, cancellationOf(tx));
      till.closed.push(staleView(tx, nowMs));
    } catch (error) {
      // A till that finished it meanwhile wins; anything else is reported, never retried blindly.
      const now = await client.getTransaction(tssId, tx.id).catch(() => null);
      if (now && now.state !== 'ACTIVE') till.alreadyClosed.push(staleView(tx, nowMs));
      else till.failed.push(failureOf(tx.id, tx.number, error));
    }
  });

  const tills = [...results.values(), ...(unknownTill.failed.length ? [unknownTill] : [])];
  await fillMissingSerials(client, tssId, tills);
  for (const till of tills) for (const list of [till.closed, till.alreadyClosed]) list.sort((a, b) => a.number - b.number);
  const count = (pick: (t: StaleTillResult) => unknown[]) => tills.reduce((sum, till) => sum + pick(till).length, 0);
  return {
    tssId,
    olderThanHours,
    tills: tills.sort((a, b) => a.serialNumber.localeCompare(b.serialNumber)),
    closed: count((t) => t.closed),
    alreadyClosed: count((t) => t.alreadyClosed),
    failed: count((t) => t.failed),
  };
}

export function isStale(tx: Pick<Transaction, 'state' | 'timeStart'>, olderThanHours: number, nowMs: number): boolean {
  // No start time, no age: such a transaction is never taken for stale.
  return tx.state === 'ACTIVE' && tx.timeStart !== undefined && nowMs / 1000 - tx.timeStart >= olderThanHours * 3600;
}

/**
 * The cancelling revision. A transaction without a type, or already a receipt, gets the cancellation
 * receipt; one of another type (an order, other) keeps it, since SIGN DE refuses a type change (409).
 */
export function cancellationOf(tx: Pick<Transaction, 'clientId' | 'schema'>) {
  const raw = (tx.schema as { raw?: { process_type?: string } } | undefined)?.raw;
  const processType = raw?.process_type ?? '';
  const keepsType = processType !== '' && processType !== RECEIPT_PROCESS_TYPE;
  return { state: 'CANCELLED' as const, client_id: tx.clientId, ...(keepsType ? {} : { schema: CANCELLATION_SCHEMA }) };
}

function staleView(tx: Transaction, nowMs: number): StaleTransaction {
  const startedAt = tx.timeStart ?? 0;
  return { id: tx.id, number: tx.number, startedAt, ageHours: Math.max(0, Math.floor((nowMs / 1000 - startedAt) / 3600)) };
}

function ageText(tx: Transaction, nowMs: number): string {
  if (tx.timeStart === undefined) return 'at an unknown time';
  const minutes = Math.max(0, Math.floor((nowMs / 1000 - tx.timeStart) / 60));
  return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h`;
}

function failureOf(id: string, number: number | undefined, error: unknown) {
  const code = error instanceof AppError ? error.code : 'E_UNEXPECTED';
  const message = error instanceof Error ? error.message : String(error);
  return { id, ...(number === undefined ? {} : { number }), code, message };
}

/** Transactions name their till's serial number; should one not, the client list does (not rate-limited). */
async function fillMissingSerials(client: FiskalyClient, tssId: string, tills: Array<{ clientId: string; serialNumber: string }>): Promise<void> {
  if (!tills.some((till) => till.clientId && !till.serialNumber)) return;
  const serials = new Map((await client.listClients(tssId).catch(() => [])).map((c) => [c.id, c.serialNumber]));
  for (const till of tills) if (!till.serialNumber) till.serialNumber = serials.get(till.clientId) ?? till.clientId;
}

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

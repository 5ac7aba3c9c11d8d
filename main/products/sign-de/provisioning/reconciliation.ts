import { randomUUID } from 'node:crypto';
import type { FiskalyClient } from '../api/client';
import { FiskalyError } from '../api/fiskaly-error';
import type { Vault } from '../../../vault';
import { type Journal, type JournalData, STEP_NAMES, type StepName } from './journal';
import { ProvisioningError } from './provisioning-error';
import { AFTER_DEPLOY, FROM_CREATE_TSS, RECEIPT_STEPS } from './provisioning-flow';

/** A run's journal beside what fiskaly shows of it, and the vault that holds its secrets. */
export interface RunAtServer {
  client: FiskalyClient;
  journal: Journal;
  vault: Vault;
}

const isNotFound = (error: unknown): boolean => error instanceof FiskalyError && error.status === 404;
const orNullIfNotFound = <T>(promise: Promise<T>): Promise<T | null> =>
  promise.catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });

/**
 * Compares the journal with what the server shows and rewrites the journal to match: a step the server
 * lacks is no longer "done" (and is done again by the steps that follow), one it shows is, whatever the
 * journal said. Ids stay the same (no twin TSS or client), except a test transaction that has to be
 * signed again, which gets a new id, written here before its start is sent.
 */
export async function reconcile(run: RunAtServer, repair: boolean): Promise<{ recreatedAt: string | null }> {
  const { tssId } = run.journal.data;
  const tss = await orNullIfNotFound(run.client.getTss(tssId));
  const repairs: string[] = [];
  const done = new Set(run.journal.data.done);
  const markDone = (...steps: StepName[]) => steps.forEach((s) => done.add(s));
  const unmark = (steps: readonly StepName[]) => steps.forEach((s) => done.delete(s));
  let clients = run.journal.data.clients.map((c) => ({ ...c }));
  let receipt = run.journal.data.receipt && { ...run.journal.data.receipt };
  // A transaction cannot outlive its TSS's deployment: one started before is to be signed anew.
  const freshReceipt = () => {
    if (!receipt?.startSent) return;
    receipt = { txId: randomUUID() };
    unmark(RECEIPT_STEPS);
  };
  const hasPuk = Boolean(await run.vault.get(tssId, 'admin-puk'));
  let recreatedAt: string | null = null;

  if (!tss || tss.state === 'CREATED') {
    if (!tss && done.has('create-tss')) {
      repairs.push('fiskaly no longer had the TSS: it is created again with the same id, its new PUK stored and the vault’s PIN set on it');
      if (hasPuk) recreatedAt = new Date().toISOString();
    }
    // A TSS still CREATED gives its PUK again; storing it again costs nothing and may replace a void one.
    unmark(FROM_CREATE_TSS);
    if (clients.some((c) => c.registered)) repairs.push('the clients are registered again on the new TSS');
    clients = clients.map((c) => ({ ...c, registered: false }));
    freshReceipt();
  } else if (tss.state === 'UNINITIALIZED' || tss.state === 'INITIALIZED') {
    markDone('create-tss', 'deploy');
    if (hasPuk) markDone('store-puk');
    if (tss.state === 'UNINITIALIZED') {
      // Whether the PIN was set on this very TSS is not to be seen; setting it again with the PUK is harmless.
      unmark(AFTER_DEPLOY);
      clients = clients.map((c) => ({ ...c, registered: false }));
      freshReceipt();
    } else {
      markDone('set-pin', 'initialize');
      clients = await reconcileClients(run, clients, repairs);
      if (clients.some((c) => !c.registered)) unmark(['clients', 'admin-logout']);
      else markDone('clients');
      if (receipt) {
        const found = await reconcileReceipt(run, receipt);
        receipt = found.receipt;
        if (found.redo) unmark(RECEIPT_STEPS);
        if (found.why) repairs.push(found.why);
      }
    }
    if (repair) unmark(['set-pin']);
  } else {
    throw new ProvisioningError(
      'E_TSS_UNUSABLE',
      `fiskaly shows this run's TSS as ${tss.state}; it takes no more work. Abandon this run and set the store up again.`,
      'auth',
      'abandon',
    );
  }

  const order = (steps: Iterable<StepName>) => STEP_NAMES.filter((s) => [...steps].includes(s));
  await run.journal.update((d) => {
    d.done = order(done);
    d.clients = clients;
    d.receipt = receipt;
    if (tss) {
      d.tssSerialNumber = tss.serialNumber;
      d.bsiCertificationId = tss.bsiCertificationId ?? d.bsiCertificationId;
      if (tss.timeInit) d.timeInit = tss.timeInit;
    }
    if (repairs.length > 0) {
      const at = new Date().toISOString();
      d.repairs = [...(d.repairs ?? []), ...repairs.map((what) => ({ at, what }))];
    }
  });
  return { recreatedAt };
}

/** Matches the planned clients with the server's, by id, else by serial number (adopting the server's id: no twins). */
async function reconcileClients(run: RunAtServer, clients: JournalData['clients'], repairs: string[]): Promise<JournalData['clients']> {
  const server = await run.client.listClients(run.journal.data.tssId);
  const journalIds = new Set(clients.map((c) => c.clientId));
  return clients.map((planned) => {
    const found =
      server.find((s) => s.id === planned.clientId) ?? server.find((s) => s.serialNumber === planned.serialNumber && !journalIds.has(s.id));
    if (!found) {
      if (planned.registered) repairs.push(`fiskaly no longer had client ${planned.serialNumber}: it is registered again`);
      return { ...planned, registered: false };
    }
    return { ...planned, clientId: found.id, registered: found.state === 'REGISTERED' };
  });
}

/**
 * Reads the one test transaction (a retrieve, not a list: fiskaly allows few lists a minute) and says
 * whether the receipt steps are to be done again, and with which transaction: the same one when it is
 * ACTIVE or its journal copy differs from the server's, a new id when it is gone, cancelled or invalid.
 */
async function reconcileReceipt(run: RunAtServer, receipt: NonNullable<JournalData['receipt']>): Promise<{ receipt: NonNullable<JournalData['receipt']>; redo: boolean; why?: string }> {
  const fresh = (why?: string) => ({ receipt: { txId: randomUUID() }, redo: true, why });
  if (receipt.valid === false) return fresh('the test receipt had failed its check: a new test transaction is signed');
  if (!receipt.startSent) return { receipt, redo: true };
  const tx = await orNullIfNotFound(run.client.getTransaction(run.journal.data.tssId, receipt.txId));
  if (tx?.state === 'FINISHED' && tx.qrCodeData) {
    return { receipt, redo: receipt.qrCodeData !== tx.qrCodeData };
  }
  if (tx?.state === 'ACTIVE') return { receipt, redo: true };
  return fresh(tx ? `the test transaction ended ${tx.state}: a new one is signed` : receipt.qrCodeData ? 'fiskaly no longer had the test transaction: a new one is signed' : undefined);
}

/**
 * Reads, all at once, what a done run must have at the server: the TSS INITIALIZED, every planned
 * client REGISTERED, the test receipt's transaction FINISHED with the journal's QR code. What is missing
 * is named; a run is reported done only when nothing is.
 */
export async function serverGaps(run: RunAtServer): Promise<string[]> {
  const { tssId, receipt } = run.journal.data;
  const [tss, clients, tx] = await Promise.all([
    orNullIfNotFound(run.client.getTss(tssId)),
    orNullIfNotFound(run.client.listClients(tssId)),
    receipt ? orNullIfNotFound(run.client.getTransaction(tssId, receipt.txId)) : null,
  ]);
  if (tss?.state !== 'INITIALIZED') return [`the TSS as INITIALIZED (it shows ${tss?.state ?? 'no TSS with this id'})`];
  const gaps: string[] = [];
  const missing = run.journal.data.clients.filter((c) => !clients?.some((s) => s.id === c.clientId && s.state === 'REGISTERED'));
  if (missing.length > 0) gaps.push(`client${missing.length > 1 ? 's' : ''} ${missing.map((c) => c.serialNumber).join(', ')} as REGISTERED`);
  if (receipt && (tx?.state !== 'FINISHED' || tx.qrCodeData !== receipt.qrCodeData)) gaps.push('the test receipt’s transaction as FINISHED');
  return gaps;
}

import { randomUUID } from 'node:crypto';
import type { Channel } from '../../../../preload/contract/channels';
import { type Result, fail, ok } from '../../../../preload/contract/core/result';
import type { ExportProgress, TssOverview } from '../../../../preload/contract/sign-de/tss';
import type { KnownTss } from '../../../../preload/contract/sign-de/known-tss';
import type { Organization } from '../../../../preload/contract/core/organizations';
import type { PrinterInfo } from '../../../../preload/contract/core/printing';
import type { ProgressEvent, RunReport } from '../../../../preload/contract/sign-de/runs';
import type { SavedFile } from '../../../../preload/contract/core/files';
import type { VaultState } from '../../../../preload/contract/core/vault';
import type { HandoverFiles, StoreRecord } from '../../../../preload/contract/sign-de/store-record';
import type { Decommissioning, StoreMasterData } from '../../../../preload/contract/sign-de/master-data';
import type { ClientPlan } from '../../../../preload/contract/sign-de/store-plan';
import { buildReceiptModel } from '../../../../main/products/sign-de/receipt/receipt-model';
import { checkReceipt } from '../../../../main/products/sign-de/tse';
import { signedTestReceipt } from '../../main/products/sign-de/receipt/signed-receipt';
import { type FakeMigrationState, handleMigration, initialFakeMigration } from './fake-migration';

export const FAKE_PASSPHRASE = 'correct horse battery staple';
export const FAKE_PUK = 'PUK-1234567890';
/** The organization 'orgs:check' reports for any accepted key. */
export const FAKE_CHECKED_ORGANIZATION = '4b1d2c3e-5f60-4718-9a2b-3c4d5e6f7a8b';

/** What the in-memory main knows beyond the settings: vault, organizations, runs, TSS, printers. */
export interface FakeMainState {
  vault: VaultState;
  passphrase: string | null;
  organizations: Organization[];
  runs: RunReport[];
  known: KnownTss[];
  overviews: Record<string, TssOverview>;
  puks: Record<string, string>;
  printers: PrinterInfo[];
  /** Receipts by run id; `receiptFor` makes a signed one on demand. */
  receipts: Record<string, ReturnType<typeof buildReceiptModel>>;
  /** Every admin PIN main was given (own PINs only; generated ones are not seen). */
  pinsReceived: string[];
  /** Journaled exports by TSS id, as `tss:export-status` answers them (none when absent). */
  exportStatus?: Record<string, ExportProgress>;
  /** The store records by TSS id, as `store:get` answers them (a store set up here gets one). */
  stores: Record<string, StoreRecord>;
  /** How many handovers were saved, per TSS. */
  handoversSaved: Record<string, number>;
  /** Which save dialog this shell has (the browser shell's in-app one unless set), and what the OS dialog answers (its default path unless set). */
  chooser?: 'native' | 'in-app';
  dialogAnswer?: string | null;
  /** The V1 store the migration channels read and the runs they made. */
  migration: FakeMigrationState;
}

export function initialFakeMain(): FakeMainState {
  return {
    vault: { initialized: true, unlocked: true, keychainProblem: null, entries: 0 },
    passphrase: FAKE_PASSPHRASE,
    organizations: [],
    runs: [],
    known: [],
    overviews: {},
    puks: {},
    printers: [
      { name: 'EPSON TM-T20III', isDefault: true },
      { name: 'Star TSP143', isDefault: false },
    ],
    receipts: {},
    pinsReceived: [],
    stores: {},
    handoversSaved: {},
    migration: initialFakeMigration(),
  };
}

export const FAKE_MASTER_DATA: StoreMasterData = {
  taxpayer: { legalName: 'Müller Backwaren GmbH', taxNumber: '93815/08152', bundesland: 'BW' },
  establishment: { designation: 'Filiale Köln-Süd', street: 'Bonner Straße', houseNumber: '12', houseNumberSuffix: 'a', postcode: '50677', town: 'Köln' },
};

/** A store record as main keeps it after a commissioning, with one till per client of the overview. */
export function storeRecord(tssId: string, overrides: Partial<StoreRecord> = {}): StoreRecord {
  return {
    tssId,
    storeName: 'Filiale Köln-Süd',
    environment: 'sandbox',
    masterData: structuredClone(FAKE_MASTER_DATA),
    tss: { serialNumber: 'b'.repeat(64), bsiCertificationId: 'BSI-K-TR-0490-2021', timeInit: 1_787_078_000 },
    tills: [{ serialNumber: 'KASSE-01', clientId: randomUUID(), kind: '1', software: 'KassenPro', softwareVersion: '4.2', manufacturer: 'Aures', model: 'Yuno' }],
    testPostings: [],
    changes: [{ at: '2026-08-18T09:00:00.000Z', what: 'commissioned' }],
    ...overrides,
  };
}

const today = () => new Date().toISOString();

/** A finished run's report, with the TSS, clients and receipt a real run leaves behind. */
export function runReport(overrides: Partial<RunReport> = {}): RunReport {
  return {
    runId: randomUUID(),
    storeName: 'Filiale Köln-Süd',
    environment: 'sandbox',
    status: 'done',
    tssId: randomUUID(),
    tssSerialNumber: 'a'.repeat(64),
    bsiCertificationId: 'BSI-K-TR-0490-2021',
    timeInit: 1_787_078_000,
    clients: [{ serialNumber: 'KASSE-01', clientId: randomUUID(), registered: true }],
    receipt: { txId: randomUUID(), number: 7, valid: true },
    ...overrides,
  };
}

export function tssOverview(tssId: string, overrides: Partial<TssOverview> = {}): TssOverview {
  return {
    tssId,
    environment: 'sandbox',
    storeName: 'Filiale Köln-Süd',
    state: 'INITIALIZED',
    serialNumber: 'b'.repeat(64),
    bsiCertificationId: 'BSI-K-TR-0490-2021',
    timeInit: 1_787_078_000,
    signatureCounter: '42',
    transactionCounter: '7',
    registeredClients: 2,
    maxRegisteredClients: 199,
    activeTransactions: 3,
    maxActiveTransactions: 2000,
    clients: [
      { id: randomUUID(), serialNumber: 'KASSE-01', state: 'REGISTERED' },
      { id: randomUUID(), serialNumber: 'KASSE-02', state: 'DEREGISTERED' },
    ],
    ...overrides,
  };
}

/** Main's confirmation rule (main/vault/confirmation.ts): the vault's passphrase, or nothing is done. */
export function needConfirmation(state: FakeMainState, passphrase: unknown): Result<never> | null {
  if (typeof passphrase !== 'string' || passphrase === '') return fail('E_CONFIRMATION_REQUIRED', 'This step needs the vault passphrase.');
  if (!state.vault.initialized) return fail('E_VAULT_NOT_INITIALIZED', 'The vault is not set up yet.');
  if (passphrase !== state.passphrase) return fail('E_CONFIRMATION_FAILED', 'The passphrase does not open this vault.');
  state.vault = { ...state.vault, unlocked: true };
  return null;
}

const staleTxId = (index: number) => `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;

const saved = (name: string): SavedFile => ({ path: `/home/tech/TSS Companion/${name}`, bytes: 4096 });

type Emit = (event: 'provisioning:progress' | 'provisioning:finished' | 'migration:progress' | 'migration:finished', payload: unknown) => void;

/**
 * Main's answers for the workbench channels, after the request passed its schema (`data` is the
 * parsed payload). Like main, every failure is a Result with a code and a plain message, and no
 * secret is ever echoed back.
 */
export function handleWorkbench(state: FakeMainState, channel: Channel, data: unknown, emit: Emit): Result<unknown> | undefined {
  const request = data as Record<string, unknown>;
  const needPassphrase = (passphrase: unknown) =>
    passphrase === state.passphrase ? null : fail('E_VAULT_WRONG_PASSPHRASE', 'The passphrase is wrong.');
  const needVault = () => {
    if (!state.vault.initialized) return fail('E_VAULT_NOT_INITIALIZED', 'The vault is not set up yet.');
    if (!state.vault.unlocked) return fail('E_VAULT_LOCKED', 'The vault is locked.');
    return null;
  };
  const overviewOf = (tssId: unknown) => (typeof tssId === 'string' ? state.overviews[tssId] : undefined);
  if (channel.startsWith('migration:')) return handleMigration(state.migration, channel, request ?? {}, emit, (passphrase) => needConfirmation(state, passphrase));

  switch (channel) {
    case 'vault:status':
      return ok({ ...state.vault });
    case 'vault:setup': {
      if (state.vault.initialized) return fail('E_VAULT_EXISTS', 'The vault is already set up.');
      state.passphrase = request.passphrase as string;
      state.vault = { initialized: true, unlocked: true, keychainProblem: null, entries: 0 };
      return ok({ ...state.vault });
    }
    case 'vault:unlock': {
      const refused = needPassphrase(request.passphrase);
      if (refused) return refused;
      state.vault = { ...state.vault, unlocked: true, keychainProblem: null };
      return ok({ ...state.vault });
    }
    case 'vault:export-recovery':
      return needPassphrase(request.passphrase) ?? ok(saved('tss-companion-recovery.tssrecovery'));
    case 'vault:import-recovery': {
      if (request.passphrase !== FAKE_PASSPHRASE) return fail('E_VAULT_WRONG_PASSPHRASE', 'The passphrase does not open this recovery file.');
      if (request.newVault === true) {
        // A new laptop: the vault is set up with the new passphrase, then the file imported into it.
        if (state.vault.initialized) return fail('E_VAULT_EXISTS', 'The vault is already set up.');
        state.passphrase = request.vaultPassphrase as string;
        state.vault = { initialized: true, unlocked: true, keychainProblem: null, entries: 0 };
      } else if (!state.vault.initialized) return fail('E_VAULT_NOT_INITIALIZED', 'The vault is not set up yet.');
      else if (request.vaultPassphrase !== state.passphrase) return fail('E_VAULT_WRONG_PASSPHRASE', 'The passphrase does not open this vault.');
      const tssId = randomUUID();
      state.known.push({ tssId, storeName: 'Imported store', environment: 'test', hasPuk: true, hasPin: true, updatedAt: new Date().toISOString() });
      state.puks[tssId] = FAKE_PUK;
      state.vault = { ...state.vault, entries: state.vault.entries + 2 };
      return ok({ added: 1, updated: 0, kept: state.known.length - 1, conflicts: [] });
    }
    case 'vault:restore-previous': {
      if (!state.vault.damage?.previousIntact) return fail('E_VAULT_NOTHING_TO_RESTORE', 'The vault is intact and up to date.');
      const refused = needPassphrase(request.passphrase);
      if (refused) return refused;
      state.vault = { ...state.vault, unlocked: true, keychainProblem: null, damage: null };
      return ok({ ...state.vault });
    }
    case 'orgs:list':
      return ok(state.organizations.map((organization) => ({ ...organization })));
    case 'orgs:save': {
      const organization: Organization = {
        id: randomUUID(),
        environment: request.environment as 'test' | 'live',
        label: request.label as string,
        apiKeyHint: (request.apiKey as string).slice(0, 6),
      };
      state.organizations.push(organization);
      return ok({ ...organization });
    }
    case 'orgs:check':
      // As main: one login with the key and secret; a secret "wrong" is refused as fiskaly would.
      if (request.apiSecret === 'wrong') return fail('E_UNAUTHORIZED', 'fiskaly refused the login (401).');
      return ok({
        product: request.product,
        environment: request.environment === 'live' ? 'LIVE' : 'TEST',
        organizationId: FAKE_CHECKED_ORGANIZATION,
        scope: request.scope ?? null,
        expiresAt: '2026-03-02T09:30:00.000Z',
      });
    case 'runs:list':
      return ok(structuredClone(state.runs));
    case 'runs:get': {
      const run = state.runs.find((candidate) => candidate.runId === request.runId);
      return run ? ok(structuredClone(run)) : fail('E_RUN_NOT_FOUND', 'There is no run with this id.');
    }
    case 'provisioning:start': {
      const plan = request.plan as { storeName: string; environment: RunReport['environment']; clients: { serialNumber: string }[]; adminPin?: string };
      // As in main: the confirmation first (a right passphrase unlocks the vault), then the vault.
      const unconfirmed = plan.environment === 'live' || plan.adminPin !== undefined ? needConfirmation(state, request.passphrase) : null;
      if (unconfirmed) return unconfirmed;
      const blocked = needVault();
      if (blocked) return blocked;
      if (plan.adminPin) state.pinsReceived.push(plan.adminPin);
      const run = runReport({
        storeName: plan.storeName,
        environment: plan.environment,
        status: 'running',
        tssSerialNumber: undefined,
        clients: plan.clients.map((client) => ({ serialNumber: client.serialNumber, clientId: randomUUID(), registered: false })),
        receipt: { txId: randomUUID() },
      });
      state.runs.unshift(run);
      const planned = request.plan as { masterData?: StoreMasterData; clients: ClientPlan[] };
      state.stores[run.tssId!] = storeRecord(run.tssId!, {
        storeName: plan.storeName,
        environment: plan.environment,
        masterData: planned.masterData ? structuredClone(planned.masterData) : null,
        tills: planned.clients.map((client, index) => ({ ...client, clientId: run.clients[index]!.clientId })),
        changes: [{ at: today(), what: 'commissioned' }],
      });
      emit('provisioning:progress', progressEvent(run, 'auth', 'running'));
      return ok({ runId: run.runId });
    }
    case 'provisioning:resume': {
      const run = state.runs.find((candidate) => candidate.runId === request.runId);
      if (!run) return fail('E_RUN_NOT_FOUND', 'There is no run with this id.');
      run.status = 'running';
      delete run.error;
      return ok({ runId: run.runId });
    }
    case 'provisioning:cancel':
      return ok({});
    case 'provisioning:repair': {
      const run = state.runs.find((candidate) => candidate.runId === request.runId);
      if (!run) return fail('E_RUN_NOT_FOUND', 'There is no run with this id.');
      run.status = 'running';
      delete run.error;
      return ok({ runId: run.runId });
    }
    case 'provisioning:abandon': {
      const run = state.runs.find((candidate) => candidate.runId === request.runId);
      if (!run) return fail('E_RUN_NOT_FOUND', 'There is no run with this id.');
      if (run.status === 'done') return fail('E_RUN_DONE', 'This run is finished; there is nothing to abandon.');
      run.status = 'abandoned';
      return ok(structuredClone(run));
    }
    case 'recovery:list':
      return ok(structuredClone(state.known));
    case 'recovery:reveal': {
      const refused = needPassphrase(request.passphrase);
      if (refused) return refused;
      const puk = state.puks[request.tssId as string];
      return puk ? ok({ puk }) : fail('E_VAULT_ENTRY_NOT_FOUND', 'The vault holds no PUK for this TSS.');
    }
    case 'recovery:unblock': {
      const unconfirmed = needConfirmation(state, request.passphrase);
      if (unconfirmed) return unconfirmed;
      if (!state.puks[request.tssId as string]) return fail('E_SECRET_MISSING', 'The vault has no PUK for this TSS.');
      if (typeof request.newPin === 'string') state.pinsReceived.push(request.newPin);
      return ok({});
    }
    case 'tss:overview': {
      const overview = overviewOf(request.tssId);
      return overview ? ok(structuredClone(overview)) : fail('E_TSS_NOT_FOUND', 'fiskaly does not know this TSS.');
    }
    case 'tss:set-client-state': {
      const overview = overviewOf(request.tssId);
      const client = overview?.clients.find((candidate) => candidate.id === request.clientId);
      if (!overview || !client) return fail('E_CLIENT_NOT_FOUND', 'fiskaly does not know this client.');
      client.state = request.state as string;
      overview.registeredClients = overview.clients.filter((candidate) => candidate.state === 'REGISTERED').length;
      return ok(structuredClone(overview));
    }
    case 'tss:stale-preview': {
      const overview = overviewOf(request.tssId);
      if (!overview) return fail('E_TSS_NOT_FOUND', 'fiskaly does not know this TSS.');
      const till = overview.clients[0];
      const transactions = Array.from({ length: overview.activeTransactions }, (_, i) => ({
        id: staleTxId(i),
        number: i + 1,
        startedAt: 1_772_000_000 + i * 60,
        ageHours: 30,
      }));
      return ok({
        tssId: overview.tssId,
        olderThanHours: request.olderThanHours,
        checkedAt: 1_772_200_000,
        tills: till && transactions.length ? [{ clientId: till.id, serialNumber: till.serialNumber, transactions }] : [],
        recent: 0,
      });
    }
    case 'tss:close-stale': {
      const overview = overviewOf(request.tssId);
      if (!overview) return fail('E_TSS_NOT_FOUND', 'fiskaly does not know this TSS.');
      const ids = request.transactionIds as string[];
      const known = new Set(Array.from({ length: overview.activeTransactions }, (_, i) => staleTxId(i)));
      if (!ids.every((id) => known.has(id))) return fail('E_STALE_REFUSED', 'Nothing was closed: show the list again.');
      overview.activeTransactions -= ids.length;
      const till = overview.clients[0]!;
      const closed = ids.map((id) => ({ id, number: Number(id.slice(-12)), startedAt: 1_772_000_000, ageHours: 30 }));
      return ok({
        tssId: overview.tssId,
        olderThanHours: request.olderThanHours,
        tills: [{ clientId: till.id, serialNumber: till.serialNumber, closed, alreadyClosed: [], failed: [] }],
        closed: ids.length,
        alreadyClosed: 0,
        failed: 0,
      });
    }
    case 'tss:export':
      return overviewOf(request.tssId) ? ok(saved('export.tar')) : fail('E_TSS_NOT_FOUND', 'fiskaly does not know this TSS.');
    case 'tss:export-status':
      return overviewOf(request.tssId) ? ok(state.exportStatus?.[request.tssId as string] ?? null) : fail('E_TSS_NOT_FOUND', 'fiskaly does not know this TSS.');
    case 'tss:disable': {
      const overview = overviewOf(request.tssId);
      if (!overview) return fail('E_TSS_NOT_FOUND', 'fiskaly does not know this TSS.');
      const unconfirmed = needConfirmation(state, request.passphrase);
      if (unconfirmed) return unconfirmed;
      if (request.confirmation !== 'DISABLE' && request.confirmation !== overview.storeName) {
        return fail('E_CONFIRMATION_MISMATCH', 'Type the store name or DISABLE to disable this TSS.');
      }
      overview.state = 'DISABLED';
      const record = state.stores[overview.tssId];
      if (record) {
        if (request.decommissioning) record.tss.decommissioning = structuredClone(request.decommissioning as Decommissioning);
        record.changes.push({ at: today(), what: 'tss-disabled' });
      }
      return ok(structuredClone(overview));
    }
    // Main's rule (provisioning/serials.ts): the runs' tills (abandoned runs aside) and the store records' tills, case aside, other stores only.
    case 'store:duplicate-serials': {
      const known = [
        ...state.runs.filter((run) => run.status !== 'abandoned').flatMap((run) => run.clients.map((c) => ({ serial: c.serialNumber, storeName: run.storeName, environment: run.environment }))),
        ...Object.values(state.stores).flatMap((record) => record.tills.map((t) => ({ serial: t.serialNumber, storeName: record.storeName, environment: record.environment }))),
      ];
      const serials = request.serialNumbers as string[];
      return ok(
        serials.flatMap((serialNumber) => {
          const uses = known.filter((use) => use.serial.toLowerCase() === serialNumber.toLowerCase() && use.storeName !== request.storeName);
          const usedBy = [...new Map(uses.map((use) => [use.storeName, { storeName: use.storeName, environment: use.environment }])).values()];
          return usedBy.length > 0 ? [{ serialNumber, usedBy }] : [];
        }),
      );
    }
    case 'store:get': {
      const record = state.stores[request.tssId as string];
      return record ? ok(structuredClone(record)) : fail('E_STORE_NOT_FOUND', 'This laptop keeps no record of this store.');
    }
    case 'store:set-master-data': {
      const record = state.stores[request.tssId as string];
      if (!record) return fail('E_STORE_NOT_FOUND', 'This laptop keeps no record of this store.');
      record.masterData = structuredClone(request.masterData as StoreMasterData);
      record.changes.push({ at: today(), what: 'address-changed' });
      return ok(structuredClone(record));
    }
    case 'store:add-tills': {
      const record = state.stores[request.tssId as string];
      if (!record) return fail('E_STORE_NOT_FOUND', 'This laptop keeps no record of this store.');
      const unconfirmed = needConfirmation(state, request.passphrase);
      if (unconfirmed) return unconfirmed;
      const tills = request.tills as ClientPlan[];
      // As fiskaly: a serial already on the TSS (in any case) is refused, and nothing is added.
      const taken = new Set(record.tills.map((till) => till.serialNumber.toLowerCase()));
      const twin = tills.find((till) => taken.has(till.serialNumber.toLowerCase()));
      if (twin) return fail('E_ILLEGAL_CLIENT_SERIAL', `The serial number ${twin.serialNumber} is already used on this TSS.`);
      const overview = overviewOf(request.tssId);
      for (const till of tills) {
        const clientId = randomUUID();
        record.tills.push({ ...till, clientId });
        overview?.clients.push({ id: clientId, serialNumber: till.serialNumber, state: 'REGISTERED' });
      }
      if (overview) overview.registeredClients = overview.clients.filter((client) => client.state === 'REGISTERED').length;
      record.changes.push({ at: today(), what: 'tills-added', detail: tills.map((till) => till.serialNumber).join(', ') });
      return ok(structuredClone(record));
    }
    case 'store:deregister-till': {
      const record = state.stores[request.tssId as string];
      const till = record?.tills.find((candidate) => candidate.clientId === request.clientId);
      if (!record || !till) return fail('E_CLIENT_NOT_FOUND', 'fiskaly does not know this client.');
      till.decommissioning = structuredClone(request.decommissioning as Decommissioning);
      const overview = overviewOf(request.tssId);
      const client = overview?.clients.find((candidate) => candidate.id === request.clientId);
      if (overview && client) {
        client.state = 'DEREGISTERED';
        overview.registeredClients = overview.clients.filter((candidate) => candidate.state === 'REGISTERED').length;
      }
      record.changes.push({ at: today(), what: 'till-deregistered', detail: till.serialNumber });
      return ok(structuredClone(record));
    }
    case 'handover:save': {
      const tssId = request.tssId as string;
      if (!state.stores[tssId]) return fail('E_STORE_NOT_FOUND', 'This laptop keeps no record of this store.');
      state.handoversSaved[tssId] = (state.handoversSaved[tssId] ?? 0) + 1;
      const files: HandoverFiles = {
        pdf: saved(`handover-${tssId}.pdf`),
        json: saved(`handover-${tssId}.json`),
        xml: saved(`handover-${tssId}.xml`),
      };
      return ok(files);
    }
    case 'receipt:get': {
      const runId = request.runId as string;
      const run = state.runs.find((candidate) => candidate.runId === runId);
      if (!run || run.status !== 'done') return fail('E_RECEIPT_NOT_READY', 'This run has no signed test receipt yet.');
      state.receipts[runId] ??= buildReceiptModel(signedTestReceipt({ environment: run.environment }));
      return ok(state.receipts[runId]);
    }
    case 'receipt:verify': {
      const result = checkReceipt(request.qrCodeData as string, { tssSerialNumber: request.tssSerialNumber as string | undefined });
      return ok({ valid: result.valid, checks: result.checks });
    }
    case 'print:printers':
      return ok(state.printers.map((printer) => ({ ...printer })));
    case 'print:receipt':
      return ok({});
    case 'print:pdf': {
      const destination = request.destination as { file?: string; folder?: string } | undefined;
      return ok(destination?.file ? { path: destination.file, bytes: 2048 } : saved('testbeleg.pdf'));
    }
    case 'files:location': {
      const chooser = state.chooser ?? 'in-app';
      const folder = `/home/tech/Documents/TSS Companion${request?.store ? `/${request.store as string}` : ''}`;
      return ok({ folder, chooser, canShowInFolder: chooser === 'native' });
    }
    case 'files:choose':
      return ok({ path: state.dialogAnswer === undefined ? (request.defaultPath as string) : state.dialogAnswer });
    case 'files:list': {
      const path = request.path as string;
      return ok({ path, parent: path.slice(0, path.lastIndexOf('/')) || '/', exists: true, folders: ['Filiale Nord'], files: ['alt.pdf'] });
    }
    case 'files:show':
      return ok({});
    case 'print:escpos':
      return ok({ bytes: 1536 });
    case 'report:handover':
      return ok(saved('uebergabebericht.html'));
    default:
      return undefined;
  }
}

export function progressEvent(run: Pick<RunReport, 'runId' | 'storeName'>, step: ProgressEvent['step'], status: ProgressEvent['status'], overrides: Partial<ProgressEvent> = {}): ProgressEvent {
  return { runId: run.runId, storeName: run.storeName, step, index: 1, total: 12, status, fraction: 0, ...overrides };
}

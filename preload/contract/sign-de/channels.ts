import type { Empty } from '../core/channels';
import type { SavedFile } from '../core/files';
import type { KnownTss } from './known-tss';
import type { MigrationInventory, MigrationRunReport } from './migration';
import type { ReceiptModel, ReceiptVerification } from './receipt';
import type { RunReport } from './runs';
import type { StaleCloseResult, StalePreview } from './stale-transactions';
import type { DuplicateSerial, HandoverFiles, StoreRecord } from './store-record';
import type { ExportProgress, TssOverview } from './tss';

/** SIGN DE's channels: provisioning runs, PUK recovery, the store overview, test receipts and their printing. */
export const signDeChannels = [
  'runs:list',
  'runs:get',
  'provisioning:start',
  'provisioning:resume',
  'provisioning:cancel',
  'provisioning:repair',
  'provisioning:abandon',
  'recovery:list',
  'recovery:reveal',
  'recovery:unblock',
  'tss:overview',
  'tss:set-client-state',
  'tss:stale-preview',
  'tss:close-stale',
  'tss:export',
  'tss:export-status',
  'tss:disable',
  'receipt:get',
  'receipt:verify',
  'print:receipt',
  'print:pdf',
  'print:escpos',
  'report:handover',
  'store:get',
  'store:set-master-data',
  'store:add-tills',
  'store:deregister-till',
  'store:duplicate-serials',
  'handover:save',
  'sandbox:reset',
  'migration:inventory',
  'migration:start',
  'migration:resume',
  'migration:cancel',
  'migration:abandon',
  'migration:list',
  'migration:save-documents',
] as const;

export type SignDeChannel = (typeof signDeChannels)[number];

/** What each SIGN DE channel resolves to when it succeeds. */
export interface SignDeChannelResponses {
  'runs:list': RunReport[];
  'runs:get': RunReport;
  'provisioning:start': { runId: string };
  'provisioning:resume': { runId: string };
  'provisioning:cancel': Empty;
  'provisioning:repair': { runId: string };
  'provisioning:abandon': RunReport;
  'recovery:list': KnownTss[];
  'recovery:reveal': { puk: string };
  'recovery:unblock': Empty;
  'tss:overview': TssOverview;
  'tss:set-client-state': TssOverview;
  'tss:stale-preview': StalePreview;
  'tss:close-stale': StaleCloseResult;
  'tss:export': SavedFile;
  /** The TSS's current or last export as journaled; null when it never had one here. */
  'tss:export-status': ExportProgress | null;
  'tss:disable': TssOverview;
  'receipt:get': ReceiptModel;
  'receipt:verify': ReceiptVerification;
  'print:receipt': Empty;
  'print:pdf': SavedFile;
  'print:escpos': { bytes: number };
  'report:handover': SavedFile;
  'store:get': StoreRecord;
  /** A changed address or taxpayer: notifiable, so a new handover follows. */
  'store:set-master-data': StoreRecord;
  /** Registers more tills on the store's TSS (a journaled run in main) and records them. */
  'store:add-tills': StoreRecord;
  /** Deregisters a till at fiskaly and records its decommissioning. */
  'store:deregister-till': StoreRecord;
  /** Tills of a plan whose serial another store on this laptop already uses: a warning, not a refusal. */
  'store:duplicate-serials': DuplicateSerial[];
  /** Empties the built-in sandbox (every TSS, client, transaction and export in it) while it runs. */
  'sandbox:reset': Empty;
  /** The handover as PDF, JSON and experimental XML, saved together. */
  'handover:save': HandoverFiles;
  /** V1 read only: the organization's V1 TSS, or one of them, with tills, ACTIVE transactions and problems. */
  'migration:inventory': MigrationInventory;
  /** A migration run started in main (prepare only, or through the cut-over when confirmed). */
  'migration:start': { runId: string };
  /** Continues a run: after a crash or a cancel, with the cut-over confirmed, or with confirmed serial fixes. */
  'migration:resume': { runId: string };
  'migration:cancel': Empty;
  'migration:abandon': MigrationRunReport;
  'migration:list': MigrationRunReport[];
  /** The POS mapping (JSON, CSV), the V1 export archive and the handover of the new TSS, into one chosen folder. */
  'migration:save-documents': { mappingJson: SavedFile; mappingCsv: SavedFile; exportArchive: SavedFile; handover: HandoverFiles };
}

/** SIGN DE's reads the first screen (Home's cards) needs, answered together by `app:start` (no payload each). */
export const signDeStartChannels = ['runs:list', 'recovery:list'] as const satisfies readonly SignDeChannel[];

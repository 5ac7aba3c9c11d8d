import type { z } from 'zod';
import type { ReceiptModel } from '../../main/products/sign-de/receipt/receipt-model';
import type { AppInfo } from './core/app-info';
import type { requestSchemas } from './schemas';
import type { Settings } from './core/settings';
import type { StaleCloseResult, StalePreview } from './sign-de/stale-transactions';
import type {
  ExportProgress,
  KnownTss,
  Organization,
  PrinterInfo,
  ReceiptVerification,
  RecoveryImportResult,
  RunReport,
  SavedFile,
  TssOverview,
  VaultState,
} from './workbench';

/** Every request/response channel, `area:verb`. Kept free of zod so the preload bundle stays small. */
export const channels = [
  'app:info',
  'settings:get',
  'settings:set',
  'vault:status',
  'vault:setup',
  'vault:unlock',
  'vault:export-recovery',
  'vault:import-recovery',
  'vault:restore-previous',
  'orgs:list',
  'orgs:save',
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
  'print:printers',
  'print:receipt',
  'print:pdf',
  'print:escpos',
  'report:handover',
] as const;

export type Channel = (typeof channels)[number];

type Empty = Record<string, never>;

/** What each channel resolves to when it succeeds. */
export interface ChannelResponses {
  'app:info': AppInfo;
  'settings:get': Settings;
  'settings:set': Settings;
  'vault:status': VaultState;
  'vault:setup': VaultState;
  'vault:unlock': VaultState;
  'vault:export-recovery': SavedFile;
  'vault:import-recovery': RecoveryImportResult;
  'vault:restore-previous': VaultState;
  'orgs:list': Organization[];
  'orgs:save': Organization;
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
  'print:printers': PrinterInfo[];
  'print:receipt': Empty;
  'print:pdf': SavedFile;
  'print:escpos': { bytes: number };
  'report:handover': SavedFile;
}

export type ChannelRequest<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type ChannelResponse<C extends Channel> = ChannelResponses[C];

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && (channels as readonly string[]).includes(name);

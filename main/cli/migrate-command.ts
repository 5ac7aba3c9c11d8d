import type { EnvironmentId } from '../../preload/contract/core/settings';
import { MigrationPlan, type MigrationRunReport, type SerialFix } from '../../preload/contract/sign-de/migration';
import type { FiskalyClient } from '../products/sign-de/api/client';
import { v1UrlBeside } from '../products/sign-de/api-v1/base-url';
import { FiskalyV1Client } from '../products/sign-de/api-v1/client';
import type { tssInventory } from '../products/sign-de/migration/inventory';
import { readTssInventory } from '../products/sign-de/migration/read-inventory';
import { migrationRuns } from '../products/sign-de/migration/migration-flow';
import { type MigrationDeps, prepareMigration, resumeMigration } from '../products/sign-de/migration/migration-orchestrator';
import { printable } from './arguments';
import type { CommandIo } from './command-io';
import { SANDBOX_CREDENTIALS, MISSING_CREDENTIALS, checkBaseUrl, credentialsFromEnv } from './connection';
import { UsageError } from './exit-codes';
import { RunFailure } from './failure-output';
import { idOf } from './ids';
import { askLine, hasTerminal } from './migrate-confirm';
import { openVault } from './vault-access';

export interface MigrateValues {
  sandbox?: boolean;
  'base-url-v1'?: string;
  'base-url-v2'?: string;
  live?: boolean;
  tss?: string;
  store?: string;
  'prepare-only'?: boolean;
  resume?: string;
  json?: boolean;
  yes?: boolean;
  'confirm-live'?: string;
}

interface Where {
  environment: EnvironmentId;
  v2: FiskalyClient;
  v1: FiskalyV1Client;
  baseUrlV1: string;
  baseUrlV2: string;
}

/**
 * `tss-companion migrate`: moves one V1 TSS's store to a new V2 TSS (inventory, prepare V2, cut-over,
 * decommission V1), or continues such a run. Every question (serial fixes, the cut-over) is asked before
 * the first change; without a terminal `--yes` answers them, else the command stops naming the flag.
 */
export async function migrateCommand(parsed: Record<string, unknown>, io: CommandIo): Promise<number> {
  const values = parsed as MigrateValues;
  checkCombination(values);
  const resumeId = values.resume === undefined ? undefined : idOf(values.resume)!;
  const { vault, signDe } = io.services();
  const where = await connect(values, signDe.connections, io.env);
  try {
    const existing = resumeId ? (await migrationRuns.load(io.dataDir, resumeId).catch(() => null))?.data : undefined;
    if (resumeId && !existing) throw new UsageError(`--resume ${resumeId}: no such migration run in ${io.dataDir} (is --data-dir right?)`);
    if (existing && existing.plan.environment !== where.environment) {
      throw new UsageError(`Run ${resumeId} migrates a ${existing.plan.environment} store; give the same place (${existing.plan.environment === 'sandbox' ? '--sandbox' : '--base-url-v1 and --base-url-v2'}) to resume it.`);
    }
    const v1TssId = existing?.plan.v1TssId ?? (await chooseV1Tss(values, where.v1));
    let serialFixes: SerialFix[] | undefined;
    let storeName = existing?.plan.storeName;
    if (!existing?.done.includes('v1-read')) {
      // Read only: what the technician confirms before anything changes.
      const inventory = await readTssInventory(where.v1, v1TssId);
      storeName ??= values.store ?? inventory.tss.description ?? `V1 TSS ${v1TssId.slice(0, 8)}`;
      serialFixes = await confirmSerialFixes(inventory.problems, values, io);
    }
    const confirmCutOver = values['prepare-only'] ? false : await confirmCutOverOf(storeName!, where.environment, values, existing?.cutOverConfirmedAt, io);
    const opened = (await openVault(vault, io.env)).vault;
    const runId =
      resumeId ??
      (await prepareMigration(
        MigrationPlan.parse({ v1TssId, storeName, environment: where.environment, baseUrlV1: where.baseUrlV1, baseUrlV2: where.baseUrlV2, serialFixes: serialFixes ?? [] }),
        io.dataDir,
      ));
    const deps: MigrationDeps = {
      dataDir: io.dataDir,
      vault: opened,
      v1: () => where.v1,
      v2: () => where.v2,
      signal: io.signal,
      onProgress: (event) => {
        if (event.status === 'done' || event.status === 'failed') io.err(printable(`${event.index}/${event.total} ${event.step}: ${event.status}`));
      },
    };
    const running = io.running ?? ((work) => work());
    let report: MigrationRunReport;
    try {
      report = await running(() => resumeMigration(runId, deps, { confirmCutOver, ...(serialFixes && resumeId ? { serialFixes } : {}) }));
    } catch (error) {
      // A till still signing on V1 is switched first; the resume then confirms the cut-over anew.
      const again = (error as { code?: string }).code === 'E_V1_STILL_SIGNING' ? ' --yes' : '';
      throw new RunFailure(error, { runId, resume: `${resumeLine(runId, storeName!, values, io)}${again}` });
    }
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else printSummary(report, io);
    return 0;
  } finally {
    await where.v1.close();
  }
}

function checkCombination(values: MigrateValues): void {
  const urls = values['base-url-v1'] !== undefined || values['base-url-v2'] !== undefined;
  if (Boolean(values.sandbox) === urls) throw new UsageError('Say where to migrate: --sandbox, or --base-url-v1 URL with --base-url-v2 URL.');
  if (urls && (values['base-url-v1'] === undefined || values['base-url-v2'] === undefined)) throw new UsageError('Give both --base-url-v1 and --base-url-v2.');
  if (values.live && values.sandbox) throw new UsageError('--live goes with --base-url-v1/--base-url-v2, not --sandbox.');
  if (values.resume !== undefined) {
    if (!idOf(values.resume)) throw new UsageError(`--resume takes a run id (a UUID), not "${values.resume}"`);
    if (values.tss !== undefined || values.store !== undefined) throw new UsageError('--resume continues a run as it was planned: leave out --tss and --store.');
  }
  if (values['prepare-only'] && values.resume !== undefined) throw new UsageError('Give either --prepare-only (a new run up to V2 ready) or --resume RUN_ID, not both.');
  if (values.tss !== undefined && !idOf(values.tss)) throw new UsageError(`--tss takes the V1 TSS id (a UUID), not "${values.tss}"`);
}

async function connect(values: MigrateValues, connections: ReturnType<CommandIo['services']>['signDe']['connections'], env: NodeJS.ProcessEnv): Promise<Where> {
  const credentials = credentialsFromEnv(env);
  if (values.sandbox) {
    const v2 = await connections.clientAt('sandbox', credentials ?? undefined);
    const baseUrlV2 = await connections.sandboxUrl();
    const baseUrlV1 = v1UrlBeside(baseUrlV2);
    return { environment: 'sandbox', v2, baseUrlV2, baseUrlV1, v1: new FiskalyV1Client({ baseUrl: baseUrlV1, credentials: credentials ?? SANDBOX_CREDENTIALS, direct: true }) };
  }
  if (!credentials) throw new UsageError(MISSING_CREDENTIALS);
  const baseUrlV1 = values['base-url-v1']!;
  const baseUrlV2 = values['base-url-v2']!;
  checkBaseUrl(baseUrlV1, 'https://kassensichv.io/api/v1');
  checkBaseUrl(baseUrlV2, 'https://kassensichv-middleware.fiskaly.com/api/v2');
  const v2 = await connections.clientAt({ baseUrl: baseUrlV2 }, credentials);
  return { environment: values.live ? 'live' : 'test', v2, baseUrlV1, baseUrlV2, v1: new FiskalyV1Client({ baseUrl: baseUrlV1, credentials }) };
}

/** `--tss`, else the one V1 TSS still in use; several → the command lists them and asks for --tss. */
async function chooseV1Tss(values: MigrateValues, v1: FiskalyV1Client): Promise<string> {
  if (values.tss) return values.tss;
  const inUse = (await v1.listTss()).filter((tss) => tss.state === 'INITIALIZED');
  if (inUse.length === 1) return inUse[0]!.id;
  if (inUse.length === 0) throw new UsageError('This key has no V1 TSS in use (INITIALIZED): nothing to migrate.');
  throw new UsageError(`This key has ${inUse.length} V1 TSS in use; name one with --tss: ${inUse.map((t) => `${t.id}${t.description ? ` (${t.description})` : ''}`).join(', ')}`);
}

type Problems = ReturnType<typeof tssInventory>['problems'];

/** The suggested fix of every serial V2 would refuse: accepted with --yes or on the terminal, else the command stops. */
async function confirmSerialFixes(problems: Problems, values: MigrateValues, io: CommandIo): Promise<SerialFix[]> {
  const fixes = problems.flatMap((p) => (p.code === 'serial-invalid' || p.code === 'serial-twin' ? [{ v1ClientId: p.v1ClientId, from: p.serialNumber, to: p.suggestedSerial }] : []));
  if (fixes.length === 0 || values.yes) return fixes;
  for (const fix of fixes) io.err(printable(`till ${fix.from}: not allowed on V2; suggested ${fix.to} (ELSTER then sees a changed serial)`));
  const answer = await askLine('Accept the suggested serial numbers? Type yes: ', '--yes (accepts the suggested serial fixes)', io.stdin as NodeJS.ReadableStream & { isTTY?: boolean });
  if (answer.toLowerCase() !== 'yes') throw new UsageError('The serial fixes were not accepted; nothing was changed.');
  return fixes;
}

/** The cut-over writes to V1 and ends with its disable: confirmed by --yes or the typed store name; LIVE needs --confirm-live NAME too. */
async function confirmCutOverOf(storeName: string, environment: EnvironmentId, values: MigrateValues, confirmedAt: string | undefined, io: CommandIo): Promise<boolean> {
  if (environment === 'live' && values['confirm-live'] !== storeName) {
    throw new UsageError(`Migrating in fiskaly LIVE disables the V1 TSS for good: add --confirm-live "${storeName}" (the store's name), or --prepare-only.`);
  }
  if (values.yes) return true;
  // Confirmed when the run began its cut-over: it stays confirmed.
  if (confirmedAt) return false;
  if (!hasTerminal(io.stdin as { isTTY?: boolean } | undefined)) {
    throw new UsageError('The cut-over closes V1’s open transactions and then disables V1 for good: add --yes to confirm it, or --prepare-only to only set V2 up. Nothing was changed.');
  }
  const answer = await askLine(`Type the store name (${storeName}) to confirm the cut-over and the disable of V1: `, '--yes', io.stdin as NodeJS.ReadableStream & { isTTY?: boolean });
  if (answer !== storeName) throw new UsageError('The store name was not typed; nothing was changed. Use --prepare-only to only set V2 up.');
  return true;
}

function resumeLine(runId: string, storeName: string, values: MigrateValues, io: CommandIo): string {
  const live = values.live ? ` --live --confirm-live ${JSON.stringify(storeName)}` : '';
  const where = values.sandbox ? '--sandbox' : `--base-url-v1 ${values['base-url-v1']} --base-url-v2 ${values['base-url-v2']}${live}`;
  const dataDir = io.dataDirGiven ? ` --data-dir ${JSON.stringify(io.dataDir)}` : '';
  return `tss-companion migrate ${where} --resume ${runId}${dataDir}`;
}

function printSummary(report: MigrationRunReport, io: CommandIo): void {
  io.out(printable(`${report.storeName}: ${report.status} (${report.phase}); V1 TSS ${report.v1.tssId}${report.v1.disabledAt ? ` disabled ${report.v1.disabledAt}` : ''}; V2 TSS ${report.v2.tssId}`));
  for (const till of report.mapping?.tills ?? []) io.out(printable(`  ${till.serialNumber}  V1 ${till.v1ClientId} → V2 ${till.v2ClientId}`));
  if (report.export) io.out(printable(`  V1 export ${report.export.file} sha256 ${report.export.sha256}`));
  io.out(`run ${report.runId}`);
}

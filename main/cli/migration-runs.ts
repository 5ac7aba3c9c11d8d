import type { MigrationRunReport } from '../../preload/contract/sign-de/migration';
import { printable } from './arguments';
import type { CommandIo } from './command-io';

/** A migration still to go on: stopped, or prepared and waiting for the cut-over (V1 untouched). */
const open = (run: MigrationRunReport) => run.status !== 'abandoned' && !(run.status === 'done' && run.done.includes('store-record'));

/** The migrate line that continues a run; its addresses as placeholders where the listing cannot know them. */
export function migrationNext(run: MigrationRunReport, io: Pick<CommandIo, 'dataDir' | 'dataDirGiven'>): string {
  const where = run.environment === 'sandbox' ? '--sandbox' : `--base-url-v1 URL --base-url-v2 URL${run.environment === 'live' ? ` --live --confirm-live ${JSON.stringify(run.storeName)}` : ''}`;
  const dataDir = io.dataDirGiven ? ` --data-dir ${JSON.stringify(io.dataDir)}` : '';
  // A prepared run goes on only with the cut-over confirmed.
  const confirm = run.status === 'done' ? ' --yes' : '';
  return `tss-companion migrate ${where} --resume ${run.runId}${dataDir}${confirm}`;
}

/** What `tss-companion runs` shows of a migration: where it stands, and the line that continues it. */
export function migrationRunRows(runs: readonly MigrationRunReport[]): string[][] {
  return runs.map((run) => [
    run.runId,
    run.status === 'done' && open(run) ? 'prepared' : run.status,
    run.environment,
    run.storeName,
    run.error && open(run) ? `${run.error.step}: ${run.error.message}` : open(run) ? run.phase : '',
  ]);
}

export function migrationJson(run: MigrationRunReport, io: Pick<CommandIo, 'dataDir' | 'dataDirGiven'>) {
  return { kind: 'migration', runId: run.runId, status: run.status, environment: run.environment, storeName: run.storeName, phase: run.phase, error: run.error, next: open(run) ? migrationNext(run, io) : null };
}

/** The migration section of `tss-companion runs` (runs as orderedMigrations gives them), each open one with its next line. */
export function migrationLines(ordered: readonly MigrationRunReport[], io: Pick<CommandIo, 'dataDir' | 'dataDirGiven'>, table: (header: string[], rows: string[][]) => string[]): string[] {
  if (ordered.length === 0) return [];
  const lines = ['', 'Migrations from SIGN DE V1:', ...table(['RUN ID', 'STATUS', 'ENV', 'STORE', 'STOPPED AT'], migrationRunRows(ordered))];
  const next = ordered.filter(open);
  if (next.length > 0) lines.push('');
  for (const run of next) lines.push(`${run.storeName}, next: ${migrationNext(run, io)}`);
  return lines.map(printable);
}

/** Open ones first (newest first within each). */
export const orderedMigrations = (runs: readonly MigrationRunReport[]) => [...runs.filter(open), ...runs.filter((r) => !open(r))];

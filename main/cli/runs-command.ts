import type { NextAction } from '../../preload/contract/sign-de/runs';
import type { RunReport } from '../products/sign-de/provisioning/orchestrator';
import { ProvisioningError } from '../products/sign-de/provisioning/provisioning-error';
import { printable } from './arguments';
import { migrationJson, migrationLines, orderedMigrations } from './migration-runs';
import { parseClientConcurrency } from './client-concurrency';
import { connectWithFlags } from './connection';
import { describeFailure } from './error-report';
import { EXIT, UsageError } from './exit-codes';
import { idOf } from './ids';
import { failureJson, forRun } from './failure-output';
import { refuseOtherEnvironment, resumeCommand, wayOutCommand } from './resume-command';
import type { CommandIo } from './command-io';
import { progressLines, summaryLine } from './run-lines';
import { openVault } from './vault-access';

interface ResumeValues {
  sandbox?: boolean;
  'base-url'?: string;
  live?: boolean;
  repair?: boolean;
  json?: boolean;
  'client-concurrency'?: string;
}

/** The run a RUN_ID names on this laptop, or a usage error saying where the runs are listed. */
async function runOf(target: string, io: CommandIo): Promise<RunReport> {
  const runId = idOf(target);
  if (!runId) throw new UsageError(`"${target}" is not a run id; \`tss-companion runs\` lists them.`);
  return io.services().signDe.runs.get(runId).catch(() => {
    throw new UsageError(`There is no run ${runId} in ${io.dataDir}; \`tss-companion runs\` lists them.`);
  });
}

/** `tss-companion runs abandon RUN_ID`: gives one up (nothing is deleted). */
export async function abandonRunCommand(target: string, io: CommandIo): Promise<number> {
  const run = await runOf(target, io);
  const report = await io.services().signDe.runs.abandon(run.runId);
  io.out(printable(`${report.storeName}: abandoned. Nothing was deleted: the journal stays, the PIN and PUK stay in the vault${report.tssSerialNumber ? `, and TSS ${report.tssId} stays at fiskaly (see it in the store overview)` : ''}.`));
  return EXIT.ok;
}

/** `tss-companion runs resume RUN_ID`: continues one (after comparing with the server; `--repair` also for a done run). */
export async function resumeRunCommand(target: string, parsed: Record<string, unknown>, io: CommandIo): Promise<number> {
  const values = parsed as ResumeValues;
  const run = await runOf(target, io);
  const runId = run.runId;
  const { vault, signDe } = io.services();
  const clientConcurrency = parseClientConcurrency(values['client-concurrency']);
  const exact = { runId, environment: run.environment, baseUrl: values['base-url'], dataDir: io.dataDirGiven ? io.dataDir : undefined, tssId: run.tssId || undefined };
  // Known from here on: whatever stops the command before the run goes on still names it and its resume line.
  const wayBack = { runId, resume: resumeCommand(exact) };
  const connection = await forRun(wayBack, async () => {
    const connected = await connectWithFlags(values, signDe.connections, io.env);
    refuseOtherEnvironment(run, connected.environment);
    await openVault(vault, io.env);
    return connected;
  });
  const drive = { client: connection.client, signal: io.signal, clientConcurrency, onProgress: progressLines(io.err) };
  const resume = () => signDe.foregroundRuns.resume(runId, drive, { repair: Boolean(values.repair) });
  // A failure the run has no way out for (the journal busy in another process, the disk) still names the run.
  const report = await forRun(wayBack, () =>
    (io.running ? io.running(resume) : resume()).catch((error: unknown) => {
      if (!(error instanceof ProvisioningError) && (error as { code?: string }).code !== 'E_RUN_CANCELLED') throw error;
      return error as ProvisioningError;
    }),
  );
  if (report instanceof Error) {
    const way = wayOutCommand(report.next, exact);
    io.err(printable(`${report.code === 'E_RUN_CANCELLED' ? 'stopped' : 'failed'}: ${report.message}`));
    io.err(printable(`next: ${way}`));
    const failure = describeFailure(report);
    if (values.json) io.out(JSON.stringify(failureJson(failure, { runId, resume: way }), null, 2));
    return failure.exit;
  }
  const repaired = (await signDe.runs.get(runId)).repairs ?? [];
  for (const r of repaired.slice(-10)) io.err(`repaired: ${r.what}`);
  if (values.json) io.out(JSON.stringify({ runId, storeName: report.storeName, status: report.status, tssId: report.tssId, clients: report.clients }, null, 2));
  else io.out(summaryLine(report));
  return EXIT.ok;
}

/** A run's way out as the listing prints it: its connection as a placeholder, the data folder as given. */
const wayOut = (next: NextAction, run: Pick<RunReport, 'runId' | 'tssId' | 'environment'>, io: CommandIo) =>
  wayOutCommand(next, { runId: run.runId, environment: run.environment, tssId: run.tssId || undefined, dataDir: io.dataDirGiven ? io.dataDir : undefined });

/** `tss-companion runs`: the provisioning runs on this laptop as a table, unfinished ones first, each with its way out; then the migrations. */
export async function listRunsCommand(parsed: Record<string, unknown>, io: CommandIo): Promise<number> {
  const runs = await io.services().signDe.runs.list();
  const migrations = orderedMigrations(await io.services().signDe.migrations.list());
  const finished = (r: RunReport) => r.status === 'done' || r.status === 'abandoned';
  const ordered = [...runs.filter((r) => !finished(r)), ...runs.filter(finished)];
  const nextOf = (run: RunReport) => (finished(run) ? null : wayOut(run.error?.next ?? 'resume', run, io));
  if (parsed.json) {
    const provisioning = ordered.map((r) => ({ runId: r.runId, status: r.status, environment: r.environment, storeName: r.storeName, tssId: r.tssId, error: r.error, next: nextOf(r) }));
    io.out(JSON.stringify([...provisioning, ...migrations.map((r) => migrationJson(r, io))], null, 2));
    return EXIT.ok;
  }
  if (runs.length === 0) {
    io.out('No provisioning runs on this laptop yet.');
    for (const line of migrationLines(migrations, io, table)) io.out(line);
    return EXIT.ok;
  }
  const rows = ordered.map((run) => [run.runId, run.status, run.environment, run.storeName, run.error && !finished(run) ? `${run.error.step}: ${run.error.message}` : '']);
  for (const line of table(['RUN ID', 'STATUS', 'ENV', 'STORE', 'STOPPED AT'], rows)) io.out(printable(line));
  const open = ordered.filter((run) => !finished(run));
  if (open.length > 0) io.out('');
  for (const run of open) {
    const next = run.error?.next ?? 'resume';
    io.out(printable(`${run.storeName}, next: ${nextOf(run)}${next === 'abandon' ? '' : `  (or: ${wayOut('abandon', run, io)})`}`));
  }
  for (const line of migrationLines(migrations, io, table)) io.out(line);
  return EXIT.ok;
}

/** Columns padded to their widest cell; the last column is not padded. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

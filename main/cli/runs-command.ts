import { parseArgs } from 'node:util';
import type { RunReport } from '../products/sign-de/provisioning/orchestrator';
import { ProvisioningError } from '../products/sign-de/provisioning/provisioning-error';
import { parseClientConcurrency, printable } from './arguments';
import { CONNECTION_OPTIONS, connectWithFlags } from './connection';
import { EXIT, UsageError } from './exit-codes';
import type { CommandIo } from './provision-command';
import { progressLines, summaryLine } from './run-lines';
import { openVault } from './vault-access';

export const RUNS_USAGE =
  'usage: tss-companion runs [--json] | runs resume RUN_ID (--sandbox | --base-url URL [--live]) [--repair] [--client-concurrency N] | runs abandon RUN_ID';

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the technician can do about a run, in the words of this CLI. */
const WAY_OUT: Record<NonNullable<RunReport['error']>['next'] & string, string> = {
  resume: 'tss-companion runs resume {id} {where}',
  repair: 'tss-companion runs resume {id} {where} --repair',
  'puk-recovery': 'tss-companion recover unblock {tss} {where}, then tss-companion runs resume {id} {where}',
  abandon: 'tss-companion runs abandon {id}',
};

/** The connection flags a run of this environment is resumed with. */
const WHERE: Record<string, string> = { sandbox: '--sandbox', test: '--base-url URL', live: '--base-url URL --live' };

/**
 * `tss-companion runs`: the provisioning runs on this laptop, unfinished ones first, each with its way
 * out; `runs resume RUN_ID` continues one (after comparing with the server; `--repair` also for a done run),
 * `runs abandon RUN_ID` gives one up (nothing is deleted).
 */
export async function runsCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' },
      ...CONNECTION_OPTIONS,
      repair: { type: 'boolean' },
      'client-concurrency': { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  const [action, target] = positionals;
  if (!action) return listRuns(io, Boolean(values.json));
  if ((action !== 'resume' && action !== 'abandon') || !target || positionals.length > 2) throw new UsageError(RUNS_USAGE);
  if (!RUN_ID.test(target)) throw new UsageError(`"${target}" is not a run id; \`tss-companion runs\` lists them.`);
  const runId = target.toLowerCase();
  const { vault, signDe } = io.services();
  const run = await signDe.runs.get(runId).catch(() => {
    throw new UsageError(`There is no run ${runId} in ${io.dataDir}; \`tss-companion runs\` lists them.`);
  });
  if (action === 'abandon') {
    const report = await signDe.runs.abandon(runId);
    io.out(printable(`${report.storeName}: abandoned. Nothing was deleted: the journal stays, the PIN and PUK stay in the vault${report.tssSerialNumber ? `, and TSS ${report.tssId} stays at fiskaly (see it in the store overview)` : ''}.`));
    return EXIT.ok;
  }
  const clientConcurrency = parseClientConcurrency(values['client-concurrency']);
  const connection = await connectWithFlags(values, signDe.connections, io.env);
  if (connection.environment !== run.environment) {
    throw new UsageError(`Run ${runId} is for ${run.environment}, not ${connection.environment}: ${connectHint(run.environment)}.`);
  }
  await openVault(vault, io.env);
  const drive = { client: connection.client, signal: io.signal, clientConcurrency, onProgress: progressLines(io.err) };
  const report = await signDe.foregroundRuns.resume(runId, drive, { repair: Boolean(values.repair) }).catch((error: unknown) => {
    if (!(error instanceof ProvisioningError) && (error as { code?: string }).code !== 'E_RUN_CANCELLED') throw error;
    return error as ProvisioningError;
  });
  if (report instanceof Error) {
    io.err(printable(`failed: ${report.message}`));
    io.err(`next: ${wayOut(report.next ?? 'resume', run)}`);
    return report.code === 'E_RUN_CANCELLED' ? EXIT.cancelled : report.next === 'puk-recovery' ? EXIT.pinBlocked : EXIT.failed;
  }
  const repaired = (await signDe.runs.get(runId)).repairs ?? [];
  for (const r of repaired.slice(-10)) io.err(`repaired: ${r.what}`);
  io.out(summaryLine(report));
  return EXIT.ok;
}

const connectHint = (environment: string) =>
  environment === 'sandbox' ? 'add --sandbox' : environment === 'live' ? 'add --base-url URL --live with the LIVE key' : 'add --base-url URL with the TEST key';

const wayOut = (next: keyof typeof WAY_OUT, run: Pick<RunReport, 'runId' | 'tssId' | 'environment'>) =>
  WAY_OUT[next].replaceAll('{id}', run.runId).replaceAll('{tss}', run.tssId).replaceAll('{where}', WHERE[run.environment] ?? '--base-url URL');

async function listRuns(io: CommandIo, json: boolean): Promise<number> {
  const runs = await io.services().signDe.runs.list();
  const finished = (r: RunReport) => r.status === 'done' || r.status === 'abandoned';
  const ordered = [...runs.filter((r) => !finished(r)), ...runs.filter(finished)];
  if (json) {
    io.out(JSON.stringify(ordered.map((r) => ({ runId: r.runId, status: r.status, environment: r.environment, storeName: r.storeName, tssId: r.tssId, error: r.error })), null, 2));
    return EXIT.ok;
  }
  if (runs.length === 0) io.out('No provisioning runs on this laptop yet.');
  for (const run of ordered) {
    const where = run.error && !finished(run) ? ` at ${run.error.step}: ${run.error.message}` : '';
    io.out(printable(`${run.runId}  ${run.status.padEnd(9)}  ${run.environment.padEnd(7)}  ${run.storeName}${where}`));
    if (!finished(run)) {
      const next = run.error?.next ?? 'resume';
      io.out(`    next: ${wayOut(next, run)}${next === 'abandon' ? '' : `  (or: ${wayOut('abandon', run)})`}`);
    }
  }
  return EXIT.ok;
}

import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorePlan } from '../../preload/contract/sign-de/store-plan';
import { journalDir } from '../products/sign-de/provisioning/journal';
import { describeDuplicate, duplicateSerials, knownSerials } from '../products/sign-de/provisioning/serials';
import type { NextAction, RunReport } from '../../preload/contract/sign-de/runs';
import type { ForegroundDrive } from '../products/sign-de/provisioning/foreground-runs';
import { VaultError } from '../vault';
import { printable } from './arguments';
import { parseClientConcurrency } from './client-concurrency';
import { connectWithFlags } from './connection';
import { describeFailure } from './error-report';
import type { CommandIo } from './command-io';
import { EXIT, UsageError } from './exit-codes';
import { idOf } from './ids';
import { type FailureJson, type RunWayBack, failureJson, forRun } from './failure-output';
import { loadPlanFile, loadPlanStream } from './plan-file';
import { refuseOtherEnvironment, resumeCommand, wayOutCommand } from './resume-command';
import { progressLines, summaryLine } from './run-lines';
import { type StoreFlags, storeDetailFlagsGiven, storePlanFromFlags } from './store-flags';
import { openVault } from './vault-access';

export type ProvisionValues = StoreFlags & {
  sandbox?: boolean;
  'base-url'?: string;
  live?: boolean;
  'confirm-live'?: string;
  plan?: string;
  resume?: string;
  json?: boolean;
  'client-concurrency'?: string;
};

/** A store that did not finish, as --json lists it beside the finished ones. */
interface FailedStore {
  storeName: string;
  status: 'failed' | 'stopped';
  runId?: string;
  error: FailureJson['error'];
}

/** `tss-companion provision`: one store or a plan file of many (`--plan -`: from stdin), or `--resume RUN_ID`. */
export async function provisionCommand(parsed: Record<string, unknown>, io: CommandIo): Promise<number> {
  const values = parsed as ProvisionValues;
  checkCombination(values);
  const resumeId = values.resume === undefined ? undefined : idOf(values.resume)!;
  if (values.live && values['confirm-live'] !== 'LIVE') {
    throw new UsageError('Provisioning in fiskaly LIVE creates real, billable TSS: add --confirm-live LIVE to go ahead.');
  }
  // The plan is read (and refused) before anything starts or connects.
  const environment: StorePlan['environment'] = values.sandbox ? 'sandbox' : values.live ? 'live' : 'test';
  const clientConcurrency = parseClientConcurrency(values['client-concurrency']);
  if (resumeId) await requireRun(io.dataDir, resumeId);
  const plans = resumeId ? [] : await readPlans(values, environment, io);
  await warnDuplicateSerials(plans, io);
  const { vault, signDe } = io.services();
  // A --resume names its run: whatever stops the command before the run goes on (connection, environment,
  // vault) still says which run and the line that continues it, on stderr and in --json.
  const toResume = resumeId ? await signDe.runs.get(resumeId) : null;
  const ready = async () => {
    const connected = await connectWithFlags(values, signDe.connections, io.env);
    if (toResume) refuseOtherEnvironment(toResume, connected.environment);
    await openVault(vault, io.env);
    return connected;
  };
  const connection = toResume ? await forRun(wayBackOf(toResume, values, io), ready) : await ready();
  const reports: RunReport[] = [];
  const failed: FailedStore[] = [];
  let exit: number = EXIT.ok;
  let stopAll = false;
  // One store's failure is reported and the next store still runs; bad input and the vault stop all.
  const attempt = async (label: string, run: (drive: ForegroundDrive) => Promise<RunReport>, knownRunId?: string) => {
    // The run's id comes with its first progress event: a failure can then name the run to resume.
    let runId = knownRunId;
    const printProgress = progressLines(io.err);
    const drive: ForegroundDrive = {
      client: connection.client,
      signal: io.signal,
      clientConcurrency,
      onProgress: (event) => {
        runId = event.runId;
        printProgress(event);
      },
    };
    try {
      reports.push(await run(drive));
    } catch (error) {
      const fatal = error instanceof UsageError || error instanceof VaultError;
      // Nothing ran yet: the command's failure as any other. Else it joins the stores' array, its run named.
      if (fatal && !runId && reports.length === 0 && failed.length === 0) throw error;
      stopAll ||= fatal;
      const failure = describeFailure(error);
      const { step, next } = error as { step?: string; next?: NextAction };
      const tssId = runId ? (await signDe.runs.get(runId).catch(() => null))?.tssId || undefined : undefined;
      const target = { environment, baseUrl: values['base-url'], dataDir: io.dataDirGiven ? io.dataDir : undefined, tssId };
      const resume = runId ? wayOutCommand(next, { runId, ...target }) : undefined;
      const stopped = failure.exit === EXIT.cancelled;
      io.err(printable(`${label}: ${stopped ? `stopped${step ? ` before "${step}"` : ''}; nothing is lost` : `failed: ${failure.message}`}`));
      if (resume) io.err(printable(`${label}: ${next && next !== 'resume' ? 'the way out' : 'to continue where it stopped'}: ${resume}`));
      failed.push({ storeName: label, status: stopped ? 'stopped' : 'failed', ...(runId ? { runId } : {}), error: failureJson(failure, runId && resume ? { runId, resume } : undefined).error });
      if (exit === EXIT.ok || stopped || fatal) exit = failure.exit;
    }
  };
  // Runs executing: the first Ctrl+C stops the current one after its step, and no further store starts.
  const running = io.running ?? ((work) => work());
  await running(async () => {
    if (resumeId) await attempt(`run ${resumeId}`, (drive) => signDe.foregroundRuns.resume(resumeId, drive), resumeId);
    for (const plan of plans) {
      if (io.signal?.aborted || stopAll) break;
      await attempt(plan.storeName, (drive) => signDe.foregroundRuns.start(plan, drive));
    }
  });
  const publicReports = reports.map(({ runId, storeName, environment, status, tssId, tssSerialNumber, bsiCertificationId, clients, receipt }) => ({
    runId,
    storeName,
    environment,
    status,
    tssId,
    tssSerialNumber,
    bsiCertificationId,
    clients,
    receipt: receipt && { number: receipt.number, qrCodeData: receipt.qrCodeData, valid: receipt.valid, checks: receipt.checks },
  }));
  if (values.json) io.out(JSON.stringify([...publicReports, ...failed], null, 2));
  else for (const r of publicReports) {
    io.out(summaryLine(r));
  }
  return exit;
}

/** Options that only make sense together, so none is silently ignored. */
function checkCombination(values: StoreFlags & { plan?: string; resume?: string; sandbox?: boolean }): void {
  const tills = values.client !== undefined ? '--client' : values.clients !== undefined ? '--clients' : undefined;
  const details = storeDetailFlagsGiven(values);
  if (values.resume !== undefined) {
    if (values.plan !== undefined || tills || details.length > 0) {
      throw new UsageError('--resume continues one run as it was planned: leave out --plan, --client, --clients and the master data');
    }
    if (!idOf(values.resume)) throw new UsageError(`--resume takes a run id (a UUID) as \`tss-companion runs\` lists it, not "${values.resume}"`);
    return;
  }
  if (values.clients !== undefined && !values.sandbox) {
    throw new UsageError('--clients N invents till serial numbers, which only --sandbox may do: give each till\'s serial with --client SERIAL (repeatable) or a plan file.');
  }
  if (values.client !== undefined && values.clients !== undefined) throw new UsageError('Give the tills either as --client SERIAL … or (sandbox) as --clients N, not both.');
  if (values.plan !== undefined && values.store !== undefined) throw new UsageError('--store names the store of --client / --clients N; a plan file names its own stores (storeName / store)');
  if (values.plan !== undefined && tills) throw new UsageError(`${tills} gives the tills of the one store on the command line; a plan file lists its own (clients / client_serial)`);
  if (values.plan !== undefined && values['no-receipt']) throw new UsageError('--no-receipt goes with --client / --clients N; in a plan file set testReceipt (JSON) or test_receipt (CSV) to no');
  if (values.plan !== undefined && details.length > 0) throw new UsageError(`${details[0]} goes with --client; a plan file carries the master data and till details itself (masterData / its columns)`);
}

/** The run's id and the exact line that continues it, in the run's own environment. */
function wayBackOf(run: RunReport, values: ProvisionValues, io: CommandIo): RunWayBack {
  const target = { runId: run.runId, environment: run.environment, baseUrl: values['base-url'], dataDir: io.dataDirGiven ? io.dataDir : undefined, tssId: run.tssId || undefined };
  return { runId: run.runId, resume: resumeCommand(target) };
}

async function requireRun(dataDir: string, runId: string): Promise<void> {
  await access(join(journalDir(dataDir), `${runId}.json`)).catch(() => {
    throw new UsageError(`--resume ${runId}: no such provisioning run in ${dataDir}; \`tss-companion runs\` lists the runs there (is --data-dir right?)`);
  });
}

async function readPlans(values: StoreFlags & { plan?: string }, environment: StorePlan['environment'], io: CommandIo): Promise<StorePlan[]> {
  const tills = values.client !== undefined || values.clients !== undefined;
  if (Boolean(values.plan) === tills) throw new UsageError('Give either the tills (--client SERIAL …, or in the sandbox --clients N) or --plan FILE.');
  if (values.plan === '-') {
    const stdin = io.stdin ?? process.stdin;
    if ((stdin as { isTTY?: boolean }).isTTY) throw new UsageError('--plan - reads the plan from stdin: pipe it in, e.g. tss-companion provision --sandbox --plan - < stores.csv');
    return loadPlanStream(stdin, environment);
  }
  if (values.plan) return loadPlanFile(values.plan, environment);
  return [storePlanFromFlags(values, environment)];
}

/** A till serial another store on this laptop (or an earlier store of this plan) already has: warned about, not refused. */
async function warnDuplicateSerials(plans: StorePlan[], io: CommandIo): Promise<void> {
  if (plans.length === 0) return;
  const known = await knownSerials(io.dataDir);
  for (const plan of plans) {
    for (const duplicate of duplicateSerials(plan, known)) io.err(printable(`${plan.storeName}: warning: ${describeDuplicate(duplicate)}`));
    for (const client of plan.clients) {
      const key = client.serialNumber.toLowerCase();
      known.set(key, [...(known.get(key) ?? []), { serialNumber: client.serialNumber, storeName: plan.storeName, runId: '', environment: plan.environment }]);
    }
  }
}

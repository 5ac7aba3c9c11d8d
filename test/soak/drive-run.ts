import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCK_STALE_MS } from '../../main/core/durable/file-lock';
import { type CliResult, type ProvisionReport, type RunListing, type Target, parseProvisionJson, parseRunsListing, runCli } from './cli-process';
import { type RunPlan, serialsOf } from './run-plan';
import { MASTER_DATA_FLAGS } from '../support/master-data';

export interface DriveContext {
  dataDir: string;
  /** The runs in this data folder, read no earlier than `since` (a listing may be shared). */
  listRuns(since: number): Promise<RunsListing>;
  passphrase: string;
  target: Target;
  maxResumes: number;
  attemptTimeoutMs: number;
}

export interface RunOutcome {
  done: boolean;
  runId?: string;
  report?: ProvisionReport;
  /** Every CLI process of this run, `runs` listings included. */
  attempts: Array<Pick<CliResult, 'code' | 'signal' | 'killed' | 'ms'> & { command: 'new' | 'resume' | 'repair' | 'runs' }>;
  kills: number;
  /** Attempts killed because they ran longer than the attempt timeout (a hang, not a planned kill). */
  timeouts: number;
  /** Attempts that followed the CLI's advice to resume with --repair. */
  repairs: number;
  /** Why the run could not be completed (the CLI's last words), when it could not. */
  stuckReason?: string;
  /** More than one journal for this store: the soak would have resumed one and left the other. */
  journals: number;
  ms: number;
}

/** A run that ends with the same words this many times in a row is stuck; more tries only cost time. */
const SAME_FAILURE_LIMIT = 3;

const lastLine = (text: string): string => text.trim().split('\n').filter(Boolean).at(-1) ?? '';

/**
 * One store from `provision` to done: each planned kill ends an attempt with SIGKILL, then the run is
 * found with `runs` and continued with `provision --resume`; after the kills, up to maxResumes more
 * attempts run to their end. A run not done by then (or failing the same way three times running) is stuck.
 */
export async function driveRun(plan: RunPlan, ctx: DriveContext): Promise<RunOutcome> {
  const started = Date.now();
  const outcome: RunOutcome = { done: false, attempts: [], kills: 0, timeouts: 0, repairs: 0, journals: 0, ms: 0 };
  const kills = [...plan.kills];
  let resumesLeft = ctx.maxResumes;
  let lastWords = '';
  let previousWords = '';
  let sameEnd = 0;
  let lastEnded = 0;
  let repairAdvised = false;
  const call = (args: string[], kill?: RunPlan['kills'][number]) =>
    runCli({ args, target: ctx.target, dataDir: ctx.dataDir, passphrase: ctx.passphrase, kill, timeoutMs: ctx.attemptTimeoutMs });

  while (true) {
    if (outcome.attempts.length > 0 && !outcome.runId) {
      const listing = await ctx.listRuns(lastEnded);
      if (listing.process) outcome.attempts.push({ ...pick(listing.process), command: 'runs' });
      if (listing.error !== undefined) {
        // Without the listing a new `provision` could make a second TSS for the store: ask again instead.
        lastWords = `runs: ${listing.error}`;
        if (resumesLeft-- <= 0) break;
        continue;
      }
      const mine = listing.runs.filter((r) => r.storeName === plan.storeName);
      outcome.journals = mine.length;
      outcome.runId = mine[0]?.runId;
    }
    const kill = kills.shift();
    if (!kill && resumesLeft-- <= 0) break;
    const args = !outcome.runId
      ? [
          'provision',
          ...serialsOf(plan).flatMap((serial) => ['--client', serial]),
          '--store',
          plan.storeName,
          // Through --base-url the store is a TEST or LIVE one: it needs its master data.
          ...(ctx.target.kind === 'standalone' ? MASTER_DATA_FLAGS : []),
          ...(plan.testReceipt ? [] : ['--no-receipt']),
          '--json',
        ]
      : repairAdvised
        ? ['runs', 'resume', outcome.runId, '--repair']
        : ['provision', '--resume', outcome.runId, '--json'];
    if (repairAdvised) outcome.repairs += 1;
    const result = await call(args, kill);
    lastEnded = Date.now();
    outcome.attempts.push({ ...pick(result), command: args[0] === 'runs' ? 'repair' : outcome.runId ? 'resume' : 'new' });
    if (result.killed === 'planned') outcome.kills += 1;
    if (result.killed === 'timeout') outcome.timeouts += 1;
    const report = parseProvisionJson(result.stdout)?.find((r) => r.storeName === plan.storeName);
    if (report) outcome.runId = report.runId;
    // `runs resume` prints the one-line report: "<store>: done; TSS <id> ...".
    const doneLine = result.stdout.split('\n').some((line) => line.startsWith(`${plan.storeName}: done;`));
    if (result.code === 0 && (report?.status === 'done' || (!report && doneLine))) {
      outcome.done = true;
      outcome.report = report;
      break;
    }
    // The CLI's own advice after a failure (`next: ... --repair`) is followed, as a technician would.
    repairAdvised = !result.killed && /^next: .*runs resume \S+ .*--repair/m.test(result.stderr);
    if (!result.killed && RUN_BUSY.test(result.stderr)) {
      // A killed attempt's claim on the run expires after LOCK_STALE_MS; the CLI says to wait that long, and
      // a technician would. Waiting is not a failure that repeats.
      lastWords = lastLine(result.stderr);
      await sleep(LOCK_STALE_MS + 1000);
      continue;
    }
    if (!result.killed) {
      lastWords = lastLine(result.stderr) || `exit ${result.code ?? result.signal}`;
      sameEnd = lastWords === previousWords ? sameEnd + 1 : 1;
      previousWords = lastWords;
    }
    // Bad arguments, or the same failure three times running, will not get better by repeating them.
    if (result.code === 2 || sameEnd >= SAME_FAILURE_LIMIT) break;
  }
  if (!outcome.done) outcome.stuckReason = lastWords || 'killed at every attempt';
  if (outcome.done && outcome.journals === 0) outcome.journals = 1;
  outcome.ms = Date.now() - started;
  return outcome;
}

/** The CLI's words for E_RUN_BUSY (main/core/runs/run-lock.ts). */
const RUN_BUSY = /going on in another window or process/;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const pick = (r: CliResult) => ({ code: r.code, signal: r.signal, killed: r.killed, ms: r.ms });

export interface RunsListing {
  runs: RunListing[];
  /** Why the runs could not be listed. */
  error?: string;
  /** The `tss-companion runs` process, when the CLI listed them. */
  process?: CliResult;
}

/** `tss-companion runs` in a data folder, parsed. */
export async function listRunsWithCli(start: () => Promise<CliResult>): Promise<RunsListing> {
  const result = await start();
  if (result.code !== 0) return { runs: [], process: result, error: lastLine(result.stderr) || `exit ${result.code ?? result.signal}` };
  return { runs: parseRunsListing(result.stdout), process: result };
}

/**
 * The runs in a data folder read from their journals (`<data folder>/runs/<run id>.json`) without starting
 * a process: a `runs` listing costs a whole CLI start (about 1.5 CPU seconds), a third of a soak run's CPU.
 */
export async function listRunsFromJournals(dataDir: string): Promise<RunsListing> {
  const folder = join(dataDir, 'runs');
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const runs: RunListing[] = [];
  for (const name of names.filter((n) => /^[0-9a-f-]{36}\.json$/.test(n))) {
    try {
      const data = JSON.parse(await readFile(join(folder, name), 'utf8')) as { runId?: unknown; status?: unknown; plan?: { storeName?: unknown } };
      if (typeof data.runId === 'string' && typeof data.plan?.storeName === 'string') {
        runs.push({ runId: data.runId, status: String(data.status), storeName: data.plan.storeName });
      }
    } catch {
      // a journal being replaced right now, or a damaged one: the CLI skips those too
    }
  }
  return { runs };
}

/**
 * One listing per data folder at a time, shared by every run that needs one started after its own last
 * attempt ended (a listing from before could miss that attempt's journal).
 */
export function sharedListing(list: () => Promise<RunsListing>): (since: number) => Promise<RunsListing> {
  let latest: { startedAt: number; result: Promise<RunsListing> } | null = null;
  return (since) => {
    if (latest && latest.startedAt >= since) return latest.result;
    latest = { startedAt: Date.now(), result: list().catch((error: Error) => ({ runs: [], error: error.message })) };
    return latest.result;
  };
}

/**
 * `npm run soak`: randomized provisioning runs through the real CLI, each killed with SIGKILL at random
 * moments and resumed until done, against a separate sandbox process with faults that is itself killed
 * now and then; some runs share a data folder at the same time, some use the built-in `--sandbox`.
 * After each run (and once more at the end) the server and the vault are checked. See USAGE in options.ts.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChaos } from './chaos';
import { type RunFindings, checkRun, digest, openVaultReadOnly, retireTss, serverClient } from './check-run';
import { type Target, liveCliProcesses, runCli, useBundledCli } from './cli-process';
import { driveRun, listRunsFromJournals, listRunsWithCli, sharedListing } from './drive-run';
import { SoakUsageError, USAGE, parseSoakOptions } from './options';
import { seededRandom } from './random';
import { type RunResult, failed, runLine, summarize, summaryText } from './report';
import { planRuns, serialsOf } from './run-plan';
import { StandaloneSandbox, freeLoopbackPort } from './sandbox-process';

const PASSPHRASE = 'soak test passphrase: correct horse battery staple';
const API_KEY = 'soak_api_key';
const API_SECRET = 'soak_api_secret';
const CHECK_TRIES = 6;

/** One holder at a time: the built-in sandbox's state file has one writer (a CLI run, or the check after it). */
/** At most `size` holders at a time; the others wait in order. */
class Semaphore {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(size: number) {
    this.free = size;
  }

  /** Resolves with the way to give the place back once one is free. */
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }

  async hold<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** A TEST organization holds at most 5 TSS that are not DISABLED (as at fiskaly); the soak disables each after its check. */
const TEST_TSS_LIMIT = 5;

/** The command that replays this soak: the flags given, with --runs and --seed always spelled out. */
function againCommand(argv: string[], runs: number, seed: number): string {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (/^--(runs|seed|work-dir|keep|json)(=|$)/.test(flag)) {
      if (!flag.includes('=') && !/^--(keep|json)$/.test(flag)) i++;
      continue;
    }
    rest.push(flag);
  }
  return ['npm run soak --', '--runs', String(runs), '--seed', String(seed), ...rest].join(' ');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<number> {
  let options;
  try {
    options = parseSoakOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof SoakUsageError)) throw error;
    console.error(`soak: ${error.message}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const started = Date.now();
  await useBundledCli();
  const random = seededRandom(options.seed);
  const plans = planRuns(options, random);
  const workDir = options['work-dir'] ?? mkdtempSync(join(tmpdir(), `tss-soak-s${options.seed}-`));
  mkdirSync(workDir, { recursive: true });
  const folders = Array.from({ length: options.folders }, (_, i) => join(workDir, `data-${i}`));

  const sandbox = new StandaloneSandbox({
    port: await freeLoopbackPort(),
    stateFile: join(workDir, 'standalone-sandbox-state.json'),
    logFile: join(workDir, 'standalone-sandbox.log'),
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    env: options.environment === 'live' ? 'LIVE' : 'TEST',
    deployDelayMs: 200,
  });
  const standalone: Target = { kind: 'standalone', baseUrl: sandbox.baseUrl, apiKey: API_KEY, apiSecret: API_SECRET, live: options.environment === 'live' };
  const stopEverything = () => {
    for (const child of liveCliProcesses) child.kill('SIGKILL');
    sandbox.killNow();
  };
  // Whatever ends the soak (an error included) ends its sandbox and CLI processes too.
  process.once('exit', stopEverything);
  process.once('SIGINT', () => {
    stopEverything();
    console.error(`\nsoak: interrupted; the data folders stay in ${workDir}`);
    process.exit(130);
  });

  console.log(`soak: ${options.runs} runs, seed ${options.seed}, ${options.concurrency} at a time over ${options.folders} data folder(s), in ${workDir}`);
  await sandbox.start();
  const chaos = startChaos(sandbox, random.fork('chaos'), {
    faults: options.faults === 'on',
    restartMeanS: options['sandbox-restart-s'],
    log: (line) => console.log(`      ${line}`),
  });

  const builtinLane = new Semaphore(1);
  // A standalone run holds a place from its start until its TSS is checked and disabled.
  const tssPlaces = new Semaphore(options.environment === 'test' ? TEST_TSS_LIMIT : Number.POSITIVE_INFINITY);
  const runsCli = (dataDir: string) => () =>
    listRunsWithCli(() => runCli({ args: ['runs'], target: standalone, dataDir, passphrase: PASSPHRASE, timeoutMs: options['attempt-timeout-s'] * 1000 }));
  const listings = folders.map((dataDir) => sharedListing(options['find-runs'] === 'cli' ? runsCli(dataDir) : () => listRunsFromJournals(dataDir)));
  const results: RunResult[] = [];
  const finish = (result: RunResult) => {
    results.push(result);
    console.log(runLine(result, plans.length));
  };
  // Standalone runs are checked beside the next run, one check at a time: the check is mostly waiting. Each
  // holds a TSS place until its check (and the disabling) is over, so the TEST limit of 5 is never reached.
  let backgroundCheck: Promise<void> = Promise.resolve();
  let next = 0;
  const worker = async () => {
    while (next < plans.length) {
      const plan = plans[next++]!;
      const dataDir = folders[plan.folder]!;
      const drive = async (): Promise<RunResult> => ({
        plan,
        findings: [],
        outcome: await driveRun(plan, {
          dataDir,
          listRuns: listings[plan.folder]!,
          passphrase: PASSPHRASE,
          target: plan.target === 'builtin' ? { kind: 'builtin' } : standalone,
          maxResumes: options['max-resumes'],
          attemptTimeoutMs: options['attempt-timeout-s'] * 1000,
        }),
      });
      if (plan.target === 'builtin') {
        // The built-in sandbox's state file has one user at a time: the run, then its check.
        finish(await builtinLane.hold(async () => {
          const result = await drive();
          await checkWithRetries(result, dataDir, standalone);
          return result;
        }));
        continue;
      }
      const givePlaceBack = await tssPlaces.acquire();
      const result = await drive().catch((error: unknown) => {
        givePlaceBack();
        throw error;
      });
      // Checks form one queue; a worker goes on once the check before its own is over.
      const before = backgroundCheck;
      backgroundCheck = before
        .then(() => checkWithRetries(result, dataDir, standalone))
        .then(() => finish(result))
        .finally(givePlaceBack);
      await before;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, plans.length) }, worker));
  await backgroundCheck;
  await chaos.stop();

  // The final sweep, calm (no faults, sandbox up): what was accepted after each run must still be.
  await sandbox.setFaults({});
  await sandbox.setTokenLifetime(86_400);
  if (!sandbox.running) await sandbox.start();
  console.log('final sweep: every accepted PUK and PIN still in its vault, every disabled TSS still on its server…');
  await finalSweep(results, folders, standalone);
  await compareRunsListing(results, folders.map((dataDir) => runsCli(dataDir)));
  for (const result of results) if (result.findings.some((f) => f.problems.some((p) => p.endsWith('(final sweep)')) || f.pukLost?.endsWith('(final sweep)') || f.pinLost?.endsWith('(final sweep)'))) console.log(runLine(result, plans.length));
  await sandbox.stop();

  results.sort((a, b) => a.plan.index - b.plan.index);
  const summary = summarize(results, { seed: options.seed, wallMs: Date.now() - started, ...chaos.counts, sandboxKills: sandbox.restarts });
  console.log(summaryText(summary, workDir, againCommand(process.argv.slice(2), options.runs, options.seed)));
  if (options.json) console.log(JSON.stringify(summary, null, 2));
  const bad = failed(summary);
  if (!bad && !options.keep && !options['work-dir']) rmSync(workDir, { recursive: true, force: true });
  return bad ? 1 : 0;
}

/**
 * Checks a run against its server and its data folder's vault, asking again through faults and restarts,
 * then disables its TSS (the TEST limit is 5 live TSS per organization).
 */
async function checkWithRetries(result: RunResult, dataDir: string, standalone: Extract<Target, { kind: 'standalone' }>): Promise<void> {
  const { plan, outcome } = result;
  let lastError = '';
  let findings: RunFindings | null = null;
  for (let attempt = 1; attempt <= CHECK_TRIES; attempt++) {
    let server: Awaited<ReturnType<typeof serverClient>> | null = null;
    try {
      server = await serverClient(plan.target === 'builtin' ? { kind: 'builtin', dataDir } : standalone);
      if (!findings) {
        const vault = await openVaultReadOnly(dataDir, PASSPHRASE).catch((error: { code?: string }) => {
          // A run killed before the vault existed leaves a vault to check only if it got further.
          if (error.code === 'E_VAULT_NOT_INITIALIZED' && !outcome.done) return null;
          throw error;
        });
        findings = vault
          ? await checkRun({ storeName: plan.storeName, serials: serialsOf(plan), done: outcome.done, report: outcome.report }, server.client, vault)
          : { tssCount: 0, twinClients: [], missingClients: [], problems: [] };
      }
      result.retired = findings.tssId ? await retireTss(server.client, findings.tssId, findings.workingPin) : true;
      delete findings.workingPin;
      result.findings.push(findings);
      return;
    } catch (error) {
      lastError = (error as Error).message;
    } finally {
      await server?.close();
    }
    await sleep(500 * attempt);
  }
  if (findings) {
    delete findings.workingPin;
    result.findings.push(findings);
    result.retired = false;
  } else result.checkError = lastError;
}

/**
 * The end: every secret the server accepted during the soak must still be in its vault, unchanged, and every
 * TSS the soak disabled must still be there, DISABLED (a restarted sandbox must not forget what it answered).
 */
async function finalSweep(results: RunResult[], folders: string[], standalone: Extract<Target, { kind: 'standalone' }>): Promise<void> {
  for (const [folder, dataDir] of folders.entries()) {
    const mine = results.filter((r) => r.plan.folder === folder);
    if (mine.length === 0) continue;
    const vault = await openVaultReadOnly(dataDir, PASSPHRASE).catch(() => null);
    const servers = {
      standalone: await serverClient(standalone),
      builtin: mine.some((r) => r.plan.target === 'builtin') ? await serverClient({ kind: 'builtin', dataDir }) : null,
    };
    try {
      const tssOn = { standalone: await servers.standalone.client.listTss(), builtin: (await servers.builtin?.client.listTss()) ?? [] };
      for (const result of mine) {
        const checked = result.findings.find((f) => f.tssId);
        if (!checked) continue;
        const later: string[] = [];
        const puk = checked.pukDigest && (await vault?.get(checked.tssId!, 'admin-puk'));
        if (checked.pukDigest && (!puk || digest(puk.puk) !== checked.pukDigest)) later.push(puk ? 'PUK in the vault changed' : 'PUK gone from the vault');
        const pin = checked.pinDigest && (await vault?.get(checked.tssId!, 'admin-pin'));
        if (checked.pinDigest && (!pin || digest(pin.pin) !== checked.pinDigest)) later.push(pin ? 'PIN in the vault changed' : 'PIN gone from the vault');
        const tss = tssOn[result.plan.target].find((t) => t.id === checked.tssId);
        const server: string[] = [];
        if (!tss) server.push('the TSS is gone from the server');
        else if (result.retired && tss.state !== 'DISABLED') server.push(`the TSS was disabled but is ${tss.state} again`);
        if (later.length || server.length) {
          result.findings.push({
            tssCount: 1,
            twinClients: [],
            missingClients: [],
            pukLost: later.find((l) => l.startsWith('PUK')) && `${later.find((l) => l.startsWith('PUK'))} after the run (final sweep)`,
            pinLost: later.find((l) => l.startsWith('PIN')) && `${later.find((l) => l.startsWith('PIN'))} after the run (final sweep)`,
            problems: server.map((p) => `${p} (final sweep)`),
          });
        }
      }
    } finally {
      await servers.standalone.close();
      await servers.builtin?.close();
    }
  }
}

/** `tss-companion runs` in every folder must list each soak run once, done exactly when the soak saw it done. */
async function compareRunsListing(results: RunResult[], list: Array<() => ReturnType<typeof listRunsWithCli>>): Promise<void> {
  for (const [folder, listFolder] of list.entries()) {
    const mine = results.filter((r) => r.plan.folder === folder);
    if (mine.length === 0) continue;
    const listing = await listFolder();
    for (const result of mine) {
      const entries = listing.runs.filter((r) => r.storeName === result.plan.storeName);
      const problem = listing.error
        ? `tss-companion runs failed: ${listing.error}`
        : entries.length > 1
          ? `tss-companion runs lists ${entries.length} runs for this store`
          : result.outcome.done && entries[0]?.status !== 'done'
            ? `tss-companion runs says ${entries[0]?.status ?? 'nothing'} for a run the soak saw done`
            : !result.outcome.done && entries[0]?.status === 'done'
              ? 'tss-companion runs says done for a run that never reported done'
              : null;
      if (problem) result.findings.push({ tssCount: 1, twinClients: [], missingClients: [], problems: [`${problem} (final sweep)`] });
    }
  }
}

process.exitCode = await main().catch((error: Error) => {
  console.error(`soak: ${error.stack ?? error.message}`);
  return 1;
});
// Leftover keep-alive sockets must not hold the soak open.
process.exit(process.exitCode);

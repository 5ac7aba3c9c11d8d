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
import { type RunFindings, checkRun, openVaultReadOnly, serverClient } from './check-run';
import { type Target, liveCliProcesses } from './cli-process';
import { driveRun } from './drive-run';
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
class Mutex {
  private tail = Promise.resolve();
  async hold<T>(work: () => Promise<T>): Promise<T> {
    const before = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    await before;
    try {
      return await work();
    } finally {
      release();
    }
  }
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
    deployDelayMs: 200,
  });
  const standalone: Target = { kind: 'standalone', baseUrl: sandbox.baseUrl, apiKey: API_KEY, apiSecret: API_SECRET };
  const stopEverything = () => {
    for (const child of liveCliProcesses) child.kill('SIGKILL');
    sandbox.killNow();
  };
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

  const builtinLane = new Mutex();
  const results: RunResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < plans.length) {
      const plan = plans[next++]!;
      const dataDir = folders[plan.folder]!;
      const one = async (): Promise<RunResult> => {
        const outcome = await driveRun(plan, {
          dataDir,
          passphrase: PASSPHRASE,
          target: plan.target === 'builtin' ? { kind: 'builtin' } : standalone,
          maxResumes: options['max-resumes'],
          attemptTimeoutMs: options['attempt-timeout-s'] * 1000,
        });
        const result: RunResult = { plan, outcome, findings: [] };
        await checkWithRetries(result, dataDir, standalone);
        return result;
      };
      const result = plan.target === 'builtin' ? await builtinLane.hold(one) : await one();
      results.push(result);
      console.log(runLine(result, plans.length));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, plans.length) }, worker));
  await chaos.stop();

  // The final sweep, calm (no faults, sandbox up): what was accepted after each run must still be.
  await sandbox.setFaults({});
  await sandbox.setTokenLifetime(86_400);
  if (!sandbox.running) await sandbox.start();
  console.log('final sweep: every run checked again against the server and the vault…');
  for (const result of results) {
    const before = result.findings.length;
    await checkWithRetries(result, folders[result.plan.folder]!, standalone);
    const found = result.findings.slice(before);
    if (found.some((f) => f.pukLost || f.pinLost || f.twinClients.length || f.problems.length) && !result.findings.slice(0, before).some((f) => f.pukLost || f.pinLost)) {
      console.log(`${runLine(result, plans.length)}\n      (found in the final sweep)`);
    }
  }
  await sandbox.stop();

  results.sort((a, b) => a.plan.index - b.plan.index);
  const summary = summarize(results, { seed: options.seed, wallMs: Date.now() - started, ...chaos.counts, sandboxKills: sandbox.restarts });
  console.log(summaryText(summary, workDir));
  if (options.json) console.log(JSON.stringify(summary, null, 2));
  const bad = failed(summary);
  if (!bad && !options.keep && !options['work-dir']) rmSync(workDir, { recursive: true, force: true });
  return bad ? 1 : 0;
}

/** Checks a run against its server and its data folder's vault, asking again through faults and restarts. */
async function checkWithRetries(result: RunResult, dataDir: string, standalone: Extract<Target, { kind: 'standalone' }>): Promise<void> {
  const { plan, outcome } = result;
  let lastError = '';
  for (let attempt = 1; attempt <= CHECK_TRIES; attempt++) {
    let server: Awaited<ReturnType<typeof serverClient>> | null = null;
    try {
      const vault = await openVaultReadOnly(dataDir, PASSPHRASE);
      server = await serverClient(plan.target === 'builtin' ? { kind: 'builtin', dataDir } : standalone);
      const findings: RunFindings = await checkRun({ storeName: plan.storeName, serials: serialsOf(plan), done: outcome.done, report: outcome.report }, server.client, vault);
      result.findings.push(findings);
      delete result.checkError;
      return;
    } catch (error) {
      lastError = (error as Error).message;
      // A run killed before the vault existed leaves nothing to check.
      if ((error as { code?: string }).code === 'E_VAULT_NOT_INITIALIZED' && !outcome.done) return;
    } finally {
      await server?.close();
    }
    await sleep(500 * attempt);
  }
  result.checkError = lastError;
}

process.exitCode = await main().catch((error: Error) => {
  console.error(`soak: ${error.stack ?? error.message}`);
  return 1;
});
// Leftover keep-alive sockets must not hold the soak open.
process.exit(process.exitCode);

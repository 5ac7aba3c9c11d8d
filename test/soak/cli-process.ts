import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The tss-companion bin itself (built JavaScript, `npm run build:cli`), started with this same node. */
let bin = join(REPO, 'out/cli/tss-companion.js');

/**
 * Builds the CLI's own sources (main/cli/main.ts, what the bin is built from) into one ES module once, its
 * packages left to node_modules, and starts that from then on, so a soak never runs a stale out/cli; the code
 * run is the same. The file lives in the repository's ignored test-results/ so that node_modules resolves from it.
 */
export async function useBundledCli(): Promise<void> {
  const outfile = join(REPO, 'test-results', 'soak', `tss-companion-${process.pid}.mjs`);
  await build({ entryPoints: [join(REPO, 'main/cli/main.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  bin = outfile;
}

/** Where a run provisions: the standalone sandbox process over HTTP, or the CLI's built-in `--sandbox`. */
export type Target = { kind: 'standalone'; baseUrl: string; apiKey: string; apiSecret: string; live: boolean } | { kind: 'builtin' };

/**
 * When to SIGKILL the process: after its n-th progress line (each is written after a journal write)
 * plus a few milliseconds, so the kill lands inside the next step; or after a time since the start,
 * so it can also land during start-up and the vault unlock.
 */
export type KillPoint = { afterProgressLines: number; extraMs: number } | { afterMs: number };

/** Every CLI process still running, so a stopped soak leaves none behind. */
export const liveCliProcesses = new Set<ChildProcess>();

export interface CliCall {
  /** The command line after `tss-companion`, without the target flags (added at the end from `target`). */
  args: string[];
  target: Target;
  dataDir: string;
  passphrase: string;
  kill?: KillPoint;
  /** A process still running after this long is killed too (a hang must not stall the soak). */
  timeoutMs: number;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  killed: 'planned' | 'timeout' | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * The one place the soak starts the CLI: `tss-companion <command> <target flag> ...` with the data folder
 * and the secrets in the environment, as a technician's shell would have them.
 */
export function runCli(call: CliCall): Promise<CliResult> {
  const [command, ...rest] = call.args;
  const target = call.target;
  const targetFlags = target.kind === 'builtin' ? ['--sandbox'] : ['--base-url', target.baseUrl, ...(target.live ? ['--live'] : [])];
  // `provision` and `runs resume` talk to a server; `runs` alone and `runs abandon` do not. Only a new
  // provision or `provision --resume` asks for the LIVE confirmation.
  const args =
    command === 'provision'
      ? [...call.args, ...targetFlags, ...(target.kind === 'standalone' && target.live ? ['--confirm-live', 'LIVE'] : [])]
      : command === 'runs' && rest[0] === 'resume'
        ? [...call.args, ...targetFlags]
        : call.args;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(FISKALY_|TSS_COMPANION_)/.test(key)) env[key] = value;
  env.TSS_COMPANION_DATA_DIR = call.dataDir;
  env.TSS_COMPANION_PASSPHRASE = call.passphrase;
  if (call.target.kind === 'standalone') {
    env.FISKALY_API_KEY = call.target.apiKey;
    env.FISKALY_API_SECRET = call.target.apiSecret;
  }
  const started = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  liveCliProcesses.add(child);
  let stdout = '';
  let stderr = '';
  let killed: CliResult['killed'] = null;
  let progressLines = 0;
  const kill = (why: 'planned' | 'timeout') => {
    if (killed || child.exitCode !== null || child.signalCode !== null) return;
    killed = why;
    child.kill('SIGKILL');
  };
  const timers: NodeJS.Timeout[] = [setTimeout(() => kill('timeout'), call.timeoutMs)];
  const point = call.kill;
  if (point && 'afterMs' in point) timers.push(setTimeout(() => kill('planned'), point.afterMs));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (!point || !('afterProgressLines' in point)) return;
    for (const line of chunk.split('\n')) {
      if (!/: \[\d+\/\d+\] /.test(line)) continue;
      progressLines += 1;
      if (progressLines === point.afterProgressLines) timers.push(setTimeout(() => kill('planned'), point.extraMs));
    }
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      liveCliProcesses.delete(child);
      for (const timer of timers) clearTimeout(timer);
      resolve({ code, signal, killed, stdout, stderr, ms: Date.now() - started });
    });
  });
}

export interface RunListing {
  runId: string;
  status: string;
  storeName: string;
}

/** `tss-companion runs`, parsed: one line per run, `<run id>  <status>  <environment>  <store name>[ at ...]`. */
export function parseRunsListing(stdout: string): RunListing[] {
  const runs: RunListing[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s+(\S+)\s+\S+\s+(\S+)/.exec(line);
    if (match) runs.push({ runId: match[1]!, status: match[2]!, storeName: match[3]! });
  }
  return runs;
}

export interface ProvisionReport {
  runId: string;
  storeName: string;
  status: string;
  tssId: string;
  clients: Array<{ serialNumber: string; clientId: string; registered: boolean }>;
  receipt?: { valid?: boolean } | null;
}

/** The reports `provision --json` prints on stdout (an empty list when the run failed). */
export function parseProvisionJson(stdout: string): ProvisionReport[] | null {
  const start = stdout.indexOf('[');
  if (start === -1) return null;
  try {
    const parsed = JSON.parse(stdout.slice(start)) as unknown;
    return Array.isArray(parsed) ? (parsed as ProvisionReport[]) : null;
  } catch {
    return null;
  }
}

/**
 * CLI start-up: the median wall time of `tss-companion --version` and of `tss-companion runs --json` (on an
 * empty data folder: the parser, the services and a read of the journals), each started as a fresh process
 * with this node, as a technician starts the installed bin. Builds out/cli first when it is stale. Prints
 * measured figures only; nothing here passes or fails.
 *
 *   npm run bench:cli [-- --runs 7]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_ENTRY, buildCli, cliIsStale } from '../../build-cli';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Math.max(1, Number(values.runs));

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  execFileSync(process.execPath, [CLI_ENTRY, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - started;
}

const median = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

if (cliIsStale()) await buildCli();
const dataDir = mkdtempSync(join(tmpdir(), 'tss-cli-bench-'));
const env = { PATH: process.env.PATH, HOME: process.env.HOME, TSS_COMPANION_DATA_DIR: dataDir };
try {
  // One unmeasured start each, so the file cache is warm for every measured one.
  const cases: Array<[string, string[]]> = [['--version', ['--version']], ['runs --json', ['runs', '--json']]];
  for (const [, args] of cases) timed(args, env);
  console.log(`CLI start-up, ${runs} runs each (node ${process.version}, ${CLI_ENTRY}):`);
  for (const [name, args] of cases) {
    const samples = Array.from({ length: runs }, () => timed(args, env));
    console.log(`  ${name.padEnd(12)} median ${Math.round(median(samples))} ms  (min ${Math.round(Math.min(...samples))}, max ${Math.round(Math.max(...samples))})`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Sandbox throughput: finished transactions per second (a start and a finish with a receipt each) with one
 * and with 16 POS clients working at once, and the latency of each request. Prints measured figures only;
 * nothing here passes or fails.
 *
 *   npm run bench:sandbox [-- --seconds 5] [-- --state-file]
 *
 * The sandbox runs as its own process (`npm run sandbox`), as a POS talks to a server, so the client's
 * work does not share the server's thread; --in-process puts both in one process instead.
 * --state-file runs the same on a sandbox that keeps its state in a file (as the app's default sandbox does):
 * every answer then waits for the fsync of the state file (group commit), so the figures are the disk's.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { type Sandbox, createSandbox } from '../../main/products/sign-de/sandbox/server';
import { SandboxApi } from '../support/sandbox-api';

const CLIENTS = 16;
const CONCURRENCY_LEVELS = [1, CLIENTS];
const WARMUP_SECONDS = 1;

const RECEIPT = {
  standard_v1: {
    receipt: {
      receipt_type: 'RECEIPT',
      amounts_per_vat_rate: [
        { vat_rate: 'NORMAL', amount: '21.42' },
        { vat_rate: 'REDUCED_1', amount: '3.20' },
      ],
      amounts_per_payment_type: [{ payment_type: 'CASH', amount: '24.62' }],
    },
  },
};

interface Run {
  concurrency: number;
  seconds: number;
  transactions: number;
  failures: number;
  start: number[];
  finish: number[];
}

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, 'state-file': { type: 'boolean', default: false }, 'in-process': { type: 'boolean', default: false } },
});
const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new Error('--seconds must be a positive number');

const stateDir = values['state-file'] ? mkdtempSync(join(tmpdir(), 'sandbox-bench-')) : null;
const stateFile = stateDir ? join(stateDir, 'state.json') : undefined;
const sandbox = values['in-process'] ? await createSandbox(stateFile ? { stateFile } : {}) : await sandboxProcess(stateFile);
try {
  const { pool, tssId, clientIds, token } = await prepare(sandbox);
  await measure(pool, token, tssId, clientIds, CLIENTS, WARMUP_SECONDS);
  const runs: Run[] = [];
  for (const concurrency of CONCURRENCY_LEVELS) runs.push(await measure(pool, token, tssId, clientIds, concurrency, seconds));
  await pool.close();
  print(runs);
} finally {
  await sandbox.close();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
}

/** The standalone sandbox in a child process; resolves once it prints its URL. */
async function sandboxProcess(stateFile: string | undefined): Promise<Sandbox> {
  const args = ['--import', 'tsx', 'main/products/sign-de/sandbox/main.ts', '--port', '0', '--deploy-delay-ms', '0', ...(stateFile ? ['--state', stateFile] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
    lines.on('line', (line) => {
      const match = /sandbox at (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  } as Sandbox;
}

/** One INITIALIZED TSS with 16 registered clients, made through the API itself. */
async function prepare(sandbox: Sandbox) {
  const api = new SandboxApi(sandbox);
  await api.login();
  const { tssId } = await api.initializedTss();
  const clientIds: string[] = [];
  for (let i = 1; i <= CLIENTS; i++) {
    const clientId = randomUUID();
    const created = await api.request('PUT', `/tss/${tssId}/client/${clientId}`, { serial_number: `ERS bench-${i}` });
    if (created.status !== 200) throw new Error(`client ${i}: ${JSON.stringify(created.body)}`);
    clientIds.push(clientId);
  }
  const origin = new URL(sandbox.url).origin;
  const pool = new Pool(origin, { connections: CLIENTS, pipelining: 1, keepAliveTimeout: 60_000 });
  return { pool, tssId, clientIds, token: api.token! };
}

/** Each worker is one till: start, finish, next receipt, until the time is up. */
async function measure(pool: Pool, token: string, tssId: string, clientIds: string[], concurrency: number, duration: number): Promise<Run> {
  const run: Run = { concurrency, seconds: 0, transactions: 0, failures: 0, start: [], finish: [] };
  const path = new URL(sandbox.url).pathname;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const put = async (url: string, body: unknown, latencies: number[]): Promise<boolean> => {
    const began = performance.now();
    const response = await pool.request({ method: 'PUT', path: `${path}${url}`, headers, body: JSON.stringify(body) });
    await response.body.text();
    latencies.push(performance.now() - began);
    return response.statusCode === 200;
  };
  const began = performance.now();
  const deadline = began + duration * 1000;
  const worker = async (clientId: string) => {
    while (performance.now() < deadline) {
      const tx = randomUUID();
      const started = await put(`/tss/${tssId}/tx/${tx}?tx_revision=1`, { state: 'ACTIVE', client_id: clientId }, run.start);
      const finished = started && (await put(`/tss/${tssId}/tx/${tx}?tx_revision=2`, { state: 'FINISHED', client_id: clientId, schema: RECEIPT }, run.finish));
      if (finished) run.transactions++;
      else run.failures++;
    }
  };
  await Promise.all(clientIds.slice(0, concurrency).map(worker));
  run.seconds = (performance.now() - began) / 1000;
  return run;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function print(runs: Run[]): void {
  const rows = runs.map((run) => {
    const all = [...run.start, ...run.finish].sort((a, b) => a - b);
    const start = [...run.start].sort((a, b) => a - b);
    const finish = [...run.finish].sort((a, b) => a - b);
    const ms = (value: number) => value.toFixed(2);
    return {
      'concurrent clients': run.concurrency,
      seconds: run.seconds.toFixed(1),
      'finished tx': run.transactions,
      failures: run.failures,
      'tx/s': Math.round(run.transactions / run.seconds),
      'requests/s': Math.round(all.length / run.seconds),
      'p50 ms': ms(percentile(all, 50)),
      'p99 ms': ms(percentile(all, 99)),
      'start p50/p99 ms': `${ms(percentile(start, 50))} / ${ms(percentile(start, 99))}`,
      'finish p50/p99 ms': `${ms(percentile(finish, 50))} / ${ms(percentile(finish, 99))}`,
    };
  });
  const storage = stateDir ? 'state file' : 'in memory';
  console.log(`sandbox benchmark: ${values["in-process"] ? "in-process" : "separate-process"} sandbox (${storage}), undici Pool (${CLIENTS} keep-alive connections), Node ${process.version}`);
  console.table(rows);
}

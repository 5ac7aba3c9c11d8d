/**
 * Provisioning speed: one store (1 TSS, 20 clients, test receipt) against the sandbox with 50 ms added to
 * every request, as on a store's mobile connection. Prints measured figures only; nothing passes or fails.
 *
 *   npm run bench:provision [-- --latency 50 --runs 3 --client-concurrency 4]
 *
 * The critical-path floor is the chain of round trips that depend on each other, times the latency:
 * auth → create TSS → deploy → set PIN → admin login → initialize → clients (ceil(20 / concurrency)
 * rounds: registration is bounded, 4 at once by default) → start → finish → the final check that the
 * server shows the TSS, the clients and the transaction (three reads at once) before "done". Everything
 * else (journal and vault writes, logout) should hide in it.
 */
import { parseArgs } from 'node:util';
import { FiskalyClient } from '../../main/products/sign-de/api/client';
import { DEFAULT_CLIENT_CONCURRENCY, startRun } from '../../main/products/sign-de/provisioning/orchestrator';
import { parseStorePlan } from '../../main/products/sign-de/provisioning/store-plan';
import { DEFAULT_ORGANIZATION } from '../../main/products/sign-de/sandbox/organizations';
import { createSandbox } from '../../main/products/sign-de/sandbox/server';
import { testVault } from '../support/provisioning';
import { makeTempDir } from '../support/temp-dir';

const CLIENTS = 20;

const { values } = parseArgs({
  options: { latency: { type: 'string', default: '50' }, runs: { type: 'string', default: '3' }, 'client-concurrency': { type: 'string', default: String(DEFAULT_CLIENT_CONCURRENCY) } },
});
const latencyMs = Number(values.latency);
const runs = Number(values.runs);
const concurrency = Number(values['client-concurrency']);
if (!(latencyMs >= 0) || !(runs >= 1) || !(concurrency >= 1)) throw new Error('--latency takes milliseconds, --runs and --client-concurrency a count of at least 1');
/** auth, create, deploy, set PIN, admin login, initialize; the client rounds; start, finish; the final check. */
const DEPENDENT_ROUND_TRIPS = 6 + Math.ceil(CLIENTS / concurrency) + 2 + 1;

const plan = parseStorePlan({
  storeName: 'Bench Store',
  environment: 'sandbox',
  clients: Array.from({ length: CLIENTS }, (_, i) => ({ serialNumber: `KASSE-${String(i + 1).padStart(2, '0')}` })),
});

async function provisionOnce(clientConcurrency: number | undefined): Promise<{ ms: number; authCalls: number; requests: number }> {
  const sandbox = await createSandbox({ faults: { latencyMs } });
  const dir = makeTempDir('tss-bench-');
  let requests = 0;
  const client = new FiskalyClient({
    baseUrl: sandbox.url,
    credentials: { apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret },
    onAttempt: () => void requests++,
  });
  try {
    const vault = await testVault(dir.path);
    const started = performance.now();
    const report = await startRun(plan, { dataDir: dir.path, vault, clientFor: () => client, clientConcurrency });
    const ms = performance.now() - started;
    if (report.status !== 'done' || !report.receipt?.valid) throw new Error(`the run ended ${report.status}`);
    return { ms, authCalls: client.session.authCalls, requests };
  } finally {
    await client.close();
    await sandbox.close();
    dir.remove();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await provisionOnce(concurrency); // warm-up: module loading and JIT
const parallel = [];
const sequential = [];
for (let i = 0; i < runs; i++) {
  parallel.push(await provisionOnce(concurrency));
  sequential.push(await provisionOnce(1));
}
const floor = DEPENDENT_ROUND_TRIPS * latencyMs;
const wall = median(parallel.map((r) => r.ms));
const strict = median(sequential.map((r) => r.ms));
console.log(
  `provisioning benchmark: 1 TSS + ${CLIENTS} clients (${concurrency} at once) + test receipt, sandbox with ${latencyMs} ms per request, median of ${runs} runs, Node ${process.version}`,
);
console.table([
  {
    'wall time ms': wall.toFixed(0),
    'critical-path floor ms': `${floor} (${DEPENDENT_ROUND_TRIPS} round trips × ${latencyMs})`,
    'wall / floor': (wall / floor).toFixed(2),
    'strictly sequential ms': strict.toFixed(0),
    'auth calls per run': parallel.map((r) => r.authCalls).join(', '),
    'requests per run': parallel[0]!.requests,
  },
]);

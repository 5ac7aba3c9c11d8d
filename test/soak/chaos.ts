import type { Random } from './random';
import type { FaultSettings, StandaloneSandbox } from './sandbox-process';

/** A bad day on the line, drawn from the seed: latency, 5xx, 429, 444 (where the sandbox has it), drops. */
export function randomFaults(random: Random, withPending: boolean): FaultSettings {
  const faults: FaultSettings = {
    seed: random.int(0, 2 ** 31 - 1),
    latencyMs: random.int(0, 30),
    jitterMs: random.int(0, 40),
    errorRate: random.pick([0, 0.02, 0.05, 0.1]),
    rateLimitRate: random.pick([0, 0.02, 0.05]),
    retryAfterSeconds: 1,
    dropRate: random.pick([0, 0.01, 0.03]),
    // Hung requests cost the client its whole timeout (10-45 s): too slow for ten minutes, left out.
    hangRate: 0,
  };
  if (withPending) faults.pendingRate = random.pick([0, 0.02, 0.05]);
  return faults;
}

export interface ChaosCounts {
  faultChanges: number;
  tokenExpiries: number;
  sandboxKills: number;
}

/**
 * Runs until stopped: new faults every few seconds, now and then every token expired at once (with a short
 * lifetime for a while), and, on its own clock, the sandbox killed with SIGKILL and started again.
 */
export function startChaos(sandbox: StandaloneSandbox, random: Random, options: { faults: boolean; restartMeanS: number; log(line: string): void }) {
  const counts: ChaosCounts = { faultChanges: 0, tokenExpiries: 0, sandboxKills: 0 };
  let stopped = false;
  const wakers = new Set<() => void>();
  const loop = async (step: () => Promise<void>, nextMs: () => number) => {
    while (!stopped) {
      await new Promise<void>((resolve) => {
        const wake = () => (clearTimeout(timer), wakers.delete(wake), resolve());
        const timer = setTimeout(wake, nextMs());
        wakers.add(wake);
      });
      if (stopped) return;
      await step().catch((error: Error) => options.log(`chaos: ${error.message}`));
    }
  };
  const faultRng = random.fork('faults');
  const tokenRng = random.fork('tokens');
  const killRng = random.fork('sandbox-kills');
  const loops: Promise<void>[] = [];
  if (options.faults) {
    loops.push(
      loop(async () => {
        await sandbox.setFaults(randomFaults(faultRng, sandbox.supportsPending));
        counts.faultChanges += 1;
      }, () => faultRng.int(2000, 6000)),
      loop(async () => {
        // Short lifetimes for a while (tokens run out mid-run), then the normal day again.
        await sandbox.setTokenLifetime(tokenRng.chance(0.5) ? tokenRng.int(3, 15) : 86_400);
        counts.tokenExpiries += 1;
      }, () => tokenRng.int(5000, 15_000)),
    );
  }
  if (options.restartMeanS > 0) {
    const mean = options.restartMeanS * 1000;
    loops.push(
      loop(async () => {
        await sandbox.restart();
        counts.sandboxKills += 1;
      }, () => killRng.int(Math.round(mean / 2), Math.round((mean * 3) / 2))),
    );
  }
  return {
    counts,
    async stop(): Promise<void> {
      stopped = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
    },
  };
}

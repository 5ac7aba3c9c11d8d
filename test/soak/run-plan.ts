import type { KillPoint } from './cli-process';
import type { Random } from './random';
import type { SoakOptions } from './options';

export interface RunPlan {
  index: number;
  /** Unique per soak run, so the store's TSS is found on the server by its metadata. */
  storeName: string;
  folder: number;
  target: 'standalone' | 'builtin';
  clients: number;
  testReceipt: boolean;
  /** One per attempt, in order; the attempts after them run to their end (or failure). */
  kills: KillPoint[];
}

/** The technician's till serials: unique per store, as real ones are. */
export const serialsOf = (plan: RunPlan): string[] => Array.from({ length: plan.clients }, (_, i) => `${plan.storeName.toUpperCase()}-K${String(i + 1).padStart(3, '0')}`);

/** Each run drawn from its own generator, so one run's plan does not depend on how many came before. */
export function planRuns(options: Pick<SoakOptions, 'runs' | 'seed' | 'folders' | 'builtin-share' | 'max-kills'>, random: Random): RunPlan[] {
  return Array.from({ length: options.runs }, (_, index) => {
    const rng = random.fork(`run-${index}`);
    const clients = rng.int(1, 4);
    const testReceipt = rng.chance(0.7);
    // Every run is killed at least once (when --max-kills allows); a second or third kill is rarer.
    const killCount = options['max-kills'] === 0 ? 0 : rng.chance(0.8) ? 1 : rng.int(1, options['max-kills']);
    // Progress lines of a run from the start: one per step, one per registered client. Kill points a little
    // beyond the end let some attempts finish before their kill comes.
    const progressLines = (testReceipt ? 12 : 10) + clients;
    return {
      index,
      storeName: `soak-s${options.seed}-r${index + 1}`,
      folder: rng.int(0, options.folders - 1),
      target: rng.chance(options['builtin-share']) ? 'builtin' : 'standalone',
      clients,
      testReceipt,
      kills: Array.from({ length: killCount }, (): KillPoint =>
        // A progress line is written after a journal write: a kill a few ms later lands inside the next step.
        rng.chance(0.7) ? { afterProgressLines: rng.int(1, progressLines + 2), extraMs: rng.int(0, 40) } : { afterMs: rng.int(100, 3000) },
      ),
    };
  });
}

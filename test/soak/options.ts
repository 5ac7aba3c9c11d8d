import { parseArgs } from 'node:util';
import { z } from 'zod';

export const USAGE = `usage: npm run soak -- [--runs 200] [--seed 1] [--concurrency 5] [--folders 2] [--builtin-share 0.15]
                        [--max-kills 2] [--max-resumes 6] [--sandbox-restart-s 30] [--faults on|off] [--environment test|live]
                        [--find-runs journals|cli]
                        [--attempt-timeout-s 90] [--work-dir DIR] [--keep] [--json]
  --runs, --seed also come from SOAK_RUNS, SOAK_SEED (a flag wins over the environment)`;

const whole = (what: string, min: number, max: number) =>
  z.coerce.number({ error: `must be ${what}` }).refine((n) => Number.isInteger(n) && n >= min && n <= max, `must be ${what} from ${min} to ${max}`);

const SoakOptions = z.object({
  runs: whole('a whole number', 1, 10_000).default(200),
  seed: whole('a whole number', 0, 4_294_967_295).default(1),
  /** CLI processes at a time: most of a run is waiting (kills, Retry-After, a killed holder's lock going stale), so five keep two cores busy without starving them. */
  concurrency: whole('a whole number', 1, 6).default(5),
  /** Data folders the runs are spread over; runs in flight on the same folder share its vault and journals. */
  folders: whole('a whole number', 1, 4).default(2),
  'builtin-share': z.coerce.number({ error: 'must be a share from 0 to 1' }).min(0, 'must be a share from 0 to 1').max(1, 'must be a share from 0 to 1').default(0.15),
  'max-kills': whole('a whole number', 0, 10).default(2),
  'max-resumes': whole('a whole number', 1, 50).default(6),
  /** Mean seconds between SIGKILLs of the standalone sandbox; 0 never kills it. */
  'sandbox-restart-s': whole('a whole number of seconds', 0, 3600).default(30),
  faults: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  /**
   * The standalone sandbox's organization: TEST (at most 5 TSS not DISABLED, as at fiskaly) or LIVE (no such
   * limit; the CLI runs with --live --confirm-live LIVE). TSS the soak cannot disable (PIN and PUK lost) fill
   * a TEST organization, and every later run then stops at the limit; LIVE keeps such a soak informative.
   */
  environment: z.enum(['test', 'live'], { error: 'must be test or live' }).default('test'),
  /**
   * How a killed run is found again: from its journal file (no process; the default, to stay within ten
   * minutes) or with `tss-companion runs` after every kill. The final sweep runs `runs` in every folder either way.
   */
  'find-runs': z.enum(['journals', 'cli'], { error: 'must be journals or cli' }).default('journals'),
  'attempt-timeout-s': whole('a whole number of seconds', 5, 600).default(90),
  'work-dir': z.string().min(1, 'needs a folder').optional(),
  keep: z.boolean().default(false),
  json: z.boolean().default(false),
});

export type SoakOptions = z.output<typeof SoakOptions>;

export class SoakUsageError extends Error {}

/** Flags (validated), then SOAK_RUNS / SOAK_SEED from the environment; throws SoakUsageError with the usage. */
export function parseSoakOptions(argv: string[], env: NodeJS.ProcessEnv): SoakOptions | 'help' {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        runs: { type: 'string' },
        seed: { type: 'string' },
        concurrency: { type: 'string' },
        folders: { type: 'string' },
        'builtin-share': { type: 'string' },
        'max-kills': { type: 'string' },
        'max-resumes': { type: 'string' },
        'sandbox-restart-s': { type: 'string' },
        faults: { type: 'string' },
        environment: { type: 'string' },
        'find-runs': { type: 'string' },
        'attempt-timeout-s': { type: 'string' },
        'work-dir': { type: 'string' },
        keep: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new SoakUsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) return 'help';
  const fromEnv = (flag: string, name: string) => {
    if (values[flag] !== undefined || env[name] === undefined || env[name] === '') return;
    values[flag] = env[name];
  };
  fromEnv('runs', 'SOAK_RUNS');
  fromEnv('seed', 'SOAK_SEED');
  for (const [flag, value] of Object.entries(values)) {
    // z.coerce.number turns "" and "  " into 0: an empty value is a mistake, not zero.
    if (typeof value === 'string' && value.trim() === '') throw new SoakUsageError(`--${flag} needs a value\n${USAGE}`);
  }
  const parsed = SoakOptions.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = issue.path.join('.');
    const from = flag === 'runs' && values.runs === env.SOAK_RUNS ? ' (from SOAK_RUNS)' : flag === 'seed' && values.seed === env.SOAK_SEED ? ' (from SOAK_SEED)' : '';
    throw new SoakUsageError(`--${flag}${from} ${issue.message}, got ${JSON.stringify(values[flag])}\n${USAGE}`);
  }
  return parsed.data;
}

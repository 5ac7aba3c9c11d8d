import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PRODUCTS, sandboxBaseUrl } from '../../../../preload/contract/core/products';
import { type Sandbox, createSandbox } from './server';
import { SANDBOX_SEEDS } from './v1/options';
import { V1_STORE_SEED } from './v1/seed';

const USAGE =
  'usage: npm run sandbox -- [--port 8787] [--api-key KEY --api-secret SECRET] [--env TEST|LIVE] [--state FILE] [--deploy-delay-ms 3000]\n' +
  '  [--export-base-ms 3000] [--export-per-log-ms 20] [--list-tx-per-minute 20] [--export-polls-per-minute 12] [--seed v1-store]';

const CliOptions = z
  .object({
    port: z.coerce.number({ error: 'must be a whole number from 0 to 65535' }).int().min(0).max(65_535).default(8787),
    'api-key': z.string().min(1).optional(),
    'api-secret': z.string().min(1).optional(),
    env: z.enum(['TEST', 'LIVE']).default('TEST'),
    state: z.string().min(1).optional(),
    'deploy-delay-ms': z.coerce.number({ error: 'must be a whole number of milliseconds' }).int().min(0).max(120_000).default(3000),
    'export-base-ms': z.coerce.number({ error: 'must be a whole number of milliseconds' }).int().min(0).max(86_400_000).optional(),
    'export-per-log-ms': z.coerce.number({ error: 'must be a whole number of milliseconds' }).int().min(0).max(3_600_000).optional(),
    'list-tx-per-minute': z.coerce.number({ error: 'must be a whole number from 1 to 1000000' }).int().min(1).max(1_000_000).optional(),
    'export-polls-per-minute': z.coerce.number({ error: 'must be a whole number from 1 to 1000000' }).int().min(1).max(1_000_000).optional(),
    seed: z.enum(SANDBOX_SEEDS, { error: `must be one of: ${SANDBOX_SEEDS.join(', ')}` }).optional(),
  })
  .refine((o) => (o['api-key'] === undefined) === (o['api-secret'] === undefined), {
    message: '--api-key and --api-secret go together',
  });

/** Parses the sandbox's command line; throws one plain sentence on bad input. */
export function parseSandboxArgs(argv: string[]): z.output<typeof CliOptions> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        'api-key': { type: 'string' },
        'api-secret': { type: 'string' },
        env: { type: 'string' },
        state: { type: 'string' },
        'deploy-delay-ms': { type: 'string' },
        'export-base-ms': { type: 'string' },
        'export-per-log-ms': { type: 'string' },
        'list-tx-per-minute': { type: 'string' },
        'export-polls-per-minute': { type: 'string' },
        seed: { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const parsed = CliOptions.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.length ? `--${issue.path.join('.')}: ` : ''}${issue.message}\n${USAGE}`);
  }
  return parsed.data;
}

/** Starts the standalone sandbox and prints where it is and how to log in. */
export async function runSandboxCli(argv: string[], print: (line: string) => void = console.log): Promise<Sandbox> {
  const args = parseSandboxArgs(argv);
  const sandbox = await createSandbox({
    port: args.port,
    stateFile: args.state,
    // A sandbox killed a moment ago still holds the state file's lock until it goes stale (5 s).
    stateFileWaitMs: 12_000,
    deployDelayMs: args['deploy-delay-ms'],
    exportDuration: { baseMs: args['export-base-ms'], perLogMs: args['export-per-log-ms'] },
    limits: { listTransactionsPerMinute: args['list-tx-per-minute'], exportPollsPerMinute: args['export-polls-per-minute'] },
    seed: args.seed,
    organizations:
      args['api-key'] && args['api-secret']
        ? [{ apiKey: args['api-key'], apiSecret: args['api-secret'], env: args.env }]
        : undefined,
  });
  print(`fiskaly SIGN DE v2 sandbox at ${sandbox.url}`);
  for (const org of sandbox.organizations) {
    print(`organization ${org.id} (${org.env}): api_key=${org.apiKey} api_secret=${org.apiSecret}`);
  }
  print(`fiskaly SIGN DE v1 (same keys) at ${new URL(sandbox.url).origin}/api/v1`);
  if (args.seed === 'v1-store') {
    print(`seed v1-store: V1 TSS ${V1_STORE_SEED.tssId} (${V1_STORE_SEED.description}, INITIALIZED, 3 tills), V1 TSS ${V1_STORE_SEED.disabledTss.tssId} (DISABLED)`);
  }
  const others = (['sign-at', 'sign-es', 'unified'] as const).map((id) => `${PRODUCTS[id].label} ${sandboxBaseUrl(sandbox.url, id)}`);
  print(`auth only (same keys): ${others.join(', ')}`);
  print(args.state ? `state kept in ${args.state}` : 'state kept in memory (use --state FILE to keep it)');
  return sandbox;
}

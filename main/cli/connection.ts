import type { ApiCredentials } from '../core/session/auth-patterns';
import type { FiskalyClient } from '../products/sign-de/api/client';
import type { Connections } from '../products/sign-de/connections/connections';
import { DEFAULT_ORGANIZATION } from '../products/sign-de/sandbox/organizations';
import { UsageError } from './exit-codes';

export interface Connection {
  client: FiskalyClient;
  environment: 'sandbox' | 'test' | 'live';
}

/** The flags that say where a command works: `--sandbox`, or `--base-url URL` (with `--live` for LIVE). */

export interface ConnectionFlags {
  sandbox?: boolean;
  'base-url'?: string;
  live?: boolean;
}

/** connect() with the parsed flags --sandbox, --base-url and --live. */
export function connectWithFlags(flags: ConnectionFlags, connections: Connections, env: NodeJS.ProcessEnv): Promise<Connection> {
  return connect({ sandbox: Boolean(flags.sandbox), baseUrl: flags['base-url'], live: Boolean(flags.live) }, connections, env);
}

/**
 * `--sandbox` uses the data folder's built-in sandbox (served by this process or another one on the folder), its state kept in the data folder so training
 * stores survive; `--base-url` talks to fiskaly (or any SIGN DE v2 API) with the key from the environment.
 * The client is the services' (closed with them).
 */
export async function connect(options: { sandbox: boolean; baseUrl?: string; live: boolean }, connections: Connections, env: NodeJS.ProcessEnv): Promise<Connection> {
  if (options.sandbox === Boolean(options.baseUrl)) throw new UsageError('Say where to provision: --sandbox or --base-url URL (one of them).');
  const credentials = credentialsFromEnv(env) ?? undefined;
  if (options.sandbox) {
    // Shared with the app and other CLI runs on this data folder: one owner, the others use its address.
    return { client: await connections.clientAt('sandbox', credentials), environment: 'sandbox' };
  }
  if (!credentials) throw new UsageError(MISSING_CREDENTIALS);
  checkBaseUrl(options.baseUrl!, 'https://kassensichv-middleware.fiskaly.com/api/v2');
  return { client: await connections.clientAt({ baseUrl: options.baseUrl! }, credentials), environment: options.live ? 'live' : 'test' };
}

/** The built-in sandbox's default organization: what `--sandbox` logs in with when no key is set. */
export const SANDBOX_CREDENTIALS: ApiCredentials = { apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret };

export const MISSING_CREDENTIALS = 'Set FISKALY_API_KEY and FISKALY_API_SECRET to the store’s fiskaly API key (never pass them as flags).';

/** FISKALY_API_KEY and FISKALY_API_SECRET: both or neither (null). */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): ApiCredentials | null {
  const key = env.FISKALY_API_KEY;
  const secret = env.FISKALY_API_SECRET;
  if (Boolean(key) !== Boolean(secret)) throw new UsageError('Set both FISKALY_API_KEY and FISKALY_API_SECRET, or neither.');
  return key && secret ? { apiKey: key, apiSecret: secret } : null;
}

/** `--base-url` must be a URL; `example` shows one. */
export function checkBaseUrl(baseUrl: string, example: string): void {
  try {
    new URL(baseUrl);
  } catch {
    throw new UsageError(`--base-url ${baseUrl} is not a URL (e.g. ${example}).`);
  }
}

import { parseSandboxArgs, runSandboxCli } from '../products/sign-de/sandbox/cli';
import type { CommandIo } from './command-io';
import { credentialsFromEnv } from './connection';
import { UsageError } from './exit-codes';

/**
 * The standalone sandbox's arguments: the flags as given, and its organization's key and secret from
 * FISKALY_API_KEY / FISKALY_API_SECRET (the ones the other commands then log in with), never from a flag.
 */
export function sandboxArgv(values: Record<string, unknown>, env: NodeJS.ProcessEnv): string[] {
  const credentials = credentialsFromEnv(env);
  const flags = Object.entries(values).flatMap(([name, value]) => [`--${name}`, String(value)]);
  return credentials ? [...flags, '--api-key', credentials.apiKey, '--api-secret', credentials.apiSecret] : flags;
}

/**
 * `tss-companion sandbox`: the standalone sandbox. The sandbox's own parser checks the values and says what
 * is wrong (here a usage error like any other). Running, it keeps the process alive: this only comes back
 * when it could not start.
 */
export async function sandboxCommand(values: Record<string, unknown>, io: Pick<CommandIo, 'out' | 'env'>): Promise<number> {
  const argv = sandboxArgv(values, io.env);
  try {
    parseSandboxArgs(argv);
  } catch (error) {
    const [reason = 'bad arguments'] = (error as Error).message.split('\n');
    throw new UsageError(`sandbox: ${reason} (tss-companion sandbox --help lists what it takes)`);
  }
  // A secret given through the environment is not printed back.
  const secret = credentialsFromEnv(io.env)?.apiSecret;
  await runSandboxCli(argv, secret ? (line) => io.out(line.replaceAll(secret, '(FISKALY_API_SECRET)')) : io.out);
  return new Promise<number>(() => {});
}

import { parseSandboxArgs, runSandboxCli } from '../products/sign-de/sandbox/cli';
import type { CommandIo } from './command-io';
import { UsageError } from './exit-codes';

/**
 * `tss-companion sandbox`: the standalone sandbox. The sandbox's own parser checks the values and says what
 * is wrong (here a usage error like any other). Running, it keeps the process alive: this only comes back
 * when it could not start.
 */
export async function sandboxCommand(values: Record<string, unknown>, io: Pick<CommandIo, 'out'>): Promise<number> {
  const argv = Object.entries(values).flatMap(([name, value]) => [`--${name}`, String(value)]);
  try {
    parseSandboxArgs(argv);
  } catch (error) {
    const [reason = 'bad arguments'] = (error as Error).message.split('\n');
    throw new UsageError(`sandbox: ${reason} (tss-companion sandbox --help lists what it takes)`);
  }
  await runSandboxCli(argv, io.out);
  return new Promise<number>(() => {});
}

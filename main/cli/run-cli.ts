import { defaultDataDir } from '../data-dir';
import { AppError } from '../errors';
import { runSandboxCli } from '../sandbox/cli';
import { VaultError } from '../vault';
import { EXIT, UsageError } from './exit-codes';
import { type CommandIo, provisionCommand } from './provision-command';
import { recoverCommand } from './recover-command';
import { runsCommand } from './runs-command';
import { verifyQrCommand } from './verify-qr-command';

export const USAGE = `usage: tss-companion <command>
  provision (--sandbox | --base-url URL [--live --confirm-live LIVE]) (--clients N [--store NAME] [--no-receipt] | --plan FILE | --resume RUN_ID) [--client-concurrency N] [--json]
  runs [--json]                         list provisioning runs (unfinished first, each with what to do next)
  runs resume RUN_ID (--sandbox | --base-url URL [--live]) [--repair] [--client-concurrency N]
  runs abandon RUN_ID                   give an unfinished run up (nothing is deleted)
  verify-qr "<qr_code_data>" [--tss-serial HEX] [--json]
  recover list | reveal TSS_ID | unblock TSS_ID (--sandbox | --base-url URL) | import FILE
  sandbox [--port 8787] [--api-key K --api-secret S] [--state FILE]
options for every command: --data-dir DIR (else TSS_COMPANION_DATA_DIR, else the app's own folder)
secrets come from the environment only: FISKALY_API_KEY, FISKALY_API_SECRET, TSS_COMPANION_PASSPHRASE`;

/** Pulls the shared --data-dir option out of the arguments. */
function takeDataDir(argv: string[], env: NodeJS.ProcessEnv): { dataDir: string; rest: string[] } {
  const rest = [...argv];
  const at = rest.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='));
  if (at === -1) return { dataDir: defaultDataDir(env), rest };
  const [flag] = rest.splice(at, 1);
  const value = flag!.includes('=') ? flag!.slice('--data-dir='.length) : rest.splice(at, 1)[0];
  if (!value) throw new UsageError('--data-dir needs a folder');
  return { dataDir: value, rest };
}

/** Runs one command line; every failure becomes one clear line on stderr and a documented exit code. */
export async function runCli(argv: string[], io: Omit<CommandIo, 'dataDir'>): Promise<number> {
  try {
    const [command, ...args] = argv;
    if (!command || command === '--help' || command === 'help') {
      io.out(USAGE);
      return command ? EXIT.ok : EXIT.usage;
    }
    const { dataDir, rest } = takeDataDir(args, io.env);
    const full = { ...io, dataDir };
    switch (command) {
      case 'provision':
        return await provisionCommand(rest, full);
      case 'runs':
        return await runsCommand(rest, full);
      case 'verify-qr':
        return verifyQrCommand(rest, full);
      case 'recover':
        return await recoverCommand(rest, full);
      case 'sandbox':
        await runSandboxCli(rest, io.out);
        return await new Promise<number>(() => {});
      default:
        throw new UsageError(`unknown command "${command}"\n${USAGE}`);
    }
  } catch (error) {
    return report(error, io.err);
  }
}

function report(error: unknown, err: (line: string) => void): number {
  const code = (error as { code?: string }).code;
  if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
    err(`tss-companion: ${(error as Error).message}`);
    return EXIT.usage;
  }
  if (error instanceof VaultError) {
    err(`tss-companion: ${error.message}`);
    return EXIT.vault;
  }
  if (error instanceof AppError) {
    err(`tss-companion: ${error.message}`);
    return error.code === 'E_ADMIN_PIN_BLOCKED' ? EXIT.pinBlocked : EXIT.failed;
  }
  if (error instanceof Error && /sandbox|passphrase|terminal/i.test(error.message) && !/\n/.test(error.message)) {
    err(`tss-companion: ${error.message}`);
    return EXIT.failed;
  }
  err(`tss-companion: unexpected ${error instanceof Error ? error.name : typeof error}; nothing was lost, run the command again`);
  return EXIT.failed;
}

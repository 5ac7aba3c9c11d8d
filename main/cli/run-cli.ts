import { DATA_SUBFOLDERS } from '../core/data-dir';
import { securePrivateTree } from '../core/durable/private-folder';
import { parseSandboxArgs, runSandboxCli } from '../products/sign-de/sandbox/cli';
import { refuseControlCharacters, takeDataDir } from './arguments';
import { commandServices } from './cli-services';
import { CONNECT_USAGE, connectCommand } from './connect-command';
import { describeFailure, failureLines } from './error-report';
import { EXIT, UsageError } from './exit-codes';
import { HANDOVER_USAGE, handoverCommand } from './handover-command';
import { type CommandIo, provisionCommand } from './provision-command';
import { recoverCommand } from './recover-command';
import { runsCommand } from './runs-command';
import { STORE_USAGE, storeCommand } from './store-command';
import { vaultCommand } from './vault-command';
import { verifyQrCommand } from './verify-qr-command';

export const USAGE = `usage: tss-companion <command>
  provision (--sandbox | --base-url URL [--live --confirm-live LIVE]) (--client SERIAL… [--store NAME] [MASTER DATA] [--no-receipt] | --clients N (sandbox) | --plan FILE | --resume RUN_ID) [--client-concurrency N] [--json]
      MASTER DATA (required in TEST and LIVE): --legal-name --tax-number --bundesland [--vat-id] [--designation] --street --house-number [--house-number-suffix] --postcode --town
      till details for every --client: [--kind 1-5] [--software] [--software-version] [--manufacturer] [--model] [--acquisition-date] [--commissioning-date]
  runs [--json]                         list provisioning runs (unfinished first, each with what to do next)
  runs resume RUN_ID (--sandbox | --base-url URL [--live]) [--repair] [--client-concurrency N]
  runs abandon RUN_ID                   give an unfinished run up (nothing is deleted)
  ${STORE_USAGE}
  verify-qr "<qr_code_data>" [--tss-serial HEX] [--json]
  ${HANDOVER_USAGE.replace('usage: tss-companion ', '')}
                                        the store's § 146a(4) AO handover: PDF, JSON and (experimental) ELSTER XML
  ${CONNECT_USAGE}
  recover list | reveal TSS_ID | unblock TSS_ID (--sandbox | --base-url URL) | import FILE
  vault restore-previous                after a damaged or rolled-back vault: put the previous generation back
  sandbox [--port 8787] [--api-key K --api-secret S] [--state FILE] [--deploy-delay-ms MS]
options for every command: --data-dir DIR (else TSS_COMPANION_DATA_DIR, else the app's own folder)
secrets come from the environment only: FISKALY_API_KEY, FISKALY_API_SECRET, TSS_COMPANION_PASSPHRASE`;

/** Runs one command line; every failure becomes one clear line on stderr and a documented exit code. */
export async function runCli(argv: string[], io: Omit<CommandIo, 'dataDir' | 'services'>): Promise<number> {
  try {
    const [command, ...args] = argv;
    if (!command || command === '--help' || command === 'help') {
      io.out(USAGE);
      return command ? EXIT.ok : EXIT.usage;
    }
    refuseControlCharacters(argv, io.env);
    const { dataDir, rest } = takeDataDir(args, io.env);
    const services = commandServices(dataDir);
    const full = { ...io, dataDir, services: services.get };
    // Owner-only, and crashed writers' temp files gone, before a command writes into the data folder.
    if (['provision', 'runs', 'store', 'recover', 'vault', 'handover'].includes(command)) await securePrivateTree(dataDir, DATA_SUBFOLDERS);
    try {
      switch (command) {
        case 'provision':
          return await provisionCommand(rest, full);
        case 'runs':
          return await runsCommand(rest, full);
        case 'store':
          return await storeCommand(rest, full);
        case 'verify-qr':
          return verifyQrCommand(rest, full);
        case 'handover':
          return await handoverCommand(rest, full);
        case 'connect':
          return await connectCommand(rest, full);
        case 'recover':
          return await recoverCommand(rest, full);
        case 'vault':
          return await vaultCommand(rest, full);
        case 'sandbox':
          sandboxArgs(rest);
          await runSandboxCli(rest, io.out);
          return await new Promise<number>(() => {});
        default:
          throw new UsageError(`unknown command "${command}"\n${USAGE}`);
      }
    } finally {
      // Sessions closed, the sandbox handed over, the vault's key forgotten: as the app does on quit.
      await services.close();
    }
  } catch (error) {
    return report(error, io.err);
  }
}

function report(error: unknown, err: (line: string) => void): number {
  const failure = describeFailure(error);
  err(failureLines(failure));
  return failure.exit;
}

/** The sandbox's own parser says what is wrong; here that is a usage error like any other. */
function sandboxArgs(argv: string[]): void {
  try {
    parseSandboxArgs(argv);
  } catch (error) {
    const [reason = 'bad arguments'] = (error as Error).message.split('\n');
    throw new UsageError(`sandbox: ${reason}\n  sandbox [--port 8787] [--api-key K --api-secret S] [--state FILE] [--deploy-delay-ms MS]`);
  }
}

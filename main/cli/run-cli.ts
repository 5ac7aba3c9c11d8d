import { type Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { refuseControlCharacters, takeDataDir } from './arguments';
import type { CommandServices } from './cli-services';
import type { CommandIo } from './command-io';
import { EXIT, UsageError } from './exit-codes';
import { type CommandName, type Parsed, buildProgram } from './program';

export type CliIo = Omit<CommandIo, 'dataDir' | 'dataDirGiven' | 'services'>;

/** Commands that write into the data folder: it is made owner-only (and crashed writers' temp files removed) first. */
const WRITING: ReadonlySet<string> = new Set(['provision', 'migrate', 'runs', 'store', 'recover', 'vault', 'handover']);

/**
 * Runs one command line; every failure becomes one clear line on stderr (and with --json a JSON object on
 * stdout) and a documented exit code (exit-codes.ts). A command's code is loaded only when it runs.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let services: CommandServices | null = null;
  let program: Command | null = null;
  try {
    refuseControlCharacters(argv, io.env);
    const { dataDir, rest, given } = takeDataDir(argv, io.env);
    let exit: number = EXIT.ok;
    program = buildProgram(packageJson.version, io, async (name, parsed) => {
      if (WRITING.has(name.split(' ')[0]!)) {
        const [{ securePrivateTree }, { DATA_SUBFOLDERS }] = await Promise.all([import('../core/durable/private-folder'), import('../core/data-dir')]);
        await securePrivateTree(dataDir, DATA_SUBFOLDERS);
      }
      const { commandServices } = await import('./cli-services');
      services = commandServices(dataDir);
      exit = await dispatch(name, parsed, { ...io, dataDir, dataDirGiven: given, services: services.get });
    });
    await program.parseAsync(rest, { from: 'user' });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      // `help [command]` (exit code 0, on stdout), or no command or subcommand given (on stderr).
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { reportFailure } = await import('./failure-output');
    const failure = error instanceof CommanderError ? new UsageError(parserMessage(error, program, argv)) : error;
    return reportFailure(failure, io, argv.includes('--json'));
  } finally {
    // Sessions closed, the sandbox handed over, the vault's key forgotten: as the app does on quit.
    await (services as CommandServices | null)?.close();
  }
}

/** Commander's refusal as one line, with the usage of the command it is about and where its help is. */
function parserMessage(error: CommanderError, program: Command | null, argv: string[]): string {
  const words = error.message.replace(/^error: /, '').split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
  const sentence = (words.charAt(0).toUpperCase() + words.slice(1)).replace(/\.$/, '');
  const { path, command } = commandOf(program, argv);
  const name = ['tss-companion', ...path].join(' ');
  return `${sentence}; usage: ${name} ${command?.usage() ?? '<command>'} (${name} --help lists what it takes)`;
}

/** The command (and subcommand) an argument list names, as far as it names known ones. */
function commandOf(program: Command | null, argv: string[]): { path: string[]; command: Command | null } {
  const path: string[] = [];
  let command = program;
  for (const arg of argv) {
    const next = command?.commands.find((c) => c.name() === arg);
    if (!next) break;
    path.push(arg);
    command = next;
  }
  return { path, command };
}

async function dispatch(name: CommandName, parsed: Parsed, io: CommandIo): Promise<number> {
  const { values, positionals } = parsed;
  switch (name) {
    case 'provision':
      return (await import('./provision-command')).provisionCommand(values, io);
    case 'migrate':
      return (await import('./migrate-command')).migrateCommand(values, io);
    case 'runs':
      return (await import('./runs-command')).listRunsCommand(values, io);
    case 'runs resume':
      return (await import('./runs-command')).resumeRunCommand(positionals[0]!, values, io);
    case 'runs abandon':
      return (await import('./runs-command')).abandonRunCommand(positionals[0]!, io);
    case 'store add-till':
      return (await import('./store-command')).addTillCommand(values, io);
    case 'verify-qr':
      return (await import('./verify-qr-command')).verifyQrCommand(positionals[0]!, values, io);
    case 'handover':
      return (await import('./handover-command')).handoverCommand(values, io);
    case 'connect':
      return (await import('./connect-command')).connectCommand(values, io);
    case 'recover list':
    case 'recover reveal':
    case 'recover unblock':
    case 'recover import':
      return (await import('./recover-command')).recoverCommand(name, positionals[0], values, io);
    case 'vault restore-previous':
      return (await import('./vault-command')).vaultCommand(io);
    case 'sandbox':
      return (await import('./sandbox-command')).sandboxCommand(values, io);
  }
}

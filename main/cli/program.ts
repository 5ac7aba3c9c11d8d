import { Command, Option } from 'commander';
import { productIds } from '../../preload/contract/core/products';
import { MASTER_DATA_FLAGS, TILL_FLAGS } from './store-flag-names';

/** What the parser made of one command line: the flags by their long name (`base-url`), and the operands. */
export interface Parsed {
  values: Record<string, unknown>;
  positionals: string[];
}

/** Every command (a subcommand spelt with its parent, `runs resume`) the parser hands on. */
export type CommandName =
  | 'provision'
  | 'migrate'
  | 'runs'
  | 'runs resume'
  | 'runs abandon'
  | 'store add-till'
  | 'verify-qr'
  | 'handover'
  | 'connect'
  | 'recover list'
  | 'recover reveal'
  | 'recover unblock'
  | 'recover import'
  | 'vault restore-previous'
  | 'sandbox';

export interface ProgramOutput {
  out(text: string): void;
  err(text: string): void;
}

/** The environment variables the CLI reads; secrets come from here (or a prompt), never from a flag. */
export const ENVIRONMENT_HELP = `
Environment:
  TSS_COMPANION_DATA_DIR               the data folder when --data-dir is not given (else the app's own)
  FISKALY_API_KEY, FISKALY_API_SECRET  the store's fiskaly API key, for --base-url (never as flags)
  TSS_COMPANION_PASSPHRASE             the passphrase of this laptop's vault (else asked on the terminal)
  TSS_COMPANION_RECOVERY_PASSPHRASE    recover import: the passphrase the recovery FILE was saved with
                                       (else asked on the terminal; it may differ from the vault's)
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY    a proxy to reach fiskaly through (lower case too); the built-in
                                       sandbox on this laptop is always reached directly

Exit codes: 0 done, 1 failed (a resume may fix it), 2 bad arguments, 3 admin PIN blocked / key refused,
4 vault not opened, 130 stopped with Ctrl+C (a run prints its resume command; at a passphrase question nothing changed).`;

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** `--sandbox`, `--base-url URL` and `--live`: where a command talks to fiskaly. */
function connectionOptions(command: Command, live = true): Command {
  command
    .option('--sandbox', 'use the built-in sandbox of the data folder (no fiskaly account needed)')
    .option('--base-url <url>', 'fiskaly SIGN DE v2 (e.g. https://kassensichv-middleware.fiskaly.com/api/v2), key from FISKALY_API_KEY/SECRET');
  if (live) command.option('--live', 'the key is a LIVE key (with --base-url)');
  return command;
}

function storeOptions(command: Command): Command {
  command
    .option('--store <name>', 'the store’s name (with --client or --clients)')
    .addOption(new Option('--client <serial>', 'a till’s serial number; repeat for each till').argParser(collect))
    .option('--clients <n>', 'sandbox only: this many tills with invented serials')
    .option('--no-receipt', 'skip the signed test receipt');
  for (const flag of Object.keys(MASTER_DATA_FLAGS)) command.option(`--${flag} <value>`, `master data: ${flag.replaceAll('-', ' ')} (required in TEST and LIVE unless in [ ])`);
  for (const flag of Object.keys(TILL_FLAGS)) command.option(`--${flag} <value>`, `till details for every --client: ${flag.replaceAll('-', ' ')}`);
  return command;
}

/** The flags given, by their long name; a `--no-x` flag given reads `'no-x': true`. */
export function valuesOf(command: Command): Record<string, unknown> {
  const opts = command.opts();
  const values: Record<string, unknown> = {};
  for (const option of command.options) {
    const name = option.long!.slice(2);
    const value = opts[option.attributeName()];
    if (option.negate) {
      if (value === false) values[name] = true;
    } else if (value !== undefined) values[name] = value;
  }
  return values;
}

/**
 * The command tree: every command and flag with its help (`-h`/`--help` on each), `--version`, and strict
 * refusal of unknown flags and extra operands. Parsing only: `run` loads and runs a command once its line is
 * accepted, so `--help`, `--version` and a refused line load nothing else. Errors are thrown (exitOverride),
 * never printed here; the caller words them.
 */
export function buildProgram(version: string, output: ProgramOutput, run: (name: CommandName, parsed: Parsed) => Promise<void>): Command {
  const program = new Command('tss-companion');
  program
    .description('Provision fiskaly SIGN DE cloud TSS from the command line: stores, tills, PIN/PUK vault, handover.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for the command')
    .helpCommand('help [command]', 'show help for a command')
    // Taken out before parsing (it may stand anywhere); declared here for the help only.
    .option('--data-dir <dir>', 'the data folder (else TSS_COMPANION_DATA_DIR, else the app’s own folder)')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({ writeOut: (text) => output.out(text.trimEnd()), writeErr: (text) => output.err(text.trimEnd()), outputError: () => {} })
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText('after', ENVIRONMENT_HELP);

  const leaf = (command: Command, name: CommandName) => {
    // Where the secrets and the data folder come from, on every command that uses them.
    if (name !== 'verify-qr' && name !== 'sandbox') command.addHelpText('after', ENVIRONMENT_HELP);
    return command.action(async (...args: unknown[]) => {
      const self = args.at(-1) as Command;
      await run(name, { values: valuesOf(self), positionals: self.args });
    });
  };

  const provision = program
    .command('provision')
    .description('set up stores: one from flags, many from a plan file, or continue one with --resume')
    .option('--confirm-live <LIVE>', 'with --live: type LIVE to create real, billable TSS')
    .option('--plan <file>', 'a plan file (JSON or CSV) of one or many stores; - reads it from stdin')
    .option('--resume <run-id>', 'continue a stopped run (tss-companion runs lists them)')
    .option('--client-concurrency <n>', 'how many tills register at once')
    .option('--json', 'print the reports (and failures) as JSON on stdout');
  connectionOptions(provision);
  storeOptions(provision);
  leaf(provision, 'provision');

  leaf(
    program
      .command('migrate')
      .usage('(--sandbox | --base-url-v1 URL --base-url-v2 URL [--live]) [--tss V1_TSS_ID] [--prepare-only | --resume RUN_ID] [--json] [--yes] [--confirm-live NAME]')
      .description('move a store from SIGN DE V1 to V2: new TSS and clients, V1 closed, exported and disabled last')
      .option('--sandbox', 'use the built-in sandbox of the data folder (its /api/v1 and /api/v2)')
      .option('--base-url-v1 <url>', 'fiskaly SIGN DE V1 (e.g. https://kassensichv.io/api/v1), key from FISKALY_API_KEY/SECRET')
      .option('--base-url-v2 <url>', 'fiskaly SIGN DE V2 (e.g. https://kassensichv-middleware.fiskaly.com/api/v2)')
      .option('--live', 'the key is a LIVE key (with the base URLs)')
      .option('--tss <v1-tss-id>', 'the V1 TSS to migrate (else the one in use)')
      .option('--store <name>', 'the store’s name (else the V1 TSS description)')
      .option('--prepare-only', 'set V2 up and stop; V1 stays untouched (resume later for the cut-over)')
      .option('--resume <run-id>', 'continue a migration run where it stopped')
      .option('--yes', 'accept the suggested serial fixes and confirm the cut-over (unattended use)')
      .option('--confirm-live <name>', 'in LIVE: the store’s name, to disable its V1 TSS for good')
      .option('--json', 'print the run report with the POS mapping as JSON'),
    'migrate',
  );

  const runs = program.command('runs').description('list provisioning runs, unfinished first, each with what to do next').option('--json', 'print the list as JSON');
  leaf(runs, 'runs');
  const resume = runs
    .command('resume <run-id>')
    .description('continue a run where it stopped (after comparing with fiskaly)')
    .option('--repair', 'also check and repair a finished run')
    .option('--client-concurrency <n>', 'how many tills register at once')
    .option('--json', 'print the report (or the failure) as JSON');
  connectionOptions(resume);
  leaf(resume, 'runs resume');
  leaf(runs.command('abandon <run-id>').description('give an unfinished run up (nothing is deleted)'), 'runs abandon');

  const store = program.command('store').description('change a store set up on this laptop');
  const addTill = store
    .command('add-till')
    .usage('--tss TSS_ID --client SERIAL [--client SERIAL...] (--sandbox | --base-url URL [--live --confirm-live LIVE]) [--json]')
    .description('register more tills on a store’s TSS and record them (a notifiable change: hand over anew)')
    .option('--tss <tss-id>', 'the store’s TSS id (tss-companion recover list shows it)')
    .addOption(new Option('--client <serial>', 'a new till’s serial number; repeat for each till').argParser(collect))
    .option('--confirm-live <LIVE>', 'with --live: type LIVE to add real clients')
    .option('--json', 'print the store record as JSON');
  connectionOptions(addTill);
  leaf(addTill, 'store add-till');

  leaf(
    program
      .command('verify-qr <qr-code-data>')
      .description('check a receipt’s QR code text and its signature (exit 0 valid, 1 invalid, 2 not parseable)')
      .option('--tss-serial <hex>', 'the TSS serial number it must come from (64 hex characters)')
      .option('--json', 'print the checks as JSON'),
    'verify-qr',
  );

  leaf(
    program
      .command('handover')
      .description('the store’s § 146a(4) AO handover: PDF, JSON and (experimental) ELSTER XML')
      .option('--run <run-id>', 'the store of this finished run')
      .option('--tss <tss-id>', 'the store of this TSS')
      .option('--out <dir>', 'the folder to write the files into')
      .option('--json', 'print the handover JSON (the paths on stderr)'),
    'handover',
  );

  const connect = program
    .command('connect')
    .description('log in to a fiskaly product and show environment, organization and token expiry (exit 3: key refused)')
    .option('--product <product>', `one of ${productIds.join(', ')}`)
    .option('--scope <unit-id>', 'Unified API: the organization unit')
    .option('--json', 'print the result as JSON');
  connectionOptions(connect, false);
  leaf(connect, 'connect');

  const recover = program.command('recover').description('the vault’s PUKs: list, reveal, unblock a blocked admin PIN, import a recovery file');
  leaf(recover.command('list').description('the TSS the vault knows (works offline)').option('--json', 'print the list as JSON'), 'recover list');
  leaf(recover.command('reveal <tss-id>').description('show a TSS’s PUK'), 'recover reveal');
  leaf(connectionOptions(recover.command('unblock <tss-id>').description('set a new admin PIN with the PUK and check it with a login')), 'recover unblock');
  leaf(
    recover
      .command('import <file>')
      .description('import a recovery file into this laptop’s vault (made on first use)')
      .addHelpText(
        'after',
        '\nTwo passphrases: the vault’s (TSS_COMPANION_PASSPHRASE, else asked) and the recovery FILE’s, the one it was\n' +
          'saved with (TSS_COMPANION_RECOVERY_PASSPHRASE, else asked as "Passphrase of the recovery file").',
      ),
    'recover import',
  );

  const vault = program.command('vault').description('the vault of this laptop');
  leaf(vault.command('restore-previous').description('after a damaged or rolled-back vault: put the previous generation back'), 'vault restore-previous');

  leaf(
    program
      .command('sandbox')
      .description('run the sandbox (a stand-in for fiskaly SIGN DE) on its own')
      .option('--port <port>', 'the port (0: any free one)', undefined)
      .option('--env <TEST|LIVE>', 'the environment the tokens name')
      .option('--state <file>', 'keep the state in this file')
      .option('--deploy-delay-ms <ms>', 'how long a TSS takes to deploy')
      .option('--export-base-ms <ms>', 'how long an export takes at least')
      .option('--export-per-log-ms <ms>', 'and per log')
      .option('--list-tx-per-minute <n>', 'rate limit of transaction lists')
      .option('--export-polls-per-minute <n>', 'rate limit of export polls')
      .option('--seed <v1-store>', 'add a seed at the start: v1-store = a store still on SIGN DE V1, to practise the migration')
      .addHelpText(
        'after',
        '\nIts organization’s API key and secret: FISKALY_API_KEY and FISKALY_API_SECRET (both, never as flags; the\n' +
          'commands that then log in to it use the same two), else a default organization, printed at the start.',
      ),
    'sandbox',
  );
  return program;
}

/** What the parser makes of a command line, without running anything (for tests and tools). */
export async function parseCommandLine(argv: string[], output: ProgramOutput = { out: () => {}, err: () => {} }): Promise<{ name: CommandName; parsed: Parsed }> {
  let parsed: { name: CommandName; parsed: Parsed } | null = null;
  await buildProgram('0.0.0', output, async (name, line) => {
    parsed = { name, parsed: line };
  }).parseAsync(argv, { from: 'user' });
  if (!parsed) throw new Error(`no command in ${argv.join(' ')}`);
  return parsed;
}

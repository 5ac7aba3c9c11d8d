import { parseArgs } from 'node:util';
import { describeControlCharacter, findControlCharacter } from '../../preload/contract/core/control-characters';
import { defaultDataDir } from '../core/data-dir';
import { UsageError } from './exit-codes';

/**
 * Refuses any argument (and the data folder from the environment) holding a control or text-direction
 * character: every value the CLI takes is a name, a path, a URL, an id or a QR code text, none of which
 * has one, and echoing one would rewrite the technician's terminal.
 */
export function refuseControlCharacters(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  argv.forEach((arg, index) => {
    // A receipt's QR text is no name: an order's process data may hold line breaks (DSFinV-K Bestellung-V1).
    const qrText = argv[0] === 'verify-qr' && index > 0 && !arg.startsWith('--');
    const found = findControlCharacter(arg, { lineBreaks: qrText });
    if (!found) return;
    throw new UsageError(`${argumentName(argv, index)} ${describeControlCharacter(found)}`);
  });
  const dataDir = env.TSS_COMPANION_DATA_DIR;
  const found = dataDir === undefined ? null : findControlCharacter(dataDir);
  if (found) throw new UsageError(`TSS_COMPANION_DATA_DIR ${describeControlCharacter(found)}`);
}

/** "--store", "the value of --store", or "argument 3", for messages. */
function argumentName(argv: readonly string[], index: number): string {
  const arg = argv[index]!;
  if (arg.startsWith('--')) return arg.includes('=') ? `the value of ${arg.slice(0, arg.indexOf('='))}` : `the option ${printable(arg)}`;
  const previous = argv[index - 1];
  if (previous?.startsWith('--') && !previous.includes('=')) return `the value of ${previous}`;
  return `argument ${index + 1}`;
}

/** Takes the shared --data-dir option out of the arguments (node:util parseArgs finds it). */
export function takeDataDir(argv: readonly string[], env: NodeJS.ProcessEnv): { dataDir: string; rest: string[]; given: boolean } {
  const { tokens } = parseArgs({ args: [...argv], options: { 'data-dir': { type: 'string' } }, strict: false, allowPositionals: true, tokens: true });
  const taken = new Set<number>();
  let dataDir: string | undefined;
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name !== 'data-dir') continue;
    if (dataDir !== undefined) throw new UsageError('--data-dir is given twice');
    if (!token.value) throw new UsageError('--data-dir needs a folder: --data-dir DIR');
    dataDir = token.value;
    taken.add(token.index);
    if (!token.inlineValue) taken.add(token.index + 1);
  }
  return { dataDir: dataDir ?? defaultDataDir(env), rest: argv.filter((_, index) => !taken.has(index)), given: dataDir !== undefined };
}

/**
 * Text for the terminal: control and text-direction characters shown as \u{…} escapes, so nothing read
 * from a file, a journal or an error message can move the cursor, recolour or reorder the output.
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    out += char !== '\n' && findControlCharacter(char) ? `\\u{${char.codePointAt(0)!.toString(16)}}` : char;
  }
  return out;
}

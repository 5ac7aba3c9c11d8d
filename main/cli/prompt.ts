import { createInterface } from 'node:readline';
import { PromptCancelledError, UsageError } from './exit-codes';

/**
 * Asks for a secret on the terminal without echoing it. Refuses when there is no terminal to ask on, naming
 * what was asked for and the environment variable that gives it instead. Ctrl+C ends the question (exit 130),
 * as does the end of input (Ctrl+D) without an answer (exit 2): neither leaves the command waiting.
 */
export async function promptHidden(
  question: string,
  variable = 'TSS_COMPANION_PASSPHRASE',
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  const asked = question.replace(/:\s*$/, '');
  if (!input.isTTY) {
    throw new UsageError(`No terminal to ask "${asked}": set ${variable}.`);
  }
  const rl = createInterface({ input, output, terminal: true });
  const originalWrite = (rl as unknown as { _writeToOutput(s: string): void })._writeToOutput;
  let shown = false;
  (rl as unknown as { _writeToOutput(s: string): void })._writeToOutput = (text: string) => {
    if (!shown) {
      shown = true;
      originalWrite.call(rl, text);
    }
  };
  try {
    return await new Promise<string>((resolve, reject) => {
      // In raw mode Ctrl+C is a key, not a signal to the process: readline reports it here, or nowhere.
      rl.on('SIGINT', () => reject(new PromptCancelledError(asked)));
      // After an answer this comes from the close below and changes nothing.
      rl.on('close', () => reject(new UsageError(`No answer to "${asked}" (the input ended); nothing was changed.`)));
      rl.question(question, resolve);
    });
  } finally {
    rl.close();
    output.write('\n');
  }
}

import { createInterface } from 'node:readline';
import { UsageError } from './exit-codes';

/**
 * Asks for a secret on the terminal without echoing it. Refuses when there is no terminal to ask on, naming
 * what was asked for and the environment variable that gives it instead.
 */
export async function promptHidden(question: string, variable = 'TSS_COMPANION_PASSPHRASE', input = process.stdin, output = process.stderr): Promise<string> {
  if (!input.isTTY) {
    throw new UsageError(`No terminal to ask "${question.replace(/:\s*$/, '')}": set ${variable}.`);
  }
  const rl = createInterface({ input, output, terminal: true });
  const originalWrite = (rl as unknown as { _writeToOutput(s: string): void })._writeToOutput;
  let asked = false;
  (rl as unknown as { _writeToOutput(s: string): void })._writeToOutput = (text: string) => {
    if (!asked) {
      asked = true;
      originalWrite.call(rl, text);
    }
  };
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    output.write('\n');
  }
}

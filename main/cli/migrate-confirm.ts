import { createInterface } from 'node:readline';
import { PromptCancelledError, UsageError } from './exit-codes';

/** Whether there is a terminal to ask on. */
export const hasTerminal = (input: { isTTY?: boolean } = process.stdin): boolean => Boolean(input.isTTY);

/**
 * Asks one question on the terminal (the answer shown as typed). Without a terminal the command stops
 * before any change, naming the flag that answers it instead.
 */
export async function askLine(question: string, flag: string, input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<string> {
  if (!input.isTTY) throw new UsageError(`No terminal to ask "${question.replace(/[:?]\s*$/, '')}": add ${flag}. Nothing was changed.`);
  const rl = createInterface({ input, output, terminal: true });
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.on('SIGINT', () => reject(new PromptCancelledError(question)));
      rl.on('close', () => reject(new UsageError(`No answer to "${question}" (the input ended); nothing was changed.`)));
      rl.question(question, (answer) => resolve(answer.trim()));
    });
  } finally {
    rl.close();
  }
}

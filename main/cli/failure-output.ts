import { printable } from './arguments';
import { type FailureReport, describeFailure, failureLines } from './error-report';

/** A run's way back: its id and the exact command line that continues it. */
export interface RunWayBack {
  runId: string;
  resume: string;
}

/** A failure as `--json` prints it on stdout: the code, the words, the exit code, and a run's way back. */
export interface FailureJson {
  error: { code: string; message: string; exit: number; runId?: string; resume?: string };
}

export function failureJson(failure: FailureReport, run?: RunWayBack): FailureJson {
  return { error: { code: failure.code, message: failure.message, exit: failure.exit, ...(run ?? {}) } };
}

/** A failure of a command about a known run (before the run itself went on): reported with the run's way back. */
export class RunFailure extends Error {
  constructor(
    readonly reason: unknown,
    readonly run: RunWayBack,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'RunFailure';
  }
}

/** Does `work` for a known run: whatever stops it (vault, connection, a prompt) names the run and how to continue. */
export async function forRun<T>(run: RunWayBack, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof RunFailure ? error : new RunFailure(error, run);
  }
}

/**
 * Reports a failure that ends the command: one line on stderr (and a run's way back), with --json also the
 * object on stdout, the one failure shape of every command.
 */
export function reportFailure(error: unknown, io: { out(line: string): void; err(line: string): void }, json: boolean): number {
  const run = error instanceof RunFailure ? error.run : undefined;
  const failure = describeFailure(error instanceof RunFailure ? error.reason : error);
  io.err(failureLines(failure));
  if (run) io.err(printable(`next: ${run.resume}`));
  if (json) io.out(JSON.stringify(failureJson(failure, run), null, 2));
  return failure.exit;
}

import { type FailureReport, describeFailure, failureLines } from './error-report';

/** A failure as `--json` prints it on stdout: the code, the words, the exit code, and a run's way back. */
export interface FailureJson {
  error: { code: string; message: string; exit: number; runId?: string; resume?: string };
}

export function failureJson(failure: FailureReport, run?: { runId: string; resume: string }): FailureJson {
  return { error: { code: failure.code, message: failure.message, exit: failure.exit, ...(run ?? {}) } };
}

/** Reports a failure that ends the command: one line on stderr, with --json also the object on stdout. */
export function reportFailure(error: unknown, io: { out(line: string): void; err(line: string): void }, json: boolean): number {
  const failure = describeFailure(error);
  io.err(failureLines(failure));
  if (json) io.out(JSON.stringify(failureJson(failure), null, 2));
  return failure.exit;
}

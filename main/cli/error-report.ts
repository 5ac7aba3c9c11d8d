import { ZodError } from 'zod';
import { LockTimeoutError } from '../core/durable/file-lock';
import { AppError } from '../core/errors';
import { VaultError } from '../vault';
import { printable } from './arguments';
import { EXIT, PromptCancelledError, UsageError } from './exit-codes';

export interface FailureReport {
  /** A stable code for scripts (`--json`): the error's own (E_…, a file-system code), or E_USAGE, E_FAILED. */
  code: string;
  /** What went wrong and where, in plain words; may span lines (e.g. one per problem in a plan file). */
  message: string;
  exit: number;
}

/** What a file-system error code means, in words a technician can act on. */
const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it exists already',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path loops through symbolic links',
  EMFILE: 'too many files are open',
  EBUSY: 'it is in use',
  ELOCKED: 'another TSS Companion process is using it',
  EADDRINUSE: 'the port is in use',
};

/**
 * Turns any failure into one message and the documented exit code (exit-codes.ts). Every error class the
 * CLI can meet has its own words; the last resort still says the error's own message, never just a name.
 */
export function describeFailure(error: unknown): FailureReport {
  const code = (error as { code?: unknown }).code;
  if (error instanceof UsageError) return { code: 'E_USAGE', message: error.message, exit: EXIT.usage };
  if (error instanceof PromptCancelledError) return { code: 'E_CANCELLED', message: error.message, exit: EXIT.cancelled };
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return { code: 'E_USAGE', message: `${(error as Error).message} (tss-companion --help lists the options)`, exit: EXIT.usage };
  }
  if (error instanceof VaultError) return { code: error.code, message: error.message, exit: EXIT.vault };
  if (error instanceof AppError) {
    // A provisioning error that sends the technician to the PUK recovery says so with `next`.
    const blocked = error.code === 'E_ADMIN_PIN_BLOCKED' || (error as { next?: string }).next === 'puk-recovery';
    const exit = blocked ? EXIT.pinBlocked : error.code === 'E_RUN_CANCELLED' ? EXIT.cancelled : EXIT.failed;
    return { code: error.code, message: error.message, exit };
  }
  if (error instanceof LockTimeoutError) return { code: 'E_LOCKED', message: error.message, exit: EXIT.failed };
  if (error instanceof ZodError) {
    const issues = error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`);
    return { code: 'E_INVALID_INPUT', message: `invalid input: ${issues.join('; ')}`, exit: EXIT.usage };
  }
  if (isSystemError(error)) {
    const reason = SYSTEM_REASONS[error.code] ?? error.code;
    const what = error.path ? `${verbOf(error.syscall)} ${error.path}${error.dest ? ` → ${error.dest}` : ''}` : `${error.syscall ?? 'do that'}`;
    const hint = error.path ? '; check the path, --data-dir and their permissions' : '';
    return { code: error.code, message: `could not ${what}: ${reason}${hint}`, exit: EXIT.failed };
  }
  if (error instanceof SyntaxError) {
    return { code: 'E_DAMAGED_FILE', message: `a file could not be read as JSON (${firstLine(error.message)}); it may be damaged`, exit: EXIT.failed };
  }
  if (error instanceof Error) {
    return { code: 'E_FAILED', message: `${firstLine(error.message) || error.name}; nothing was lost, run the command again`, exit: EXIT.failed };
  }
  return { code: 'E_FAILED', message: `failed with ${typeof error} ${firstLine(String(error))}; nothing was lost, run the command again`, exit: EXIT.failed };
}

/** The line the CLI prints: one prefix, nothing that could drive the terminal. */
export function failureLines(report: FailureReport): string {
  return printable(`tss-companion: ${report.message}`);
}

interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && /^E[A-Z]+$/.test((error as unknown as { code: string }).code);
}

function verbOf(syscall: string | undefined): string {
  switch (syscall) {
    case 'open':
      return 'open';
    case 'read':
    case 'stat':
    case 'lstat':
    case 'scandir':
      return 'read';
    case 'mkdir':
      return 'create the folder';
    case 'rename':
    case 'write':
    case 'fsync':
    case 'unlink':
    case 'chmod':
      return 'write';
    default:
      return syscall ? `${syscall}` : 'use';
  }
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

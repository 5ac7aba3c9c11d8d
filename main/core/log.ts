import { once } from 'node:events';
import { chmodSync, mkdirSync } from 'node:fs';
import { pino } from 'pino';
import { createStream } from 'rotating-file-stream';
import { join } from 'node:path';
import { REDACTED, scrubText, scrubValue } from './log-scrub';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const satisfies readonly LogLevel[];

/** Small facts about what happened (ids, codes, counts): scrubbed, but never meant to hold a secret anyway. */
export type LogContext = Record<string, unknown>;

/** The app's log: plain facts, one line each, secrets scrubbed before they reach pino. */
export interface Log {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
  /** The same log, every line naming where it came from (`{ source: 'renderer' }`). */
  child(bindings: { source: string }): Log;
  /** Writes what is buffered and closes the file (the last call on a log). */
  close(): Promise<void>;
}

/** The data folder's log folder: owner-only like the rest, shared by the app, the CLI and the browser shell. */
export const LOGS_FOLDER = 'logs';

/** One file per shell (they run at once and rotate on their own), rotated at this size, this many kept. */
export const LOG_FILE_SIZE = '2M';
export const LOG_FILES_KEPT = 5;

export const logFileName = (shell: string) => `${shell}.log`;

/**
 * Belt and braces behind the scrubber: pino's own redaction of the known keys, at the top and two levels
 * down (case-sensitive, so the spellings the app and fiskaly use).
 */
const REDACT_KEYS = [
  'pin',
  'puk',
  'adminPin',
  'adminPuk',
  'admin_pin',
  'admin_puk',
  'newPin',
  'passphrase',
  'vaultPassphrase',
  'password',
  'apiSecret',
  'api_secret',
  'secret',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'authorization',
  'Authorization',
  'cookie',
];
export const REDACT_PATHS = REDACT_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface OpenLogOptions {
  /** Which shell writes (`app`, `cli`, `browser-shell`): the file's name. */
  shell: string;
  level?: LogLevel;
  /** Rotation (tests make it small). */
  size?: `${number}${'B' | 'K' | 'M'}`;
  filesKept?: number;
}

/**
 * Opens `<dataDir>/logs/<shell>.log` (folder 0700, files 0600), rotated by size with a fixed count kept,
 * through pino. Every call's message and context are scrubbed first (see log-scrub.ts).
 */
export function openLog(dataDir: string, options: OpenLogOptions): Log {
  const dir = join(dataDir, LOGS_FOLDER);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const stream = createStream(logFileName(options.shell), {
    path: dir,
    size: options.size ?? LOG_FILE_SIZE,
    rotate: options.filesKept ?? LOG_FILES_KEPT,
    mode: 0o600,
  });
  // A log that cannot write must not take the app down with it.
  stream.on('error', () => {});
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid, shell: options.shell },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    stream,
  );
  let closed = false;
  return wrap(logger, async () => {
    if (closed) return;
    closed = true;
    logger.flush();
    stream.end();
    await once(stream, 'finish').catch(() => {});
  });
}

type Pino = Pick<ReturnType<typeof pino>, LogLevel> & { child(bindings: Record<string, string>): Pino };

function wrap(logger: Pino, close: () => Promise<void>): Log {
  const at =
    (level: LogLevel) =>
    (message: string, context?: LogContext): void => {
      const text = scrubText(String(message)).slice(0, 2000);
      if (context === undefined) logger[level](text);
      else logger[level](scrubValue(context) as object, text);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: ({ source }) => wrap(logger.child({ source: scrubText(source) }), close),
    close,
  };
}

/** A log that writes nothing (tests, and whatever runs without a data folder). */
export const silentLog: Log = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLog,
  close: async () => {},
};

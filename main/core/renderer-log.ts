import type { Log, LogContext, LogLevel } from './log';

/** At most this many renderer lines per window; the rest are counted and the count logged once. */
export const RENDERER_LOG_RATE = { lines: 30, windowMs: 60_000 } as const;

/**
 * What `log:write` does with a line the page sent (already through its schema: level, short message, a
 * few small facts): into the log as `source: renderer`, scrubbed like every line, and rate-limited, so a
 * page in a loop cannot fill the disk.
 */
export function rendererLogWriter(log: Log, now: () => number = Date.now) {
  const renderer = log.child({ source: 'renderer' });
  let windowStart = now();
  let written = 0;
  let dropped = 0;
  return (line: { level: LogLevel; message: string; context?: LogContext }): Record<string, never> => {
    const time = now();
    if (time - windowStart >= RENDERER_LOG_RATE.windowMs) {
      if (dropped > 0) renderer.warn('renderer lines dropped: too many too fast', { dropped });
      windowStart = time;
      written = 0;
      dropped = 0;
    }
    if (written >= RENDERER_LOG_RATE.lines) {
      dropped += 1;
      return {};
    }
    written += 1;
    renderer[line.level](line.message, line.context);
    return {};
  };
}

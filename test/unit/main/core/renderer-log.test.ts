import { describe, expect, it } from 'vitest';
import type { Log, LogContext, LogLevel } from '../../../../main/core/log';
import { RENDERER_LOG_RATE, rendererLogWriter } from '../../../../main/core/renderer-log';
import { createDispatch } from '../../../../main/core/bridge/dispatch';
import { loggedDispatch } from '../../../../main/core/bridge/logged-dispatch';
import { requestSchemas } from '../../../../preload/contract';

type Line = { level: LogLevel; message: string; context?: LogContext; source?: string };

function memoryLog(lines: Line[], source?: string): Log {
  const at = (level: LogLevel) => (message: string, context?: LogContext) => void lines.push({ level, message, context, source });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (b) => memoryLog(lines, b.source), close: async () => {} };
}

describe("the renderer's log channel", () => {
  it('takes a level, a short message and a few small facts; refuses the rest', () => {
    const schema = requestSchemas['log:write'];
    expect(schema.safeParse({ level: 'warn', message: 'screen failed', context: { screen: 'home', count: 2 } }).success).toBe(true);
    expect(schema.safeParse({ level: 'fatal', message: 'x' }).success).toBe(false);
    expect(schema.safeParse({ level: 'info', message: 'x'.repeat(501) }).success).toBe(false);
    expect(schema.safeParse({ level: 'info', message: 'x', context: { nested: { a: 1 } } }).success).toBe(false);
    expect(schema.safeParse({ level: 'info', message: 'x', context: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i])) }).success).toBe(false);
    expect(schema.safeParse({ level: 'info', message: 'x', extra: 1 }).success).toBe(false);
  });

  it('writes as source renderer, and drops lines beyond the rate, saying how many once the window passes', () => {
    const lines: Line[] = [];
    let now = 0;
    const write = rendererLogWriter(memoryLog(lines), () => now);
    for (let i = 0; i < RENDERER_LOG_RATE.lines + 5; i++) write({ level: 'info', message: `line ${i}` });
    expect(lines).toHaveLength(RENDERER_LOG_RATE.lines);
    expect(lines[0]).toMatchObject({ source: 'renderer', message: 'line 0' });
    now += RENDERER_LOG_RATE.windowMs;
    write({ level: 'error', message: 'after the window' });
    expect(lines.slice(-2)).toEqual([
      expect.objectContaining({ level: 'warn', context: { dropped: 5 } }),
      expect.objectContaining({ level: 'error', message: 'after the window' }),
    ]);
  });
});

describe('the logged dispatch', () => {
  it('logs failed calls with channel and code, never the payload', async () => {
    const lines: Line[] = [];
    const handlers = new Proxy({}, { get: () => () => Promise.reject(new Error('boom')) });
    const dispatch = loggedDispatch(createDispatch(handlers as never), memoryLog(lines));
    await dispatch('vault:unlock', { passphrase: 'correct horse battery staple' });
    await dispatch('no:such', { pin: '1234567890' });
    expect(lines.map((line) => [line.level, line.message, line.context?.channel, line.context?.code])).toEqual([
      ['warn', 'bridge call failed', 'vault:unlock', 'E_INTERNAL'],
      ['warn', 'bridge call failed', 'no:such', 'E_UNKNOWN_CHANNEL'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('correct horse');
  });
});

import { describe, expect, it } from 'vitest';
import { followRunActivity } from '../../../../main/app/run-activity';
import { EventHub } from '../../../../main/core/events';
import type { ProgressEvent, RunReport } from '../../../../preload/contract/sign-de/runs';

function setUp() {
  const events = new EventHub();
  const started = new Set<number>();
  let next = 1;
  const power = { start: () => (started.add(next), next++), stop: (id: number) => void started.delete(id), isStarted: (id: number) => started.has(id) };
  const bars: [number, string | undefined][] = [];
  const window = { isDestroyed: () => false, setProgressBar: (value: number, options?: { mode: string }) => void bars.push([value, options?.mode]) };
  const activity = followRunActivity(events, power, () => window);
  const progress = (runId: string, fraction: number) => events.emit('provisioning:progress', { runId, fraction, step: 'auth', index: 1, total: 12, status: 'running', storeName: 'S' } as ProgressEvent);
  const finish = (runId: string, status: RunReport['status']) => events.emit('provisioning:finished', { runId, status } as RunReport);
  return { activity, started, bars, progress, finish };
}

describe('run activity in the app', () => {
  it('keeps the laptop awake from the first progress of a run until it ends', () => {
    const { activity, started, progress, finish } = setUp();
    expect(started.size).toBe(0);
    progress('a', 0.1);
    progress('a', 0.2);
    expect(started.size).toBe(1);
    expect(activity.running()).toEqual(['a']);
    finish('a', 'done');
    expect(started.size).toBe(0);
    expect(activity.running()).toEqual([]);
  });

  it('stays awake while a second run is still going', () => {
    const { started, progress, finish } = setUp();
    progress('a', 0.5);
    progress('b', 0.1);
    finish('a', 'done');
    expect(started.size).toBe(1);
    finish('b', 'cancelled');
    expect(started.size).toBe(0);
  });

  it('shows the share done on the taskbar, clears it at the end, and shows a failure in red', () => {
    const { bars, progress, finish } = setUp();
    progress('a', 0.25);
    expect(bars.at(-1)).toEqual([0.25, 'normal']);
    finish('a', 'done');
    expect(bars.at(-1)).toEqual([-1, 'none']);
    progress('b', 0.5);
    finish('b', 'failed');
    expect(bars.at(-1)).toEqual([1, 'error']);
  });

  it('lets go of the blocker when the app stops following', () => {
    const { activity, started, progress } = setUp();
    progress('a', 0.5);
    activity.stop();
    expect(started.size).toBe(0);
  });
});

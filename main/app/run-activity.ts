import type { EventHub } from '../core/events';

/** The parts of Electron's powerSaveBlocker used here. */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
  stop(id: number): void;
  isStarted(id: number): boolean;
}

/** The part of a BrowserWindow that shows progress on the taskbar (Windows, Linux Unity) or the dock (macOS). */
export interface ProgressWindow {
  isDestroyed(): boolean;
  setProgressBar(progress: number, options?: { mode: 'none' | 'normal' | 'indeterminate' | 'error' | 'paused' }): void;
}

export interface RunActivity {
  /** Runs that reported progress and have not finished. */
  running(): string[];
  stop(): void;
}

/**
 * Follows provisioning runs through main's events: while one runs the laptop does not suspend (a sleeping
 * laptop breaks a run halfway), and the taskbar or dock shows the share done; when the last one ends,
 * both stop. A failed run leaves the bar red until the next run.
 */
export function followRunActivity(events: EventHub, power: PowerSaveBlockerLike, window: () => ProgressWindow | null): RunActivity {
  const progress = new Map<string, number>();
  let blocker: number | null = null;

  const show = (value: number, mode: 'none' | 'normal' | 'error') => {
    const target = window();
    if (target && !target.isDestroyed()) target.setProgressBar(value, { mode });
  };
  const update = () => {
    if (progress.size > 0 && blocker === null) blocker = power.start('prevent-app-suspension');
    if (progress.size === 0 && blocker !== null) {
      if (power.isStarted(blocker)) power.stop(blocker);
      blocker = null;
    }
  };

  const unsubscribe = events.subscribe((event, payload) => {
    if (event === 'provisioning:progress') {
      const { runId, fraction } = payload as { runId: string; fraction: number };
      progress.set(runId, Math.min(1, Math.max(0, fraction)));
      update();
      // Several runs at once: the bar shows the one furthest behind.
      show(Math.min(...progress.values()), 'normal');
    } else if (event === 'provisioning:finished') {
      const { runId, status } = payload as { runId: string; status: string };
      progress.delete(runId);
      update();
      if (progress.size > 0) show(Math.min(...progress.values()), 'normal');
      else if (status === 'failed') show(1, 'error');
      else show(-1, 'none');
    }
  });

  return {
    running: () => [...progress.keys()],
    stop() {
      unsubscribe();
      progress.clear();
      update();
    },
  };
}

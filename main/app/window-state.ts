import type { KeyValueStore } from '../core/settings/key-value-store';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window as it was left: its normal bounds and whether it was maximized. */
export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1200, height: 820 };
export const MIN_SIZE = { width: 900, height: 640 };
/** How much of the title bar must be on a screen for the window to be reachable. */
const MIN_VISIBLE = { width: 120, height: 40 };

const overlap = (a: Bounds, b: Bounds): Bounds | null => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
};

/**
 * Where the window opens: where it was left if that is still on a screen (its title bar reachable), shrunk
 * to fit the screen it is on; otherwise centred on the primary screen. `workAreas` are the displays' work
 * areas (without taskbar or dock), the primary one first.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Bounds[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const centred = (size: { width: number; height: number }): Bounds => {
    const width = Math.min(size.width, primary.width);
    const height = Math.min(size.height, primary.height);
    return { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height };
  };
  if (!saved) return { bounds: centred(DEFAULT_SIZE), maximized: false };
  const size = { width: Math.max(MIN_SIZE.width, saved.bounds.width), height: Math.max(MIN_SIZE.height, saved.bounds.height) };
  const titleBar = { x: saved.bounds.x, y: saved.bounds.y, width: size.width, height: MIN_VISIBLE.height };
  const screen = workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen !== null && seen.width >= MIN_VISIBLE.width && seen.height >= Math.min(MIN_VISIBLE.height, titleBar.height);
  });
  if (!screen) return { bounds: centred(size), maximized: saved.maximized };
  const width = Math.min(size.width, screen.width);
  const height = Math.min(size.height, screen.height);
  const x = Math.min(Math.max(saved.bounds.x, screen.x), screen.x + screen.width - width);
  const y = Math.min(Math.max(saved.bounds.y, screen.y), screen.y + screen.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

const isBounds = (value: unknown): value is Bounds =>
  typeof value === 'object' &&
  value !== null &&
  (['x', 'y', 'width', 'height'] as const).every((key) => Number.isFinite((value as Record<string, unknown>)[key]));

/** The saved state, or null when there is none or it is not one (a hand-edited file). */
export function readWindowState(store: Pick<KeyValueStore, 'get'>): WindowState | null {
  const bounds = store.get('bounds');
  if (!isBounds(bounds) || bounds.width <= 0 || bounds.height <= 0) return null;
  return { bounds, maximized: store.get('maximized') === true };
}

export function writeWindowState(store: Pick<KeyValueStore, 'set'>, state: WindowState): void {
  store.set('bounds', state.bounds);
  store.set('maximized', state.maximized);
}

/** The parts of a BrowserWindow the state is read from. */
export interface StatefulWindow {
  getNormalBounds(): Bounds;
  isMaximized(): boolean;
  on(event: 'close', listener: () => void): unknown;
}

/** Saves the window's state as it closes. */
export function rememberWindowState(window: StatefulWindow, store: Pick<KeyValueStore, 'set'>): void {
  window.on('close', () => {
    try {
      writeWindowState(store, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // Not remembered this time: the window opens where it did before.
    }
  });
}

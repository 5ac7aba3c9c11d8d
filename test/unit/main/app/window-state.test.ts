import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, type WindowState, placeWindow, readWindowState, rememberWindowState } from '../../../../main/app/window-state';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const external = { x: 1366, y: 0, width: 1920, height: 1040 };
const state = (x: number, y: number, width = 1000, height = 700, maximized = false): WindowState => ({ bounds: { x, y, width, height }, maximized });

describe('placeWindow', () => {
  it('opens where it was left when that is on a screen', () => {
    expect(placeWindow(state(1500, 100), [laptop, external])).toEqual(state(1500, 100));
    expect(placeWindow(state(1500, 100, 1000, 700, true), [laptop, external]).maximized).toBe(true);
  });

  it('comes back to the primary screen when the screen it was on is gone (the external monitor unplugged)', () => {
    const placed = placeWindow(state(1500, 100), [laptop]);
    expect(placed.bounds.x).toBeGreaterThanOrEqual(0);
    expect(placed.bounds.x + placed.bounds.width).toBeLessThanOrEqual(laptop.width);
    expect(placed.bounds.y + placed.bounds.height).toBeLessThanOrEqual(laptop.height);
  });

  it('does not leave the title bar above the screen or only a sliver on it', () => {
    expect(placeWindow(state(100, -500), [laptop]).bounds.y).toBeGreaterThanOrEqual(0);
    const sliver = placeWindow(state(1340, 100), [laptop]);
    expect(sliver.bounds.x + sliver.bounds.width).toBeLessThanOrEqual(laptop.width);
  });

  it('shrinks a window larger than its screen to fit it, and keeps the minimum size otherwise', () => {
    const placed = placeWindow(state(0, 0, 2500, 1400), [laptop]);
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
    expect(placeWindow(state(10, 10, 200, 100), [external]).bounds.width).toBe(900);
  });

  it('opens centred at the default size the first time', () => {
    const placed = placeWindow(null, [external]);
    expect(placed.bounds.width).toBe(DEFAULT_SIZE.width);
    expect(placed.bounds.x).toBe(external.x + (external.width - DEFAULT_SIZE.width) / 2);
  });
});

describe('the remembered state', () => {
  it('is saved as the window closes and read back; anything malformed reads as none', () => {
    const values = new Map<string, unknown>();
    const store = { get: (key: string) => values.get(key), set: (key: string, value: unknown) => void values.set(key, value) };
    const listeners: (() => void)[] = [];
    rememberWindowState({ getNormalBounds: () => state(5, 6, 1100, 800).bounds, isMaximized: () => true, on: (_e, l) => listeners.push(l) }, store);
    expect(readWindowState(store)).toBeNull();
    listeners.forEach((l) => l());
    expect(readWindowState(store)).toEqual(state(5, 6, 1100, 800, true));
    values.set('bounds', { x: 'a', y: 0, width: 10, height: 10 });
    expect(readWindowState(store)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { closeBeforeQuit } from '../../../../main/app/quit-sequence';

function fakeApp() {
  let listener: ((event: { preventDefault(): void }) => void) | null = null;
  const app = { exited: false, prevented: 0, on: (_event: 'will-quit', l: typeof listener) => void (listener = l), exit: () => void (app.exited = true) };
  const quit = () => listener!({ preventDefault: () => void app.prevented++ });
  return { app, quit };
}

describe('quitting while a setup runs ("quit anyway")', () => {
  it('holds the quit back, stops each run after its current step, waits for the services to close, then exits', async () => {
    const { app, quit } = fakeApp();
    const order: string[] = [];
    let closed!: () => void;
    closeBeforeQuit(app, {
      running: () => ['run-1', 'run-2'],
      cancel: async (runId) => void order.push(`cancel ${runId}`),
      stopFollowing: () => void order.push('stop following'),
      close: () => (order.push('close'), new Promise<void>((resolve) => (closed = resolve))),
      failed: () => {},
    });
    quit();
    expect(app.prevented).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual(['stop following', 'cancel run-1', 'cancel run-2', 'close']);
    // The run has not stopped yet: the app waits.
    expect(app.exited).toBe(false);
    quit();
    expect(order.filter((step) => step === 'close')).toHaveLength(1);
    closed();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.exited).toBe(true);
  });

  it('exits even when closing fails, and says why', async () => {
    const { app, quit } = fakeApp();
    const failures: unknown[] = [];
    closeBeforeQuit(app, { running: () => [], cancel: async () => {}, stopFollowing: () => {}, close: () => Promise.reject(new Error('disk gone')), failed: (e) => void failures.push(e) });
    quit();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.exited).toBe(true);
    expect(failures).toHaveLength(1);
  });
});

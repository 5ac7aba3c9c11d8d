/** The part of Electron's app the quit sequence needs. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  exit(code?: number): void;
}

export interface QuitSteps {
  /** The runs still going (ids); each is asked to stop after its current step. */
  running(): string[];
  cancel(runId: string): Promise<unknown>;
  /** Stops following runs (power-save blocker, taskbar). */
  stopFollowing(): void;
  /** Closes the services: waits for the cancelled runs to stop, writes the journals, closes the log. */
  close(): Promise<void>;
  /** Where a failure while closing is noted; the app quits anyway. */
  failed(error: unknown): void;
}

/**
 * Electron does not wait for a promise in `will-quit`: the quit is held back, the running setups stop
 * after their current step (what the quit guard promised), the services close, and only then the app exits.
 */
export function closeBeforeQuit(app: QuittingApp, steps: QuitSteps): void {
  let closing = false;
  app.on('will-quit', (event) => {
    event.preventDefault();
    if (closing) return;
    closing = true;
    void (async () => {
      try {
        const running = steps.running();
        steps.stopFollowing();
        await Promise.all(running.map((runId) => steps.cancel(runId)));
        await steps.close();
      } catch (error) {
        steps.failed(error);
      } finally {
        app.exit(0);
      }
    })();
  });
}

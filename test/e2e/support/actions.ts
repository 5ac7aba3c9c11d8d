import type { Locator } from '@playwright/test';

/**
 * The technician's actions, counted: each click and each typed or pasted field is one (issue 11's target).
 * Waiting for what the app shows is not an action and goes through `expect` as usual.
 */
export interface Actions {
  click(target: Locator): Promise<void>;
  /** A typed field or a pasted list. */
  fill(target: Locator, value: string): Promise<void>;
  /** The actions so far. */
  readonly count: number;
  /** Starts counting again and returns the count until now. */
  restart(): number;
}

export function countActions(): Actions {
  let count = 0;
  return {
    async click(target) {
      count += 1;
      await target.click();
    },
    async fill(target, value) {
      count += 1;
      await target.fill(value);
    },
    get count() {
      return count;
    },
    restart() {
      const until = count;
      count = 0;
      return until;
    },
  };
}

/** The same actions, not counted: for tests about something else. */
export const uncounted: Actions = countActions();

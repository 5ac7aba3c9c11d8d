import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './main/browser-shell/chromium';

/**
 * No e2e test has a time budget a busy machine can exceed: every step waits for a condition (a heading,
 * a status, a file), which returns as soon as it holds. The limits below only stop a test that hangs;
 * a loaded CI runner or a laptop running the whole suite at once stays far inside them.
 */
const HANG_GUARD_MS = 15 * 60_000;
const CONDITION_GUARD_MS = 3 * 60_000;

// The renderer must be built first (`npm run build`); `npm test` does that before running this.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  timeout: HANG_GUARD_MS,
  expect: { timeout: CONDITION_GUARD_MS },
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    // A click or a fill waits as long as a condition does: a field that never appears fails the test, not the hang guard.
    actionTimeout: CONDITION_GUARD_MS,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs() },
  },
});

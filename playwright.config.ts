import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './main/browser-shell/chromium';

// The renderer must be built first (`npm run build`); `npm test` does that before running this.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  timeout: 30_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs() },
  },
});

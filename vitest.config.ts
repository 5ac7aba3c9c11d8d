import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts', 'test/packaging/**/*.test.ts', 'test/security/**/*.test.ts', 'test/lint/**/*.test.ts'],
    // Every import of electron, electron-store's included, gets the fake: the real one would try to download.
    alias: { electron: resolve('test/fakes/electron.ts') },
    server: { deps: { inline: ['electron-store'] } },
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    // Every test talks to loopback servers only: a proxy set for this machine (CI) must not route them. The
    // proxy's own test sets these for the processes it starts.
    env: { HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '' },
    // The CLI's tests run the built bin: built here when missing or stale.
    globalSetup: ['test/support/build-cli-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The browser shell's preload: `createBridge` over a Playwright binding, as one classic script. */
export default defineConfig({
  build: {
    outDir: 'out/browser-bridge',
    emptyOutDir: true,
    lib: {
      entry: resolve('preload/browser-entry.ts'),
      formats: ['iife'],
      name: 'companionBrowserBridge',
      fileName: () => 'bridge.js',
    },
  },
});

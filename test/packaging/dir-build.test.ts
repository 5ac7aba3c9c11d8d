import { listPackage } from '@electron/asar';
import { build, Platform } from 'electron-builder';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';

/**
 * A real `electron-builder --dir --linux` of the built app, offline: a stub Electron distribution stands
 * in for the binary (which cannot be downloaded here), so the result is not runnable, but its app.asar
 * is exactly what the installers would ship. Needs `npm run build` first (npm test does it).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_OUTPUT = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron!;

/** The files electron-builder copies from an unpacked Electron folder; the executable is a shell script. */
function makeStubElectronDist(dir: string): void {
  mkdirSync(dir);
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stub Electron for the packaging test" >&2\nexit 1\n', { mode: 0o755 });
  writeFileSync(join(dir, 'version'), electronVersion);
  writeFileSync(join(dir, 'LICENSE'), 'Stub Electron LICENSE for the packaging test.\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stub</title>\n');
}

describe('electron-builder --dir --linux', () => {
  const temp = makeTempDir('tss-dir-build-');
  const output = join(temp.path, 'release');
  let entries: string[] = [];
  let buildMs = 0;
  // Set instead of thrown from beforeAll, so that every test fails with it (a throwing hook only skips them).
  let notBuilt: Error | null = null;
  const asar = (): string[] => {
    if (notBuilt) throw notBuilt;
    return entries;
  };

  beforeAll(async () => {
    const missing = BUILD_OUTPUT.filter((file) => !existsSync(join(ROOT, file)));
    if (missing.length > 0) {
      notBuilt = new Error(`The app is not built (missing ${missing.join(', ')}): run \`npm run build\` before this test.`);
      return;
    }
    const electronDist = join(temp.path, 'electron-dist');
    makeStubElectronDist(electronDist);

    const started = performance.now();
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: {
        electronDist,
        // Flipping fuses rewrites the real binary's sentinel; the stub has none. The yml keeps them on.
        electronFuses: null,
        directories: { output },
      },
    });
    buildMs = performance.now() - started;
    console.info(`electron-builder --dir --linux took ${Math.round(buildMs)} ms`);

    entries = listPackage(join(output, 'linux-unpacked', 'resources', 'app.asar'), { isPack: false }).map((entry) =>
      entry.replaceAll('\\', '/'),
    );
  }, 120_000);

  afterAll(() => temp.remove());

  it('produces the unpacked app with an app.asar', () => {
    expect(asar().length).toBeGreaterThan(0);
    expect(existsSync(join(output, 'linux-unpacked', 'tss-companion'))).toBe(true);
    expect(buildMs).toBeGreaterThan(0);
  });

  it('packs the build output and package.json', () => {
    for (const file of [...BUILD_OUTPUT, 'package.json']) expect(asar(), file).toContain(`/${file}`);
  });

  it('packs the production dependencies main loads at run time', () => {
    for (const dependency of ['electron-store', 'conf', 'zod']) expect(asar(), dependency).toContain(`/node_modules/${dependency}/package.json`);
  });

  it('packs no tests, sources, source maps or browser bridge', () => {
    const unwanted = asar().filter(
      (entry) =>
        entry.startsWith('/test/') ||
        entry.startsWith('/out/browser-bridge') ||
        /\.(test|spec)\.[^/]+$/.test(entry) ||
        /\/(test|tests|__tests__)\//.test(entry) ||
        entry.endsWith('.map') ||
        /^\/(main|preload|renderer|assets)\//.test(entry),
    );
    expect(unwanted, `unwanted files in app.asar:\n${unwanted.join('\n')}`).toEqual([]);
  });
});

/**
 * The renderer's weight and start: the built bundle's size (gzip) and the time from navigation to the
 * first interactive screen in Chromium, wired to the real services: Home's heading and navigation shown,
 * and what the start-up answers fill in (settings, the vault card, the app's facts). An absolute time says
 * little on a shared machine, so the same run also measures a floor: the same Chromium, through the same
 * route and asset handler, opening a static page of the same start-up bytes (the same CSS, JavaScript of the
 * same size that does nothing) with no bridge at all. The ratio is what the app adds over the floor.
 * Prints measured figures only. Needs `npm run build` first (npm run bench does it).
 *
 *   npm run bench:renderer [-- --runs 7] [-- --renderer DIR]   (another build's out/renderer, to compare two)
 */
import { type Browser, type BrowserContext, type Page, chromium } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, chromiumExecutable } from '../../main/browser-shell/chromium';
import { SHELL_ENTRY_URL, SHELL_ORIGIN, wireCompanion } from '../../main/browser-shell/wire-page';
import { readRendererAsset } from '../../main/core/renderer-assets';
import { createServices } from '../../main/services';
import { makeTempDir } from '../support/temp-dir';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, renderer: { type: 'string' } } });
const runs = Number(values.runs);
if (!(runs >= 1)) throw new Error('--runs takes a count of at least 1');

const rendererDir = values.renderer ? resolve(values.renderer) : join(import.meta.dirname, '../../out/renderer');
/** The browser shell's bridge of the same build (beside its renderer folder). */
const bridgeScript = join(dirname(rendererDir), 'browser-bridge', 'bridge.js');
const assetsDir = join(rendererDir, 'assets');
const files = [join(rendererDir, 'index.html'), ...readdirSync(assetsDir).map((f) => join(assetsDir, f))];
const sizes = files.map((file) => {
  const bytes = readFileSync(file);
  return { file: file.slice(rendererDir.length + 1), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});

/** What index.html loads before anything runs: its module script, its modulepreloads and its stylesheet. */
function startupAssets(): { scripts: string[]; styles: string[] } {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const refs = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]!.replace(/^\.\//, ''));
  return {
    scripts: [...refs(/<script[^>]*\ssrc="([^"]+)"/g), ...refs(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g)],
    styles: refs(/<link rel="stylesheet"[^>]*\shref="([^"]+)"/g),
  };
}

/**
 * The floor's folder: the same stylesheet, one script as large as the start-up scripts together (a comment:
 * downloaded and scanned, nothing run) and static HTML with the same kind of heading and navigation.
 */
function writeFloor(dir: string): number {
  const { scripts, styles } = startupAssets();
  const scriptBytes = scripts.reduce((sum, path) => sum + readFileSync(join(rendererDir, path)).length, 0);
  mkdirSync(join(dir, 'assets'));
  for (const style of styles) copyFileSync(join(rendererDir, style), join(dir, style));
  writeFileSync(join(dir, 'assets', 'floor.js'), `/*${'x'.repeat(Math.max(0, scriptBytes - 4))}*/`);
  const links = styles.map((style) => `<link rel="stylesheet" href="./${style}">`).join('');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="de"><head><meta charset="UTF-8"><title>floor</title>` +
      `<script type="module" src="./assets/floor.js"></script>${links}</head>` +
      `<body><div id="root"><nav><ul><li><button type="button">Start</button></li></ul></nav>` +
      `<main id="main"><h1>Start</h1></main></div></body></html>`,
  );
  return scriptBytes;
}

async function heading(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByRole('navigation').getByRole('button').first().waitFor({ state: 'visible' });
}

/** Home shown with what start-up loads: settings (the environment's class), the vault card's form, the app's facts. */
async function homeInteractive(page: Page): Promise<void> {
  await heading(page);
  await page.locator('.app:not(.app--env-unknown)').waitFor();
  await page.locator('#main input[type="password"]').first().waitFor();
  await page.locator('#main dl.facts').first().waitFor();
}

async function timed(context: BrowserContext, ready: (page: Page) => Promise<void>): Promise<number> {
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(SHELL_ENTRY_URL);
  await ready(page);
  return performance.now() - started;
}

async function appRun(browser: Browser): Promise<number> {
  const dir = makeTempDir('tss-bench-ui-');
  const services = createServices({ dataDir: dir.path, version: 'bench' });
  const context = await browser.newContext();
  try {
    await wireCompanion(context, services, { rendererDir, bridgeScript });
    return await timed(context, homeInteractive);
  } finally {
    await context.close();
    await services.close();
    dir.remove();
  }
}

async function floorRun(browser: Browser, floorDir: string): Promise<number> {
  const context = await browser.newContext();
  try {
    // The same route and asset handler as the browser shell's (wireCompanion), with no binding and no bridge script.
    await context.route(`${SHELL_ORIGIN}/**`, async (route) => {
      const asset = await readRendererAsset(floorDir, new URL(route.request().url()).pathname);
      await route.fulfill({ status: asset.status, headers: asset.headers, body: asset.body });
    });
    return await timed(context, heading);
  } finally {
    await context.close();
  }
}

const floor = makeTempDir('tss-bench-floor-');
const floorScriptBytes = writeFloor(floor.path);
const browser = await chromium.launch({ headless: true, executablePath: chromiumExecutable(), args: chromiumArgs() });
const appTimes: number[] = [];
const floorTimes: number[] = [];
for (let i = 0; i <= runs; i++) {
  // Alternated, so a busy moment on the machine falls on both alike; the first pair warms Chromium's caches.
  const app = await appRun(browser);
  const bare = await floorRun(browser, floor.path);
  if (i > 0) {
    appTimes.push(app);
    floorTimes.push(bare);
  }
}
await browser.close();
floor.remove();

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const row = (label: string, times: number[]) => ({
  page: label,
  'median ms': median(times).toFixed(0),
  'min ms': Math.min(...times).toFixed(0),
  'max ms': Math.max(...times).toFixed(0),
});
console.log(`renderer benchmark: ${rendererDir}, Chromium ${browser.version()}, ${runs} runs of each after one warm-up`);
console.table(sizes.map((s) => ({ file: s.file, bytes: s.bytes, 'gzip bytes': s.gzip })));
console.log(`bundle gzip KB (all files): ${(sizes.reduce((sum, s) => sum + s.gzip, 0) / 1024).toFixed(1)}; start-up script bytes: ${floorScriptBytes}`);
console.table([row('app: Home interactive, start-up answers shown', appTimes), row('floor: static page, same bytes, no bridge', floorTimes)]);
console.log(`app / floor (medians): ${(median(appTimes) / median(floorTimes)).toFixed(2)}`);

/**
 * The renderer's weight and start: the built bundle's size (gzip) and the time from navigation to the
 * first interactive screen (Home's heading shown and its navigation usable) in Chromium, wired to the
 * real services. Prints measured figures only. Needs `npm run build` first (npm run bench does it).
 *
 *   npm run bench:renderer [-- --runs 7]
 */
import { chromium } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, chromiumExecutable } from '../../main/browser-shell/chromium';
import { SHELL_ENTRY_URL, wireCompanion } from '../../main/browser-shell/wire-page';
import { createServices } from '../../main/services';
import { makeTempDir } from '../support/temp-dir';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
if (!(runs >= 1)) throw new Error('--runs takes a count of at least 1');

const rendererDir = join(import.meta.dirname, '../../out/renderer');
const assetsDir = join(rendererDir, 'assets');
const files = [join(rendererDir, 'index.html'), ...readdirSync(assetsDir).map((f) => join(assetsDir, f))];
const sizes = files.map((file) => {
  const bytes = readFileSync(file);
  return { file: file.slice(rendererDir.length + 1), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});

const browser = await chromium.launch({ headless: true, executablePath: chromiumExecutable(), args: chromiumArgs() });
const timings: number[] = [];
for (let i = 0; i <= runs; i++) {
  const dir = makeTempDir('tss-bench-ui-');
  const services = createServices({ dataDir: dir.path, version: 'bench' });
  const context = await browser.newContext();
  await wireCompanion(context, services, { rendererDir, bridgeScript: join(import.meta.dirname, '../../out/browser-bridge/bridge.js') });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(SHELL_ENTRY_URL);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByRole('navigation').getByRole('button').first().waitFor({ state: 'visible' });
  const ms = performance.now() - started;
  if (i > 0) timings.push(ms); // the first run warms Chromium's caches and is left out
  await context.close();
  await services.close();
  dir.remove();
}
await browser.close();

const sorted = [...timings].sort((a, b) => a - b);
console.log(`renderer benchmark: out/renderer, Chromium ${browser.version()}, ${runs} runs after one warm-up`);
console.table(sizes.map((s) => ({ file: s.file, 'bytes': s.bytes, 'gzip bytes': s.gzip })));
console.table([
  {
    'bundle gzip KB (all files)': (sizes.reduce((sum, s) => sum + s.gzip, 0) / 1024).toFixed(1),
    'first interactive ms (median)': sorted[Math.floor(sorted.length / 2)]!.toFixed(0),
    'min ms': sorted[0]!.toFixed(0),
    'max ms': sorted.at(-1)!.toFixed(0),
  },
]);

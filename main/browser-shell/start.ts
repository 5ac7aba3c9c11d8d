import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../core/data-dir';
import { createServices } from '../services';
import { chromiumArgs, chromiumExecutable } from './chromium';
import { localDocumentsDir } from './documents-dir';
import { createChromiumPrintPort } from './chromium-print-port';
import { SHELL_ENTRY_URL, wireCompanion } from './wire-page';

// `npm run start:browser`: the real renderer and services in a headed Chromium, for machines with no Electron.
const root = fileURLToPath(new URL('../../', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('start:browser needs a display: run it in a desktop session, or under `xvfb-run npm run start:browser`.');
  process.exit(1);
}

const dataDir = defaultDataDir();
const browser = await chromium.launch({ headless: false, executablePath: chromiumExecutable(), args: chromiumArgs() });
// Chromium makes PDFs only headless: a second, hidden instance does the printing.
const printer = await chromium.launch({ headless: true, executablePath: chromiumExecutable(), args: chromiumArgs() });
// No OS dialogs here: the page's own chooser picks where files go, starting in Documents.
const services = createServices({
  dataDir,
  version,
  printPort: createChromiumPrintPort(() => printer, dataDir),
  files: { chooser: 'in-app', documentsDir: localDocumentsDir() },
  logShell: 'browser-shell',
});
const context = await browser.newContext({ viewport: null });
await wireCompanion(context, services, {
  rendererDir: `${root}out/renderer`,
  bridgeScript: `${root}out/browser-bridge/bridge.js`,
});
const page = await context.newPage();
await page.goto(SHELL_ENTRY_URL);
console.log(`TSS Companion is open in Chromium (data in ${dataDir}). Close the window to quit.`);

page.on('close', () => void shutdown());
browser.on('disconnected', () => void shutdown());
async function shutdown(): Promise<void> {
  await services.close();
  await printer.close().catch(() => {});
  await browser.close().catch(() => {});
  process.exit(0);
}

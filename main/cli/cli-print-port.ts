import type { Browser } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../browser-shell/chromium';
import { createChromiumPrintPort } from '../browser-shell/chromium-print-port';
import { AppError } from '../core/errors';
import { type PrintPort, noPrintPort } from '../printing/print-port';

/**
 * PDFs on the command line: the browser shell's Chromium print port, with Chromium started on the first PDF
 * (most commands never make one) and closed with the command. Paper printing stays the app's.
 */
export function lazyChromiumPrintPort(dataDir: string): PrintPort & { close(): Promise<void> } {
  let launching: Promise<Browser> | null = null;
  let browser: Browser | null = null;
  const launch = async (): Promise<Browser> => {
    try {
      const { chromium } = await import('@playwright/test');
      return await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs() });
    } catch (error) {
      launching = null;
      throw new AppError('E_NO_PRINTING', `Making a PDF needs Chromium (set CHROMIUM_PATH, or install chromium): ${(error as Error).message.split('\n')[0]}`);
    }
  };
  const port = createChromiumPrintPort(() => {
    if (!browser) throw new AppError('E_NO_PRINTING', 'Chromium has not started.');
    return browser;
  }, dataDir);
  return {
    printers: noPrintPort.printers,
    print: noPrintPort.print,
    pdf: async (html, options) => {
      browser = await (launching ??= launch());
      return port.pdf(html, options);
    },
    close: async () => {
      const open = launching;
      launching = null;
      browser = null;
      if (open) await (await open.catch(() => null))?.close();
    },
  };
}

import type { Browser } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrintPort } from '../printing/print-port';

/** The one printer the browser shell has: it "prints" by saving the PDF a printer would get. */
export const SHELL_PRINTER = 'PDF (browser shell)';

/**
 * Printing in the browser shell: the same Chromium renders the same documents to PDF (page.pdf). There
 * is no OS printer here, so the stand-in printer saves each job as a PDF in `printed/`.
 */
export function createChromiumPrintPort(browser: () => Browser, dataDir: string): PrintPort {
  const pdf: PrintPort['pdf'] = async (html, options) => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf(
        'a4' in options
          ? { format: 'A4', printBackground: true, preferCSSPageSize: true }
          : { width: `${options.widthMm}mm`, height: `${options.heightMm}mm`, printBackground: true, margin: { top: '0', bottom: '0', left: '0', right: '0' } },
      );
    } finally {
      await context.close();
    }
  };
  return {
    // There is no OS here to name a default printer, so none is called that.
    printers: async () => [{ name: SHELL_PRINTER, isDefault: false }],
    print: async (html, options) => {
      if (options.printer !== SHELL_PRINTER) throw new Error(`There is no printer "${options.printer}" here.`);
      const dir = join(dataDir, 'printed');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(join(dir, `job-${Date.now()}.pdf`), await pdf(html, options), { mode: 0o600 });
    },
    pdf,
  };
}

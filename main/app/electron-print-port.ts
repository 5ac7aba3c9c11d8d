import { BrowserWindow, type WebContents } from 'electron';
import type { PrintPort } from '../printing/print-port';
import { isOsDefaultPrinter } from './printer-default';

const MICRONS_PER_MM = 1000;
const INCHES_PER_MM = 1 / 25.4;

/** Documents are rendered in a hidden window of their own: no preload, no script, nothing to talk to. */
async function documentWindow(html: string): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
  return window;
}

/** OS printers and PDF through Electron's own Chromium. */
export function createElectronPrintPort(appContents: () => WebContents | null): PrintPort {
  return {
    printers: async () => {
      const contents = appContents();
      if (!contents) return [];
      // "Standard" only where the OS says so; the page preselects the first printer without calling it that.
      return (await contents.getPrintersAsync()).map((p) => ({ name: p.name, isDefault: isOsDefaultPrinter(p.options as Record<string, unknown>) }));
    },
    print: async (html, { printer, widthMm, heightMm }) => {
      const window = await documentWindow(html);
      try {
        await new Promise<void>((resolve, reject) =>
          window.webContents.print(
            {
              silent: true,
              deviceName: printer,
              printBackground: true,
              margins: { marginType: 'none' },
              pageSize: { width: widthMm * MICRONS_PER_MM, height: heightMm * MICRONS_PER_MM },
            },
            (ok, reason) => (ok ? resolve() : reject(new Error(`The printer did not take the job: ${reason}`))),
          ),
        );
      } finally {
        window.destroy();
      }
    },
    pdf: async (html, options) => {
      const window = await documentWindow(html);
      try {
        return await window.webContents.printToPDF({
          printBackground: true,
          preferCSSPageSize: true,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
          pageSize: 'a4' in options ? 'A4' : { width: options.widthMm * INCHES_PER_MM, height: options.heightMm * INCHES_PER_MM },
        });
      } finally {
        window.destroy();
      }
    },
  };
}

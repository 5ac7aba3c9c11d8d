import { AppError } from '../core/errors';

export interface PrinterChoice {
  name: string;
  isDefault: boolean;
}

/**
 * Where HTML becomes paper or PDF: Electron's webContents in the app, Playwright's Chromium in the
 * browser shell. Main builds the documents; the port only renders them.
 */
export interface PrintPort {
  printers(): Promise<PrinterChoice[]>;
  print(html: string, options: { printer: string; widthMm: number; heightMm: number }): Promise<void>;
  pdf(html: string, options: { widthMm: number; heightMm: number } | { a4: true }): Promise<Buffer>;
}

/** Plain Node (the CLI, unit tests) has no browser engine to print with. */
export const noPrintPort: PrintPort = {
  printers: async () => [],
  print: async () => {
    throw new AppError('E_NO_PRINTING', 'Printing needs the app window (or the browser shell).');
  },
  pdf: async () => {
    throw new AppError('E_NO_PRINTING', 'Making a PDF needs the app window (or the browser shell).');
  },
};

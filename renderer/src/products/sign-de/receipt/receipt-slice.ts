import type { ReceiptModel } from '../../../../../preload/contract/sign-de/receipt';
import type { PrinterInfo } from '../../../../../preload/contract/core/printing';
import type { ReceiptVerification } from '../../../../../preload/contract/sign-de/receipt';
import type { SaveTarget, SavedFile } from '../../../../../preload/contract/core/files';
import type { PrinterPrefs } from '../../../../../preload/contract/core/settings';
import { callBridge } from '../../../bridge/call-bridge';
import type { SliceTools } from '../../../state/store-types';

export type PaperWidth = 80 | 58;

export interface NetworkPrinter {
  host: string;
  port: number;
  width: PaperWidth;
  /** The printer draws the QR itself (ESC/POS GS ( k); otherwise it gets a raster image. */
  nativeQr: boolean;
}

export interface ReceiptState {
  /** The run whose test receipt is shown. */
  receiptRunId: string | null;
  receipt: ReceiptModel | null;
  verification: ReceiptVerification | null;
  /** null until print:printers answered. */
  printers: PrinterInfo[] | null;
}

export interface ReceiptActions {
  /** Opens the test receipt of a finished run on its own screen (from Home). */
  openReceipt(runId: string): void;
  /** receipt:get, then receipt:verify on its QR text. */
  loadReceipt(runId: string): Promise<void>;
  verifyReceipt(): Promise<void>;
  loadPrinters(): Promise<void>;
  printReceipt(printer: string, width: PaperWidth): Promise<boolean>;
  /** The receipt as a PDF, where the technician chose (or main's data folder without `destination`). */
  printPdf(width: PaperWidth, destination?: SaveTarget): Promise<SavedFile | null>;
  /** Resolves to the bytes sent, or null. */
  printEscpos(target: NetworkPrinter): Promise<number | null>;
  handoverReport(runId: string, destination?: SaveTarget): Promise<SavedFile | null>;
  /**
   * Remembers printer choices in main's settings, for this laptop's next store. A failure is not shown:
   * the choice then is simply not remembered.
   */
  rememberPrinter(change: PrinterPrefs): Promise<void>;
}

export const initialReceiptState: ReceiptState = { receiptRunId: null, receipt: null, verification: null, printers: null };

const TSS_SERIAL = /^[0-9a-f]{64}$/;

export function createReceiptSlice({ bridge, set, get, call }: SliceTools): ReceiptActions {
  // What this page last asked main to remember: a second choice made before main's answer arrived keeps the first.
  let sent: PrinterPrefs = {};
  return {
    openReceipt(runId) {
      get().navigate('receipt');
      void get().loadReceipt(runId);
    },

    async loadReceipt(runId) {
      if (get().receiptRunId !== runId) set({ receiptRunId: runId, receipt: null, verification: null });
      const receipt = await call('loadReceipt', () => bridge.receipt.get({ runId }));
      if (!receipt || get().receiptRunId !== runId) return;
      set({ receipt, verification: null });
      await get().verifyReceipt();
    },

    async verifyReceipt() {
      const receipt = get().receipt;
      if (!receipt) return;
      const serial = receipt.tse.serialNumber.toLowerCase();
      const verification = await call('verifyReceipt', () =>
        bridge.receipt.verify({ qrCodeData: receipt.qrCodeData, ...(TSS_SERIAL.test(serial) ? { tssSerialNumber: serial } : {}) }),
      );
      if (verification && get().receipt === receipt) set({ verification });
    },

    async loadPrinters() {
      const printers = await call('loadPrinters', () => bridge.print.printers());
      if (printers) set({ printers });
    },

    async printReceipt(printer, width) {
      const runId = get().receiptRunId;
      if (!runId) return false;
      return (await call('printReceipt', () => bridge.print.receipt({ runId, printer, width }))) !== null;
    },

    async printPdf(width, destination) {
      const runId = get().receiptRunId;
      if (!runId) return null;
      return call('printPdf', () => bridge.print.pdf({ runId, width, ...(destination ? { destination } : {}) }));
    },

    async printEscpos(target) {
      const runId = get().receiptRunId;
      if (!runId) return null;
      const answer = await call('printEscpos', () =>
        bridge.print.escpos({ runId, host: target.host.trim(), port: target.port, width: target.width, nativeQr: target.nativeQr }),
      );
      return answer?.bytes ?? null;
    },

    async rememberPrinter(change) {
      const settings = get().settings;
      // Before the settings are known, a write could drop what is stored; the choice is then not remembered.
      if (!settings) return;
      const current = { ...settings.printer, ...sent };
      if (Object.entries(change).every(([key, value]) => current[key as keyof PrinterPrefs] === value)) return;
      sent = { ...current, ...change };
      await callBridge(() => bridge.settings.set({ printer: sent }));
    },

    handoverReport(runId, destination) {
      return call('handoverReport', () => bridge.report.handover({ runId, ...(destination ? { destination } : {}) }));
    },
  };
}

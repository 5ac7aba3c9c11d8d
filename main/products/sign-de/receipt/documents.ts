import { join } from 'node:path';
import { writeFileAtomic, writePrivateFile } from '../../../core/durable/atomic-file';
import { AppError } from '../../../core/errors';
import { Journal, type JournalData } from '../provisioning/journal';
import { type PaperWidth, sendToNetworkPrinter } from '../../../printing';
import type { ReceiptModel } from '../../../../preload/contract/sign-de/receipt';
import {
  buildReceiptModel,
  encodeReceiptEscPos,
  renderReceiptHtml,
} from './index';
import { receiptPdfName } from '../../../../preload/contract/sign-de/file-names';
import type { PrintPort } from '../../../printing/print-port';

/** The test receipt of a run: as data, on paper, as PDF, or as ESC/POS. */
export class Documents {
  constructor(
    private readonly dataDir: string,
    private readonly port: PrintPort,
  ) {}

  async receipt(runId: string): Promise<ReceiptModel> {
    return receiptOf(await this.run(runId));
  }

  async printReceipt(runId: string, printer: string, paper: PaperWidth): Promise<Record<string, never>> {
    const page = await renderReceiptHtml(await this.receipt(runId), { paper });
    await this.port.print(page.html, { printer, widthMm: page.pageWidthMm, heightMm: page.pageHeightMm });
    return {};
  }

  /**
   * The receipt as a PDF named `testbeleg-<store>-<width>mm-<date>.pdf`: where `target` says for that name
   * (a place the technician chose), else in the data folder's `documents/`.
   */
  async receiptPdf(runId: string, widthMm: 80 | 58, target: (name: string) => string | null = () => null): Promise<{ path: string; bytes: number }> {
    const run = await this.run(runId);
    const page = await renderReceiptHtml(receiptOf(run), { paper: `${widthMm}mm` });
    const pdf = await this.port.pdf(page.html, { widthMm: page.pageWidthMm, heightMm: page.pageHeightMm });
    const name = receiptPdfName(run.plan.storeName, widthMm, new Date());
    const chosen = target(name);
    if (chosen) {
      await writeFileAtomic(chosen, pdf);
      return { path: chosen, bytes: pdf.length };
    }
    return this.save(name, pdf);
  }

  async escpos(runId: string, host: string, port: number, paper: PaperWidth, nativeQr: boolean): Promise<{ bytes: number }> {
    const bytes = encodeReceiptEscPos(await this.receipt(runId), { paper, nativeQr });
    await sendToNetworkPrinter({ host, port }, bytes);
    return { bytes: bytes.length };
  }

  /** The TSS of a finished run: whose store the handover is made for. */
  async finishedRunTss(runId: string): Promise<string> {
    const run = await this.run(runId);
    if (run.status !== 'done') throw new AppError('E_RUN_NOT_DONE', 'The handover report is made once the run is finished.');
    return run.tssId;
  }

  private async run(runId: string): Promise<JournalData> {
    try {
      return (await Journal.load(this.dataDir, runId)).data;
    } catch {
      throw new AppError('E_RUN_NOT_FOUND', 'This provisioning run is not on this laptop.');
    }
  }

  /** Into the data folder, with the time as well, so a second PDF the same day does not replace the first. */
  private async save(name: string, pdf: Buffer): Promise<{ path: string; bytes: number }> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(11, 19);
    const path = join(this.dataDir, 'documents', name.replace(/\.pdf$/, `-${stamp}.pdf`));
    await writePrivateFile(path, pdf);
    return { path, bytes: pdf.length };
  }
}

function receiptOf(run: JournalData): ReceiptModel {
  const receipt = run.receipt;
  if (!receipt?.qrCodeData || receipt.number === undefined || receipt.timeStart === undefined || receipt.timeEnd === undefined) {
    throw new AppError('E_NO_RECEIPT', 'This run has no signed test receipt yet. Resume the run to sign one.');
  }
  return buildReceiptModel({
    storeName: run.plan.storeName,
    storeAddress: run.plan.storeAddress,
    ...(run.plan.masterData ? { masterData: run.plan.masterData } : {}),
    environment: run.plan.environment,
    tssId: run.tssId,
    tssSerialNumber: run.tssSerialNumber ?? '',
    bsiCertificationId: run.bsiCertificationId,
    clientSerialNumber: run.clients[0]!.serialNumber,
    receipt: {
      number: receipt.number,
      qrCodeData: receipt.qrCodeData,
      timeStart: receipt.timeStart,
      timeEnd: receipt.timeEnd,
      signatureCounter: receipt.signatureCounter ?? '',
      receiptType: receipt.receiptType ?? 'RECEIPT',
    },
  });
}

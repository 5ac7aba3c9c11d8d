import { fileDate, fileNamePart } from '../core/files';

/**
 * The names SIGN DE's files get, made in one place: main writes them, the save dialogs propose them.
 * The paper width is a number of millimetres; the name adds the unit once.
 */
export const receiptPdfName = (storeName: string, widthMm: 80 | 58, now: Date): string =>
  `testbeleg-${fileNamePart(storeName, 'store')}-${widthMm}mm-${fileDate(now)}.pdf`;

/** The TSS's export: `<store>-<first 8 of the TSS id>-<date>.tar`. */
export const exportTarName = (storeName: string | null, tssId: string, now: Date): string =>
  `${fileNamePart(storeName ?? '', 'tss')}-${tssId.slice(0, 8)}-${fileDate(now)}.tar`;

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

/** The POS vendor's mapping after a V1 → V2 migration: `pos-mapping-<store>-<date>.json` and `.csv`. */
export const posMappingName = (storeName: string, extension: 'json' | 'csv', now: Date): string =>
  `pos-mapping-${fileNamePart(storeName, 'store')}-${fileDate(now)}.${extension}`;

/** The V1 TSS's export, kept before it is disabled: `v1-<store>-<first 8 of the V1 TSS id>-<date>.tar`. */
export const v1ExportTarName = (storeName: string, v1TssId: string, now: Date): string => `v1-${exportTarName(storeName, v1TssId, now)}`;

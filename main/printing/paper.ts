/**
 * Receipt paper as thermal printers see it: 203 dpi heads, Font A 12 dots wide. The printable width is
 * what the head reaches (72 mm of 80 mm paper, 48 mm of 58 mm paper).
 */

export type PaperWidth = '80mm' | '58mm';

export interface Paper {
  /** Width of the roll. */
  paperMm: number;
  /** Width the print head reaches; the rest is margin the printer keeps. */
  printableMm: number;
  /** printableMm in dots at PRINTER_DPI (contract/core/printing.ts). */
  printableDots: number;
  /** Characters per line in Font A (12 × 24 dots). */
  columns: number;
}

export const PAPER: Readonly<Record<PaperWidth, Paper>> = {
  '80mm': { paperMm: 80, printableMm: 72, printableDots: 576, columns: 48 },
  '58mm': { paperMm: 58, printableMm: 48, printableDots: 384, columns: 32 },
};

/**
 * What a product hands to printing: fixed-width lines and one QR payload, nothing country-specific.
 * Printed in this order: header (bold), body, the QR code, footer.
 */
export interface PrintLayout {
  columns: number;
  header: string[];
  body: string[];
  footer: string[];
}

export const MIN_COLUMNS = 24;
export const MAX_COLUMNS = 64;

export function checkColumns(columns: number): void {
  if (!Number.isInteger(columns) || columns < MIN_COLUMNS || columns > MAX_COLUMNS) {
    throw new Error(`a printed line has ${MIN_COLUMNS} to ${MAX_COLUMNS} columns, got ${columns}`);
  }
}

/**
 * CSV as German Excel opens it by double-click: `;` between cells, CRLF between rows, UTF-8 with a BOM (without
 * it Excel reads Windows-1252 and "Süd" turns into "SÃ¼d"). The plan CSV reader (main/cli/plan-file.ts) takes
 * the same form back. A cell holding `;`, `"`, CR or LF is quoted, its quotes doubled; nothing else changes, so
 * a serial arrives exactly as the TSS has it.
 */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function excelCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return CSV_BOM + [header, ...rows].map((row) => `${row.map(csvCell).join(';')}\r\n`).join('');
}

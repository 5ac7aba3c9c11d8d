/** CUPS's printer-type bit for "the default printer" (cups/cups.h, CUPS_PRINTER_DEFAULT). */
const CUPS_PRINTER_DEFAULT = 0x20000;

/**
 * Whether the OS says this printer is its default. Electron no longer reports it itself; CUPS (Linux,
 * macOS) still does in the printer's options. Where nothing says so (Windows, an old CUPS), the answer
 * is false: no printer is labelled the default on a guess.
 */
export function isOsDefaultPrinter(options: Record<string, unknown> | undefined): boolean {
  if (!options) return false;
  for (const key of ['printer-is-default', 'is-default', 'isDefault']) {
    if (options[key] === true || options[key] === 'true') return true;
  }
  const type = Number(options['printer-type']);
  return Number.isInteger(type) && (type & CUPS_PRINTER_DEFAULT) !== 0;
}

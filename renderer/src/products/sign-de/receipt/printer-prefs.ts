import type { PrinterPrefs, Settings } from '../../../../../preload/contract/core/settings';
import type { PaperWidth } from './receipt-slice';

/**
 * The receipt printer this laptop uses lives in main's settings (one file per laptop, the same for the
 * app and the browser shell). Older versions kept the printer's name and network address in the page's
 * localStorage, which the browser shell loses at every start; those are read once as a fallback.
 */
export const PRINTER_KEY = 'tss-companion.printer';
export const NETWORK_PRINTER_KEY = 'tss-companion.network-printer';
export const DEFAULT_PORT = 9100;

/** The printer choices as the print panel uses them: every part filled in. */
export interface PrinterChoice {
  name: string | null;
  paperWidth: PaperWidth;
  host: string;
  port: number;
  nativeQr: boolean;
}

type StorageLike = Pick<Storage, 'getItem'>;

function storage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** What an older version left in localStorage, as settings; anything unreadable is left out. */
export function legacyPrinterPrefs(from: StorageLike | null = storage()): PrinterPrefs {
  try {
    const name = from?.getItem(PRINTER_KEY) || undefined;
    const raw = from?.getItem(NETWORK_PRINTER_KEY);
    const network = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    return {
      ...(name ? { name: name.slice(0, 300) } : {}),
      ...(typeof network.host === 'string' && network.host.trim() ? { host: network.host.trim().slice(0, 253) } : {}),
      ...(isPort(network.port) ? { port: network.port } : {}),
      ...(typeof network.nativeQr === 'boolean' ? { nativeQr: network.nativeQr } : {}),
    };
  } catch {
    return {};
  }
}

/** The remembered printer choices (settings first, then an older version's), defaults for the rest. */
export function printerChoice(settings: Settings | null, legacy: PrinterPrefs = legacyPrinterPrefs()): PrinterChoice {
  const prefs = { ...legacy, ...settings?.printer };
  return {
    name: prefs.name ?? null,
    paperWidth: prefs.paperWidth ?? 80,
    host: prefs.host ?? '',
    port: prefs.port ?? DEFAULT_PORT,
    nativeQr: prefs.nativeQr ?? true,
  };
}

export function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65_535;
}

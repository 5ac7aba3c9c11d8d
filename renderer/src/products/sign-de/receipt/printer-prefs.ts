import type { NetworkPrinter, PaperWidth } from './receipt-slice';

/**
 * The printer choice is not a secret, so it is remembered in localStorage (the settings file only knows
 * language and environment). Anything unreadable falls back to the defaults.
 */
export const PRINTER_KEY = 'tss-companion.printer';
export const NETWORK_PRINTER_KEY = 'tss-companion.network-printer';
export const DEFAULT_PORT = 9100;

export const defaultNetworkPrinter: NetworkPrinter = { host: '', port: DEFAULT_PORT, width: 80, nativeQr: true };

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadPrinterName(from: StorageLike | null = storage()): string | null {
  try {
    return from?.getItem(PRINTER_KEY) || null;
  } catch {
    return null;
  }
}

export function savePrinterName(name: string, to: StorageLike | null = storage()): void {
  try {
    to?.setItem(PRINTER_KEY, name);
  } catch {
    // Storage full or blocked: the choice is simply not remembered.
  }
}

const isWidth = (value: unknown): value is PaperWidth => value === 80 || value === 58;

export function loadNetworkPrinter(from: StorageLike | null = storage()): NetworkPrinter {
  try {
    const raw = from?.getItem(NETWORK_PRINTER_KEY);
    if (!raw) return defaultNetworkPrinter;
    const value = JSON.parse(raw) as Partial<Record<keyof NetworkPrinter, unknown>>;
    return {
      host: typeof value.host === 'string' ? value.host.slice(0, 253) : '',
      port: isPort(value.port) ? value.port : DEFAULT_PORT,
      width: isWidth(value.width) ? value.width : 80,
      nativeQr: typeof value.nativeQr === 'boolean' ? value.nativeQr : true,
    };
  } catch {
    return defaultNetworkPrinter;
  }
}

export function saveNetworkPrinter(printer: NetworkPrinter, to: StorageLike | null = storage()): void {
  try {
    to?.setItem(NETWORK_PRINTER_KEY, JSON.stringify({ host: printer.host.trim(), port: printer.port, width: printer.width, nativeQr: printer.nativeQr }));
  } catch {
    // not remembered
  }
}

export function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65_535;
}

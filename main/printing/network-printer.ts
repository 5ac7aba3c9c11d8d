import { type Socket, createConnection } from 'node:net';
import { NetworkPrinterError, NetworkPrinterErrorCode } from './network-printer-error';
import { type PrinterAddress, formatPrinterAddress, parsePrinterAddress } from './printer-address';
import { type ResolveHost, allowedPrinterTarget } from './printer-address-rule';

/**
 * Sends bytes to a receipt printer over raw TCP (port 9100 by default). Resolves once the operating
 * system has taken every byte and the connection is being closed; the printer's own status (paper,
 * cover) is not asked for. Errors say in plain language what happened and what to check next.
 */

export interface SendToPrinterOptions {
  /** How long the printer may take to accept the connection. */
  connectTimeoutMs?: number;
  /** How long the printer may stop taking data (paper out, cover open) before giving up. */
  writeTimeoutMs?: number;
  /** Opens the connection (to the checked IP address); tests pass one that never connects. */
  openConnection?: (address: PrinterAddress) => Socket;
  /** Resolves a printer's host name; tests pass a fixed answer. */
  resolve?: ResolveHost;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_WRITE_TIMEOUT_MS = 15_000;
/** After the last byte, how long the printer gets to close its side before the socket is dropped. */
const CLOSE_GRACE_MS = 5_000;

type Phase = 'connect' | 'write';

export async function sendToNetworkPrinter(
  printer: { host: string; port?: number | string },
  bytes: Uint8Array,
  options: SendToPrinterOptions = {},
): Promise<void> {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  const address = parsePrinterAddress(printer.host, printer.port);
  // The address rule runs before any socket exists; the socket goes to the address it checked.
  const target = await checkedTarget(address, options.resolve, { connectTimeoutMs, writeTimeoutMs });
  const open = options.openConnection ?? ((a: PrinterAddress) => createConnection({ host: a.host, port: a.port }));

  await new Promise<void>((resolve, reject) => {
    const socket = open(target);
    let phase: Phase = 'connect';
    let settled = false;
    const settle = (error?: NetworkPrinterError) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      socket.setTimeout(0);
      if (error) {
        socket.destroy();
        reject(error);
        return;
      }
      // Let the printer close its side; drop the socket if it does not.
      const grace = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
      socket.once('close', () => clearTimeout(grace));
      resolve();
    };
    const connectTimer = setTimeout(
      () => settle(printerError(NetworkPrinterErrorCode.connectTimeout, address, { connectTimeoutMs, writeTimeoutMs })),
      connectTimeoutMs,
    );

    socket.on('error', (error: NodeJS.ErrnoException) => settle(printerErrorFor(error, phase, address, { connectTimeoutMs, writeTimeoutMs })));
    // Status bytes a printer may send back are read and dropped, so closing never resets the connection.
    socket.on('data', () => {});
    socket.once('connect', () => {
      clearTimeout(connectTimer);
      phase = 'write';
      socket.setTimeout(writeTimeoutMs, () => settle(printerError(NetworkPrinterErrorCode.writeTimeout, address, { connectTimeoutMs, writeTimeoutMs })));
      socket.end(bytes, () => settle());
    });
  });
}

/**
 * A printer address as the page sends it, parsed and put through the address rule (printer-address-rule.ts):
 * the IP address to connect to. Connects to nothing; a name that does not resolve gets the usual advice.
 */
export async function checkNetworkPrinter(printer: { host: string; port?: number | string }, resolve?: ResolveHost): Promise<PrinterAddress> {
  const address = parsePrinterAddress(printer.host, printer.port);
  return checkedTarget(address, resolve, { connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS, writeTimeoutMs: DEFAULT_WRITE_TIMEOUT_MS });
}

async function checkedTarget(address: PrinterAddress, resolve: ResolveHost | undefined, timeouts: Timeouts): Promise<PrinterAddress> {
  try {
    return await allowedPrinterTarget(address, resolve);
  } catch (error) {
    if (error instanceof NetworkPrinterError) throw error;
    throw printerErrorFor(error as { code?: string }, 'connect', address, timeouts);
  }
}

interface Timeouts {
  connectTimeoutMs: number;
  writeTimeoutMs: number;
}

const NAME_ERRORS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const UNREACHABLE_ERRORS = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const LOST_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** The plain-language error for a socket error code during connecting or writing. */
export function printerErrorFor(error: { code?: string }, phase: Phase, address: PrinterAddress, timeouts: Timeouts): NetworkPrinterError {
  const code = error.code ?? '';
  if (NAME_ERRORS.has(code)) return printerError(NetworkPrinterErrorCode.nameNotFound, address, timeouts);
  if (code === 'ECONNREFUSED') return printerError(NetworkPrinterErrorCode.refused, address, timeouts);
  if (UNREACHABLE_ERRORS.has(code)) return printerError(NetworkPrinterErrorCode.unreachable, address, timeouts);
  if (code === 'ETIMEDOUT') {
    return printerError(phase === 'connect' ? NetworkPrinterErrorCode.connectTimeout : NetworkPrinterErrorCode.writeTimeout, address, timeouts);
  }
  if (LOST_ERRORS.has(code)) return printerError(NetworkPrinterErrorCode.connectionLost, address, timeouts);
  return new NetworkPrinterError(
    NetworkPrinterErrorCode.failed,
    `Printing to ${formatPrinterAddress(address)} failed (${code || 'unknown error'}). Check that the printer is switched on and connected to the network, then try again.`,
  );
}

function printerError(
  code: Exclude<NetworkPrinterErrorCode, 'E_PRINTER_FAILED' | 'E_PRINTER_ADDRESS_INVALID' | 'E_PRINTER_ADDRESS_NOT_ALLOWED' | 'E_PRINTER_PORT_NOT_ALLOWED'>, address: PrinterAddress, timeouts: Timeouts): NetworkPrinterError {
  const where = formatPrinterAddress(address);
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  const messages: Record<typeof code, string> = {
    E_PRINTER_NAME_NOT_FOUND: `The printer name "${address.host}" could not be found on this network. Enter the printer's IP address instead: it is on the network status sheet the printer prints when you hold its feed button while switching it on.`,
    E_PRINTER_UNREACHABLE: `The printer at ${address.host} cannot be reached from this laptop (no route to it). Check that the laptop is connected to the store's network, the same one as the printer, and that the IP address is right.`,
    E_PRINTER_REFUSED: `The device at ${address.host} refused the connection on port ${address.port}. Check that this is the receipt printer's IP address and that its port is ${address.port} (raw printing), and close other programs that may be printing to it.`,
    E_PRINTER_CONNECT_TIMEOUT: `The printer at ${where} did not answer within ${seconds(timeouts.connectTimeoutMs)}. Check that it is switched on, that its network cable is plugged in (or it is on the store's Wi-Fi), and that the IP address is right.`,
    E_PRINTER_WRITE_TIMEOUT: `The printer at ${where} stopped taking data for ${seconds(timeouts.writeTimeoutMs)}. Check that it has paper, its cover is closed and no error light is on, then print again.`,
    E_PRINTER_CONNECTION_LOST: `The printer at ${where} closed the connection while receiving the receipt. Check paper, cover and error light, then print again.`,
  };
  return new NetworkPrinterError(code, messages[code]);
}

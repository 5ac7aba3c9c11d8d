import { isIP } from 'node:net';
import { NetworkPrinterError, NetworkPrinterErrorCode } from './network-printer-error';

/** Raw TCP printing (JetDirect / "port 9100"): what every network receipt printer listens on by default. */
export const DEFAULT_PRINTER_PORT = 9100;

export interface PrinterAddress {
  /** A hostname, an IPv4 literal or an IPv6 literal (without brackets). */
  host: string;
  port: number;
}

const HOSTNAME_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const LOOKS_LIKE_IPV4 = /^[\d.]+$/;

/**
 * Checks a printer address as typed: `host` is a hostname (RFC 1123), an IPv4 address, or an IPv6 address
 * with or without [brackets]; `port` is 1–65535 (9100 when not given). Throws a NetworkPrinterError that
 * says what is wrong.
 */
export function parsePrinterAddress(host: string, port: number | string = DEFAULT_PRINTER_PORT): PrinterAddress {
  const trimmed = host.trim();
  const unbracketed = /^\[.*\]$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
  if (unbracketed === '') throw invalid('The printer address is empty. Enter the IP address shown on the printer\'s network status sheet.');
  if (isIP(unbracketed) === 0) {
    if (unbracketed.includes(':')) throw invalid(`"${host}" is not a valid IPv6 address.`);
    if (LOOKS_LIKE_IPV4.test(unbracketed)) throw invalid(`"${host}" is not a valid IPv4 address: it has four numbers from 0 to 255, like 192.168.1.50.`);
    const name = unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
    if (name.length > 253 || !name.split('.').every((label) => HOSTNAME_LABEL.test(label))) {
      throw invalid(`"${host}" is neither an IP address nor a valid host name (letters, digits, hyphens and dots only).`);
    }
  }
  const portNumber = typeof port === 'number' ? port : /^\d{1,5}$/.test(port.trim()) ? Number(port.trim()) : Number.NaN;
  if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) {
    throw invalid(`"${port}" is not a port number: use a whole number from 1 to 65535 (receipt printers use ${DEFAULT_PRINTER_PORT}).`);
  }
  return { host: unbracketed, port: portNumber };
}

/** host:port as a person writes it, IPv6 in brackets. */
export function formatPrinterAddress(address: PrinterAddress): string {
  return isIP(address.host) === 6 ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

function invalid(message: string): NetworkPrinterError {
  return new NetworkPrinterError(NetworkPrinterErrorCode.invalidAddress, message);
}

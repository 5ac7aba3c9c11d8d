import { AppError } from '../core/errors';

export const NetworkPrinterErrorCode = {
  invalidAddress: 'E_PRINTER_ADDRESS_INVALID',
  /** Not on loopback or a private network (printer-address-rule.ts). */
  addressNotAllowed: 'E_PRINTER_ADDRESS_NOT_ALLOWED',
  /** Not a raw printing port 9100–9109 (printer-address-rule.ts). */
  portNotAllowed: 'E_PRINTER_PORT_NOT_ALLOWED',
  nameNotFound: 'E_PRINTER_NAME_NOT_FOUND',
  unreachable: 'E_PRINTER_UNREACHABLE',
  refused: 'E_PRINTER_REFUSED',
  connectTimeout: 'E_PRINTER_CONNECT_TIMEOUT',
  writeTimeout: 'E_PRINTER_WRITE_TIMEOUT',
  connectionLost: 'E_PRINTER_CONNECTION_LOST',
  failed: 'E_PRINTER_FAILED',
} as const;
export type NetworkPrinterErrorCode = (typeof NetworkPrinterErrorCode)[keyof typeof NetworkPrinterErrorCode];

/** A receipt that did not reach the printer; the message says what happened and what to check next. */
export class NetworkPrinterError extends AppError {
  constructor(code: NetworkPrinterErrorCode, message: string) {
    super(code, message);
    this.name = 'NetworkPrinterError';
  }
}

/** Country-neutral printing: paper, text wrapping, QR symbols, ESC/POS bytes, raw TCP printers, the print port. */
export { PAPER, type Paper, type PaperWidth } from './paper';
export { type PrintLayout, MIN_COLUMNS, MAX_COLUMNS, checkColumns } from './print-layout';
export { PrintError, PrintErrorCode } from './print-error';
export { ESC_POS_CODEPAGE, type EscPosOptions, encodeEscPos } from './escpos';
export { DEFAULT_PRINTER_PORT, type PrinterAddress, formatPrinterAddress, parsePrinterAddress } from './printer-address';
export { NetworkPrinterError, NetworkPrinterErrorCode } from './network-printer-error';
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_WRITE_TIMEOUT_MS,
  type SendToPrinterOptions,
  checkNetworkPrinter,
  sendToNetworkPrinter,
} from './network-printer';
export { PRINTER_PORTS, isPrinterPort, isPrivateNetworkAddress } from './printer-address-rule';

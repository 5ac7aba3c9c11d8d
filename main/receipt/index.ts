/** Test receipts and handover reports: the model, its text, HTML, ESC/POS bytes, and raw TCP printing. */
export {
  type ReceiptEnvironment,
  type ReceiptItem,
  type ReceiptModel,
  type ReceiptModelInput,
  type ReceiptTse,
  TEST_ITEM_DESCRIPTION,
  buildReceiptModel,
} from './receipt-model';
export { type PaymentAmount, type ReceiptAmounts, type VatAmount, type VatRate, VAT_RATES, amountsFromProcessData } from './receipt-amounts';
export { ReceiptError, ReceiptErrorCode } from './receipt-error';
export { RECEIPT_TIME_ZONE } from './german-format';
export { PAPER, type Paper, type PaperWidth, PRINTER_DPI } from './paper';
export { type ReceiptTextLayout, receiptPlainText, receiptTextLayout } from './receipt-text';
export { type ReceiptHtml, type ReceiptHtmlOptions, renderReceiptHtml } from './receipt-html';
export { type HandoverReportInput, renderHandoverReportHtml } from './handover-report-html';
export { ESC_POS_CODEPAGE, type EscPosOptions, encodeReceiptEscPos } from './escpos';
export { MIN_DOTS_PER_MODULE, QR_ERROR_CORRECTION, QR_QUIET_ZONE_MODULES } from './qr-symbol';
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

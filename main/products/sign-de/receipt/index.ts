/** Test receipts: the model, its text, HTML, ESC/POS bytes, and raw TCP printing. */
export { type ReceiptModelInput, TEST_ITEM_DESCRIPTION, buildReceiptModel } from './receipt-model';
export { type ReceiptAmounts, VAT_RATES, amountsFromProcessData } from './receipt-amounts';
export { ReceiptError, ReceiptErrorCode } from './receipt-error';
export { RECEIPT_TIME_ZONE } from '../../../../preload/contract/sign-de/german-format';
export { type ReceiptTextLayout, receiptPlainText, receiptTextLayout } from './receipt-text';
export { type ReceiptHtml, type ReceiptHtmlOptions, renderReceiptHtml } from './receipt-html';
export { encodeReceiptEscPos } from './receipt-escpos';

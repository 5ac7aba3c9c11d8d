import { type EscPosOptions, PAPER, encodeEscPos } from '../../../printing';
import type { ReceiptModel } from '../../../../preload/contract/sign-de/receipt';
import { receiptTextLayout } from './receipt-text';

/** The German test receipt for a thermal printer: its text laid out for the paper, its QR from the TSE. */
export function encodeReceiptEscPos(model: ReceiptModel, options: EscPosOptions): Uint8Array {
  return encodeEscPos(receiptTextLayout(model, PAPER[options.paper].columns), model.qrCodeData, options);
}

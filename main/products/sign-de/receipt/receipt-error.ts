import { AppError } from '../../../core/errors';

export const ReceiptErrorCode = {
  /** qr_code_data is not a DSFinV-K V0 text. */
  qrInvalid: 'E_RECEIPT_QR_INVALID',
  /** The transaction's own fields and its QR say different things. */
  dataMismatch: 'E_RECEIPT_DATA_MISMATCH',
  /** processType/processData that this receipt cannot show amounts for. */
  unsupportedProcess: 'E_RECEIPT_UNSUPPORTED_PROCESS',
  /** The QR code cannot be printed at 4 dots per module on this paper. */
  qrTooLarge: 'E_RECEIPT_QR_TOO_LARGE',
} as const;
export type ReceiptErrorCode = (typeof ReceiptErrorCode)[keyof typeof ReceiptErrorCode];

/** Why a test receipt cannot be built or laid out; the message says it in plain language. */
export class ReceiptError extends AppError {
  constructor(code: ReceiptErrorCode, message: string) {
    super(code, message);
    this.name = 'ReceiptError';
  }
}

import { AppError } from '../core/errors';

/** The codes keep their receipt names: the renderer and the CLI already explain them by these. */
export const PrintErrorCode = {
  /** The QR payload holds characters a printer cannot take unchanged. */
  qrInvalid: 'E_RECEIPT_QR_INVALID',
  /** The QR code cannot be printed at 4 dots per module on this paper. */
  qrTooLarge: 'E_RECEIPT_QR_TOO_LARGE',
} as const;
export type PrintErrorCode = (typeof PrintErrorCode)[keyof typeof PrintErrorCode];

/** Why a layout cannot be printed; the message says it in plain language. */
export class PrintError extends AppError {
  constructor(code: PrintErrorCode, message: string) {
    super(code, message);
    this.name = 'PrintError';
  }
}

import type { Environment } from './environment';

/**
 * The test transaction: a 1.00 EUR cash sale at the standard VAT rate. In LIVE it is booked as a
 * training receipt (AVTraining), so it never counts as real revenue; the sandbox and TEST sign nothing fiscal.
 */
export function testReceiptSchema(environment: Environment) {
  return {
    standard_v1: {
      receipt: {
        receipt_type: environment === 'live' ? 'TRAINING' : 'RECEIPT',
        amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '1.00' }],
        amounts_per_payment_type: [{ payment_type: 'CASH', amount: '1.00' }],
      },
    },
  };
}

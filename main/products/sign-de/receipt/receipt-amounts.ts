import type { PaymentAmount, VatAmount, VatRate } from '../../../../preload/contract/sign-de/receipt';
import { ReceiptError, ReceiptErrorCode } from './receipt-error';

/**
 * The amounts a Kassenbeleg-V1 receipt shows, read back from its signed processData
 * `<BON_TYP>^<19 %>_<7 %>_<10.7 %>_<5.5 %>_<0 %>^<amount>:<Bar|Unbar>[:<currency>]_…` (DSFinV-K Annex I).
 * Gross amounts come from the TSE; tax and net are computed from them, rounded half away from zero to the cent.
 */

export const KASSENBELEG_V1 = 'Kassenbeleg-V1';

/** The five slots in processData order. */
export const VAT_RATES: readonly VatRate[] = [
  { key: 'NORMAL', letter: 'A', percent: '19', permille: 190n },
  { key: 'REDUCED_1', letter: 'B', percent: '7', permille: 70n },
  { key: 'SPECIAL_RATE_1', letter: 'C', percent: '10.7', permille: 107n },
  { key: 'SPECIAL_RATE_2', letter: 'D', percent: '5.5', permille: 55n },
  { key: 'NULL', letter: 'E', percent: '0', permille: 0n },
];

export interface ReceiptAmounts {
  /** DSFinV-K BON_TYP, e.g. "Beleg" or "AVTraining". */
  bonTyp: string;
  /** Slots with a non-zero gross amount, in processData order. */
  vat: VatAmount[];
  /** Payments in the order processData lists them (zero payments are not signed). */
  payments: PaymentAmount[];
  /** Sum of the gross amounts. */
  total: string;
}

const AMOUNT = /^(-?)(\d+)\.(\d{2})$/;
const CURRENCY = /^[A-Z]{3}$/;

export function amountsFromProcessData(processType: string, processData: string): ReceiptAmounts {
  if (processType !== KASSENBELEG_V1) {
    throw unsupported(`only ${KASSENBELEG_V1} receipts can be printed here, this transaction is ${JSON.stringify(processType)}`);
  }
  const parts = processData.split('^');
  if (parts.length !== 3) throw unsupported(`processData has ${parts.length} parts separated by "^", expected 3`);
  const [bonTyp, vatPart, paymentPart] = parts as [string, string, string];
  if (bonTyp === '') throw unsupported('processData names no receipt type (BON_TYP)');

  const grossAmounts = vatPart.split('_');
  if (grossAmounts.length !== VAT_RATES.length) {
    throw unsupported(`processData has ${grossAmounts.length} VAT amounts, expected ${VAT_RATES.length}`);
  }
  let total = 0n;
  const vat: VatAmount[] = [];
  VAT_RATES.forEach((rate, index) => {
    const gross = cents(grossAmounts[index] ?? '', `the ${rate.percent} % amount`);
    total += gross;
    if (gross === 0n) return;
    const tax = divideRounded(gross * rate.permille, 1000n + rate.permille);
    vat.push({ rate, gross: formatCents(gross), tax: formatCents(tax), net: formatCents(gross - tax) });
  });

  const payments = paymentPart === '' ? [] : paymentPart.split('_').map(payment);
  return { bonTyp, vat, payments, total: formatCents(total) };
}

function payment(text: string): PaymentAmount {
  const [amount = '', type = '', currency = 'EUR', ...rest] = text.split(':');
  if (rest.length > 0 || (type !== 'Bar' && type !== 'Unbar') || !CURRENCY.test(currency)) {
    throw unsupported(`the payment ${JSON.stringify(text)} is not <amount>:<Bar|Unbar>[:<currency>]`);
  }
  return { type, currency, amount: formatCents(cents(amount, `the payment ${JSON.stringify(text)}`)) };
}

function cents(text: string, what: string): bigint {
  const match = AMOUNT.exec(text);
  if (!match) throw unsupported(`${what} (${JSON.stringify(text)}) is not an amount with two decimals`);
  const [, sign, whole = '0', fraction = '00'] = match;
  const value = BigInt(whole) * 100n + BigInt(fraction);
  return sign === '-' ? -value : value;
}

/** numerator / denominator rounded half away from zero (denominator > 0). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

function formatCents(value: bigint): string {
  const magnitude = value < 0n ? -value : value;
  const text = `${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
  return value < 0n ? `-${text}` : text;
}

function unsupported(message: string): ReceiptError {
  return new ReceiptError(ReceiptErrorCode.unsupportedProcess, message);
}

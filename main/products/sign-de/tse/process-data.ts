import { formatAmount, parseAmount } from './decimal-amount';

/**
 * processType and processData for a transaction schema, as fiskaly derives them (the `raw` part of its
 * responses, and what it signs and prints in the QR code). Field names follow the API's JSON.
 */

export interface VatAmount {
  vat_rate: string;
  amount: string;
}

export interface PaymentAmount {
  payment_type: string;
  amount: string;
  currency_code?: string;
}

export interface StandardReceipt {
  receipt_type: string;
  amounts_per_vat_rate: VatAmount[];
  amounts_per_payment_type?: PaymentAmount[];
}

export interface OrderLineItem {
  quantity: string;
  text: string;
  price_per_unit: string;
}

export interface StandardOrder {
  line_items: OrderLineItem[];
}

export type StandardV1 = { receipt: StandardReceipt } | { order: StandardOrder } | { other: Record<string, unknown> };

export type TransactionSchema = { standard_v1: StandardV1 } | { raw: { process_type: string; process_data: string } };

export interface ProcessData {
  processType: string;
  /** UTF-8 text for standard_v1; whatever the caller sent for raw. */
  processData: Uint8Array;
}

export class ProcessDataError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ProcessDataError';
  }
}

/** DSFinV-K BON_TYP per receipt_type. */
const BON_TYP: Readonly<Record<string, string>> = {
  RECEIPT: 'Beleg',
  TRAINING: 'AVTraining',
  TRANSFER: 'AVTransfer',
  ORDER: 'AVBestellung',
  CANCELLATION: 'AVBelegabbruch',
  ABORT: 'AVBelegabbruch',
  BENEFIT_IN_KIND: 'AVSachbezug',
  INVOICE: 'AVRechnung',
  OTHER: 'AVSonstige',
  ANNULATION: 'AVBelegstorno',
};

/** The five VAT slots in processData order; the numeric names are deprecated API aliases. */
const VAT_SLOTS = ['NORMAL', 'REDUCED_1', 'SPECIAL_RATE_1', 'SPECIAL_RATE_2', 'NULL'] as const;
const VAT_ALIASES: Readonly<Record<string, (typeof VAT_SLOTS)[number]>> = {
  '19': 'NORMAL',
  '7': 'REDUCED_1',
  '10.7': 'SPECIAL_RATE_1',
  '5.5': 'SPECIAL_RATE_2',
  '0': 'NULL',
};

const PAYMENT_NAMES: Readonly<Record<string, string>> = { CASH: 'Bar', NON_CASH: 'Unbar' };
const QUANTITY = /^-?\d+(\.\d{1,5})?$/;

export function processDataFromSchema(schema: TransactionSchema): ProcessData {
  if ('raw' in schema) return fromRaw(schema.raw);
  const standard = schema.standard_v1;
  const kinds = Object.keys(standard);
  if (kinds.length !== 1) throw new ProcessDataError('standard_v1', 'needs exactly one of receipt, order, other');
  if ('receipt' in standard) return text('Kassenbeleg-V1', receiptProcessData(standard.receipt));
  if ('order' in standard) return text('Bestellung-V1', orderProcessData(standard.order));
  if ('other' in standard) return text('SonstigerVorgang', otherProcessData(standard.other));
  throw new ProcessDataError('standard_v1', `unknown kind ${kinds[0]}`);
}

/**
 * `<BON_TYP>^<NORMAL>_<REDUCED_1>_<SPECIAL_RATE_1>_<SPECIAL_RATE_2>_<NULL>^<payments>`, matching fiskaly's
 * real output. Entries for the same slot (or payment type and currency) are summed exactly and then cut to
 * two decimals; whether fiskaly cuts before or after summing is not known. Payments keep the order in which
 * each type/currency first appears, also unconfirmed.
 */
export function receiptProcessData(receipt: StandardReceipt): string {
  const bonTyp = BON_TYP[receipt.receipt_type];
  if (!bonTyp) throw new ProcessDataError('receipt.receipt_type', `unknown ${JSON.stringify(receipt.receipt_type)}`);

  const vatSums = new Map<string, bigint>(VAT_SLOTS.map((slot) => [slot, 0n]));
  receipt.amounts_per_vat_rate.forEach((entry, index) => {
    const path = `receipt.amounts_per_vat_rate[${index}]`;
    const slot = VAT_ALIASES[entry.vat_rate] ?? entry.vat_rate;
    const sum = vatSums.get(slot);
    if (sum === undefined) throw new ProcessDataError(`${path}.vat_rate`, `unknown ${JSON.stringify(entry.vat_rate)}`);
    vatSums.set(slot, sum + amount(entry.amount, `${path}.amount`));
  });

  const paymentSums = new Map<string, bigint>();
  (receipt.amounts_per_payment_type ?? []).forEach((entry, index) => {
    const path = `receipt.amounts_per_payment_type[${index}]`;
    const name = PAYMENT_NAMES[entry.payment_type];
    if (!name) throw new ProcessDataError(`${path}.payment_type`, `unknown ${JSON.stringify(entry.payment_type)}`);
    const currency = (entry.currency_code ?? 'EUR').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) throw new ProcessDataError(`${path}.currency_code`, 'three letters expected');
    const key = currency === 'EUR' ? name : `${name}:${currency}`;
    paymentSums.set(key, (paymentSums.get(key) ?? 0n) + amount(entry.amount, `${path}.amount`));
  });

  const vat = VAT_SLOTS.map((slot) => formatAmount(vatSums.get(slot) ?? 0n)).join('_');
  const payments = [...paymentSums].map(([key, sum]) => `${formatAmount(sum)}:${key}`).join('_');
  return `${bonTyp}^${vat}^${payments}`;
}

/**
 * One line per item, `<quantity>;"<text>";<price_per_unit>`, lines separated by CR. An inference from the
 * DSFinV-K annex: fiskaly's Bestellung-V1 output was never observed. Values are passed through as sent;
 * a `"` inside the text is doubled as in CSV, also an inference.
 */
export function orderProcessData(order: StandardOrder): string {
  return order.line_items
    .map((item, index) => {
      const path = `order.line_items[${index}]`;
      if (!QUANTITY.test(item.quantity)) throw new ProcessDataError(`${path}.quantity`, 'not a number with up to 5 decimals');
      amount(item.price_per_unit, `${path}.price_per_unit`);
      return `${item.quantity};"${item.text.replaceAll('"', '""')}";${item.price_per_unit}`;
    })
    .join('\r');
}

/** The object as JSON: an inference, fiskaly's SonstigerVorgang output was never observed. */
export function otherProcessData(other: Record<string, unknown>): string {
  return JSON.stringify(other);
}

function fromRaw(raw: { process_type: string; process_data: string }): ProcessData {
  if (raw.process_type === '') throw new ProcessDataError('raw.process_type', 'empty');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(raw.process_data)) {
    throw new ProcessDataError('raw.process_data', 'not base64');
  }
  return { processType: raw.process_type, processData: new Uint8Array(Buffer.from(raw.process_data, 'base64')) };
}

function amount(value: string, path: string): bigint {
  const parsed = parseAmount(value);
  if (parsed === undefined) throw new ProcessDataError(path, 'an amount has 2 to 5 decimals, e.g. "21.42"');
  return parsed;
}

function text(processType: string, processData: string): ProcessData {
  return { processType, processData: new Uint8Array(Buffer.from(processData, 'utf8')) };
}

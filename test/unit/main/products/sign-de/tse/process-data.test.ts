import { describe, expect, it } from 'vitest';
import { type StandardReceipt, ProcessDataError, processDataFromSchema } from '../../../../../../main/products/sign-de/tse/process-data';

const receipt = (r: StandardReceipt): { processType: string; text: string } => {
  const result = processDataFromSchema({ standard_v1: { receipt: r } });
  return { processType: result.processType, text: Buffer.from(result.processData).toString('utf8') };
};

describe('processData for a receipt', () => {
  it('reproduces fiskaly\'s real output', () => {
    expect(
      receipt({
        receipt_type: 'RECEIPT',
        amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '21.42' }],
        amounts_per_payment_type: [{ payment_type: 'NON_CASH', amount: '21.42', currency_code: 'EUR' }],
      }),
    ).toEqual({ processType: 'Kassenbeleg-V1', text: 'Beleg^21.42_0.00_0.00_0.00_0.00^21.42:Unbar' });
  });

  it('reproduces the spec example', () => {
    expect(
      receipt({
        receipt_type: 'RECEIPT',
        amounts_per_vat_rate: [{ vat_rate: 'REDUCED_1', amount: '2.55' }],
        amounts_per_payment_type: [{ payment_type: 'CASH', amount: '2.55' }],
      }).text,
    ).toBe('Beleg^0.00_2.55_0.00_0.00_0.00^2.55:Bar');
  });

  it('names every receipt type by its DSFinV-K BON_TYP', () => {
    const names = {
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
    for (const [type, name] of Object.entries(names)) {
      expect(receipt({ receipt_type: type, amounts_per_vat_rate: [] }).text).toBe(`${name}^0.00_0.00_0.00_0.00_0.00^`);
    }
  });

  it('puts each rate in its slot, deprecated numeric names included, and sums repeats exactly', () => {
    expect(
      receipt({
        receipt_type: 'RECEIPT',
        amounts_per_vat_rate: [
          { vat_rate: 'NULL', amount: '5.00' },
          { vat_rate: '19', amount: '0.10' },
          { vat_rate: 'NORMAL', amount: '0.20' },
          { vat_rate: '7', amount: '1.00' },
          { vat_rate: '10.7', amount: '2.00' },
          { vat_rate: '5.5', amount: '3.00' },
          { vat_rate: '0', amount: '4.00' },
          { vat_rate: 'SPECIAL_RATE_2', amount: '0.50' },
        ],
      }).text,
    ).toBe('Beleg^0.30_1.00_2.00_3.50_9.00^');
  });

  it('handles amounts beyond floating-point precision', () => {
    expect(
      receipt({
        receipt_type: 'RECEIPT',
        amounts_per_vat_rate: [
          { vat_rate: 'NORMAL', amount: '90071992547409.93' },
          { vat_rate: 'NORMAL', amount: '0.01' },
        ],
      }).text,
    ).toBe('Beleg^90071992547409.94_0.00_0.00_0.00_0.00^');
  });

  it('sums up to five decimals and then cuts to two, towards zero', () => {
    const vat = (...amounts: string[]): string =>
      receipt({ receipt_type: 'RECEIPT', amounts_per_vat_rate: amounts.map((amount) => ({ vat_rate: 'NORMAL', amount })) }).text.split('^')[1]!.split('_')[0]!;
    expect(vat('1.999')).toBe('1.99');
    expect(vat('1.005', '1.005')).toBe('2.01');
    expect(vat('-1.23999')).toBe('-1.23');
    expect(vat('-0.001')).toBe('0.00');
    expect(vat('10.00', '-12.50')).toBe('-2.50');
    expect(vat('007.10')).toBe('7.10');
  });

  it('lists payments as amount:Bar / amount:Unbar, summed per type and currency, with non-EUR currencies named', () => {
    expect(
      receipt({
        receipt_type: 'RECEIPT',
        amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '30.00' }],
        amounts_per_payment_type: [
          { payment_type: 'CASH', amount: '10.00' },
          { payment_type: 'NON_CASH', amount: '5.00', currency_code: 'EUR' },
          { payment_type: 'CASH', amount: '3.00', currency_code: 'USD' },
          { payment_type: 'CASH', amount: '2.00', currency_code: 'eur' },
          { payment_type: 'NON_CASH', amount: '10.00' },
        ],
      }).text,
    ).toBe('Beleg^30.00_0.00_0.00_0.00_0.00^12.00:Bar_15.00:Unbar_3.00:Bar:USD');
  });

  it('says which field is wrong', () => {
    const bad = (r: StandardReceipt): ProcessDataError => {
      try {
        receipt(r);
      } catch (error) {
        if (error instanceof ProcessDataError) return error;
      }
      throw new Error('expected a ProcessDataError');
    };
    expect(bad({ receipt_type: 'BILL', amounts_per_vat_rate: [] }).path).toBe('receipt.receipt_type');
    expect(bad({ receipt_type: 'RECEIPT', amounts_per_vat_rate: [{ vat_rate: '16', amount: '1.00' }] }).path).toBe(
      'receipt.amounts_per_vat_rate[0].vat_rate',
    );
    for (const amount of ['21.4', '21', '1e3', '21.123456', ' 1.00', '+1.00', '1,00']) {
      expect(bad({ receipt_type: 'RECEIPT', amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount }] }).path).toBe(
        'receipt.amounts_per_vat_rate[0].amount',
      );
    }
    expect(
      bad({ receipt_type: 'RECEIPT', amounts_per_vat_rate: [], amounts_per_payment_type: [{ payment_type: 'CARD', amount: '1.00' }] }).path,
    ).toBe('receipt.amounts_per_payment_type[0].payment_type');
    expect(
      bad({
        receipt_type: 'RECEIPT',
        amounts_per_vat_rate: [],
        amounts_per_payment_type: [{ payment_type: 'CASH', amount: '1.00', currency_code: 'EURO' }],
      }).path,
    ).toBe('receipt.amounts_per_payment_type[0].currency_code');
  });
});

describe('processData for other schemas', () => {
  const decode = (schema: Parameters<typeof processDataFromSchema>[0]): [string, string] => {
    const result = processDataFromSchema(schema);
    return [result.processType, Buffer.from(result.processData).toString('utf8')];
  };

  it('writes an order as one quantity;"text";price line per item, separated by CR', () => {
    expect(
      decode({
        standard_v1: {
          order: {
            line_items: [
              { quantity: '2', text: 'Eisbecher "Himbeer"', price_per_unit: '3.50' },
              { quantity: '0.5', text: 'Kaffee', price_per_unit: '-1.20' },
            ],
          },
        },
      }),
    ).toEqual(['Bestellung-V1', '2;"Eisbecher ""Himbeer""";3.50\r0.5;"Kaffee";-1.20']);
    expect(() => processDataFromSchema({ standard_v1: { order: { line_items: [{ quantity: 'x', text: 'a', price_per_unit: '1.00' }] } } })).toThrow(
      /line_items\[0\]\.quantity/,
    );
  });

  it('writes other as SonstigerVorgang with the object as JSON', () => {
    expect(decode({ standard_v1: { other: { reason: 'Einlage', amount: 50 } } })).toEqual([
      'SonstigerVorgang',
      '{"reason":"Einlage","amount":50}',
    ]);
  });

  it('passes raw through', () => {
    const bytes = Buffer.from([0xff, 0x00, 0x41]);
    const result = processDataFromSchema({ raw: { process_type: 'Kassenbeleg-V1', process_data: bytes.toString('base64') } });
    expect(result.processType).toBe('Kassenbeleg-V1');
    expect(Buffer.from(result.processData).equals(bytes)).toBe(true);
    expect(() => processDataFromSchema({ raw: { process_type: 'X', process_data: 'not base64!' } })).toThrow(ProcessDataError);
  });

  it('wants exactly one of receipt, order, other', () => {
    expect(() =>
      processDataFromSchema({
        standard_v1: { receipt: { receipt_type: 'RECEIPT', amounts_per_vat_rate: [] }, other: {} } as never,
      }),
    ).toThrow(/exactly one/);
  });
});

import { describe, expect, it } from 'vitest';
import { amountsFromProcessData } from '../../../../../../main/products/sign-de/receipt';

const amounts = (processData: string) => amountsFromProcessData('Kassenbeleg-V1', processData);
const vatOf = (processData: string) => amounts(processData).vat.map((v) => [v.rate.percent, v.gross, v.tax, v.net]);

describe('amountsFromProcessData', () => {
  it('reads the test receipt: 1.00 gross at 19 % is 0.16 tax and 0.84 net, paid 1.00 cash', () => {
    expect(amounts('Beleg^1.00_0.00_0.00_0.00_0.00^1.00:Bar')).toEqual({
      bonTyp: 'Beleg',
      vat: [{ rate: expect.objectContaining({ key: 'NORMAL', letter: 'A', percent: '19' }), gross: '1.00', tax: '0.16', net: '0.84' }],
      payments: [{ type: 'Bar', currency: 'EUR', amount: '1.00' }],
      total: '1.00',
    });
  });

  it('reads every VAT slot in processData order and rounds tax half away from zero', () => {
    expect(vatOf('Beleg^4.20_1.07_1.00_1.00_2.00^')).toEqual([
      ['19', '4.20', '0.67', '3.53'],
      ['7', '1.07', '0.07', '1.00'],
      ['10.7', '1.00', '0.10', '0.90'],
      ['5.5', '1.00', '0.05', '0.95'],
      ['0', '2.00', '0.00', '2.00'],
    ]);
    // 0.10 at 7 %: 0.00654… → 0.01; 11.90 at 19 %: exactly 1.90
    expect(vatOf('Beleg^11.90_0.10_0.00_0.00_0.00^')).toEqual([
      ['19', '11.90', '1.90', '10.00'],
      ['7', '0.10', '0.01', '0.09'],
    ]);
  });

  it('keeps negative amounts (cancellations) negative', () => {
    expect(vatOf('AVBelegstorno^-1.00_0.00_0.00_0.00_0.00^-1.00:Bar')).toEqual([['19', '-1.00', '-0.16', '-0.84']]);
    expect(amounts('AVBelegstorno^-1.00_0.00_0.00_0.00_0.00^-1.00:Bar').total).toBe('-1.00');
  });

  it('reads several payment types and foreign currencies in their signed order', () => {
    expect(amounts('Beleg^10.00_5.00_0.00_0.00_0.00^5.00:Bar_8.00:Unbar_2.00:Bar:USD')).toMatchObject({
      payments: [
        { type: 'Bar', currency: 'EUR', amount: '5.00' },
        { type: 'Unbar', currency: 'EUR', amount: '8.00' },
        { type: 'Bar', currency: 'USD', amount: '2.00' },
      ],
      total: '15.00',
    });
  });

  it('refuses what it cannot show correctly', () => {
    const refused = [
      () => amountsFromProcessData('Bestellung-V1', '1;"Brot";2.50'),
      () => amounts('Beleg^1.00_0.00_0.00_0.00^1.00:Bar'),
      () => amounts('Beleg^1.0_0.00_0.00_0.00_0.00^1.00:Bar'),
      () => amounts('Beleg^1.00_0.00_0.00_0.00_0.00^1.00:Karte'),
      () => amounts('Beleg^1.00_0.00_0.00_0.00_0.00^1.00:Bar:eur'),
      () => amounts('^1.00_0.00_0.00_0.00_0.00^1.00:Bar'),
      () => amounts('Beleg^1.00_0.00_0.00_0.00_0.00'),
    ];
    for (const call of refused) expect(call).toThrow(expect.objectContaining({ code: 'E_RECEIPT_UNSUPPORTED_PROCESS' }));
  });
});

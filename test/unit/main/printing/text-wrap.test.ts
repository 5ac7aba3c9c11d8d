import { describe, expect, it } from 'vitest';
import { centredLines, labelledData, labelledLines, wrapText } from '../../../../main/printing/text-wrap';

describe('text wrapping', () => {
  it('breaks at spaces and splits words longer than a line without losing a character', () => {
    expect(wrapText('Große Straße 12', 8)).toEqual(['Große', 'Straße', '12']);
    expect(wrapText('abcdefghij klm', 4)).toEqual(['abcd', 'efgh', 'ij', 'klm']);
    expect(wrapText('ab\ncd', 10)).toEqual(['ab', 'cd']);
  });

  it('counts umlauts and the euro sign as one column each', () => {
    expect(labelledLines('Summe', '1,00 €', 13)).toEqual(['Summe  1,00 €']);
    expect(labelledLines('Zähler', 'äöüß', 11)).toEqual(['Zähler äöüß']);
  });

  it('moves a value below its label when both do not fit on one line', () => {
    expect(labelledLines('Label', '1234567', 12)).toEqual(['Label', '1234567']);
    expect(labelledLines('Label', '123456', 12)).toEqual(['Label 123456']);
  });

  it('cuts data into full lines only, so the lines put together are exactly the value', () => {
    expect(labelledData('Kasse', 'KASSE  01 (Theke) vorne', 8)).toEqual(['Kasse', 'KASSE  0', '1 (Theke', ') vorne']);
    expect(labelledData('Kasse', 'K1', 8)).toEqual(['Kasse K1']);
  });

  it('centres lines, the odd space going to the right', () => {
    expect(centredLines('ab', 5)).toEqual([' ab']);
  });
});

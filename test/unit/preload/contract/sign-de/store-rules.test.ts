import { describe, expect, it } from 'vitest';
import { StorePlan } from '../../../../../preload/contract/sign-de/store-plan';
import { findControlCharacter } from '../../../../../preload/contract/core/control-characters';

describe('control characters in names', () => {
  it.each([
    ['Kasse\n1', 'U+000A', 6],
    ['Kasse\r', 'U+000D', 6],
    ['Kasse\t1', 'U+0009', 6],
    ['\u0000', 'U+0000', 1],
    ['\u001b[31mrot', 'U+001B', 1],
    ['C1 \u0085 next line', 'U+0085', 4],
    ['CSI \u009b2J', 'U+009B', 5],
    ['del\u007f', 'U+007F', 4],
    ['Filiale \u202eeloK', 'U+202E', 9],
    ['\u2066isolate\u2069', 'U+2066', 1],
    ['rtl\u200fmark', 'U+200F', 4],
    ['alm\u061c', 'U+061C', 4],
    ['line\u2028separator', 'U+2028', 5],
    ['\ufeffBOM', 'U+FEFF', 1],
    ['😀\u001b', 'U+001B', 2],
  ])('finds it in %j', (text, codePoint, position) => {
    expect(findControlCharacter(text)).toMatchObject({ codePoint, position });
  });

  it.each(['Filiale Köln-Süd', 'Café "Zur Post" & Söhne', 'מאפייה', 'مخبز', '家族 👨‍👩‍👧', "KASSE-01 (Theke) +1"])('lets %j through', (text) => {
    expect(findControlCharacter(text)).toBeNull();
  });

  it('lets line breaks through only where asked (an address has lines)', () => {
    expect(findControlCharacter('Beispielweg 1\r\n20095 Hamburg', { lineBreaks: true })).toBeNull();
    expect(findControlCharacter('Beispielweg 1\n\u001b[2J', { lineBreaks: true })).toMatchObject({ codePoint: 'U+001B' });
  });

  it('is part of the store plan every caller shares: app, CLI and plan files', () => {
    const plan = (fields: object) => StorePlan.safeParse({ storeName: 'Nord', environment: 'sandbox', clients: [{ serialNumber: 'K1' }], ...fields });
    expect(plan({ storeName: 'Nord\n' }).error?.issues[0]).toMatchObject({ path: ['storeName'], message: expect.stringMatching(/line break \(U\+000A\) at character 5/) });
    expect(plan({ storeName: 'Nord\u202e' }).success).toBe(false);
    expect(plan({ storeAddress: 'Weg 1\n20095 Hamburg' }).success).toBe(true);
    expect(plan({ storeAddress: 'Weg 1\u0000' }).error?.issues[0]?.path).toEqual(['storeAddress']);
    expect(plan({ clients: [{ serialNumber: 'K\u001b1' }] }).success).toBe(false);
    expect(plan({ tssDescription: 'Nord\n' }).success).toBe(false);
  });
});

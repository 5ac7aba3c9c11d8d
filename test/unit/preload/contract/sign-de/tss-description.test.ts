import { describe, expect, it } from 'vitest';
import { StorePlan } from '../../../../../preload/contract/sign-de/store-plan';
import { TSS_DESCRIPTION_PATTERN } from '../../../../../preload/contract/sign-de/store-rules';
import { toTssDescription } from '../../../../../preload/contract/sign-de/tss-description';

describe('toTssDescription', () => {
  it('spells out German umlauts and ß instead of refusing them (issue 11)', () => {
    expect(toTssDescription('Bäckerei Müller, Köln')).toBe('Baeckerei Mueller, Koeln');
    expect(toTssDescription('ÄÖÜ äöü ß ẞ')).toBe('AeOeUe aeoeue ss SS');
    expect(toTssDescription('Straße 1')).toBe('Strasse 1');
  });

  it('drops other accents, writes & as +, and turns what fiskaly refuses into a space', () => {
    expect(toTssDescription('Café Zoë & Co.')).toBe('Cafe Zoe + Co.');
    expect(toTssDescription('Kasse_1 #Theke\t*Süd*')).toBe('Kasse 1 Theke Sued');
    expect(toTssDescription("Filiale (1) / Theke: A=B? O'Neil")).toBe("Filiale (1) / Theke: A=B? O'Neil");
  });

  it('keeps to 100 characters, even when spelling out makes it longer', () => {
    const long = toTssDescription('ä'.repeat(100));
    expect(long).toBe('ae'.repeat(50));
    expect(toTssDescription(`${'x'.repeat(99)} y`)).toBe('x'.repeat(99));
  });

  it('always gives what the plan schema and fiskaly take', () => {
    for (const text of ['', '   ', '€€€', 'Ünïcödé – “Theke”', '🙂 Filiale 😀', 'a\u0000b']) {
      const description = toTssDescription(text);
      expect(TSS_DESCRIPTION_PATTERN.test(description), text).toBe(true);
      expect(StorePlan.safeParse({ storeName: 'X', environment: 'sandbox', clients: [{ serialNumber: 'K1' }], tssDescription: description }).success, text).toBe(true);
    }
  });
});

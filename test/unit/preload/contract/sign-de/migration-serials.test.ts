import { describe, expect, it } from 'vitest';
import { isValidV2Serial, suggestV2Serial, suggestV2Serials } from '../../../../../preload/contract/sign-de/migration-serials';

describe('isValidV2Serial', () => {
  it.each([
    ['KASSE-01', true],
    ["A (1) + B, c. d: e = f? 'g'", true],
    ['x'.repeat(70), true],
    ['x'.repeat(71), false],
    ['KASSE_01', false],
    ['KASSE/01', false],
    [' KASSE', false],
    ['KASSE ', false],
    ['', false],
    ['Kässe', false],
  ])('%j → %s', (serial, valid) => {
    expect(isValidV2Serial(serial)).toBe(valid);
  });
});

describe('suggestV2Serial', () => {
  it('replaces each forbidden character with "-" and spells German letters out', () => {
    expect(suggestV2Serial('KASSE_01', [])).toBe('KASSE-01');
    expect(suggestV2Serial('Theke/Süd#2', [])).toBe('Theke-Sued-2');
    expect(suggestV2Serial('Straße\t1', [])).toBe('Strasse-1');
    // One "-" per character, also beyond the BMP.
    expect(suggestV2Serial('K😀1', [])).toBe('K-1');
  });

  it('trims to 70 characters and leaves no space at either end', () => {
    expect(suggestV2Serial(`  ${'a'.repeat(80)}  `, [])).toBe('a'.repeat(70));
    // Cut at 70 lands after a space: the space goes too.
    expect(suggestV2Serial(`${'a'.repeat(69)} b_`, [])).toBe('a'.repeat(69));
  });

  it('gives a serial of nothing but spaces a name', () => {
    expect(suggestV2Serial('   ', [])).toBe('KASSE');
    expect(suggestV2Serial('', ['kasse'])).toBe('KASSE-2');
  });

  it('never collides with a taken serial, whatever its case', () => {
    expect(suggestV2Serial('KASSE_01', ['kasse-01'])).toBe('KASSE-01-2');
    expect(suggestV2Serial('KASSE_01', ['KASSE-01', 'Kasse-01-2'])).toBe('KASSE-01-3');
  });

  it('keeps a numbered suggestion within 70 characters', () => {
    const long = `${'b'.repeat(70)}_`;
    const taken = ['B'.repeat(70)];
    const suggestion = suggestV2Serial(long, taken);
    expect(suggestion).toBe(`${'b'.repeat(68)}-2`);
    expect(suggestion).toHaveLength(70);
    expect(isValidV2Serial(suggestion)).toBe(true);
  });
});

describe('suggestV2Serials', () => {
  it('keeps valid serials, fixes invalid ones and numbers twins, no two alike in any case', () => {
    const tills = [
      { v1ClientId: 'c1', serialNumber: 'KASSE_01' },
      { v1ClientId: 'c2', serialNumber: 'Kasse-01' },
      { v1ClientId: 'c3', serialNumber: 'kasse-01' },
      { v1ClientId: 'c4', serialNumber: 'KASSE/01' },
      { v1ClientId: 'c5', serialNumber: 'Theke 2' },
    ];
    expect(suggestV2Serials(tills)).toEqual([
      // Kasse-01 (c2) is reserved before any fix, so c1's fix steps aside.
      { v1ClientId: 'c1', serialNumber: 'KASSE_01', suggestedSerial: 'KASSE-01-2', reason: 'invalid' },
      { v1ClientId: 'c2', serialNumber: 'Kasse-01' },
      { v1ClientId: 'c3', serialNumber: 'kasse-01', suggestedSerial: 'kasse-01-3', reason: 'twin', twinOf: 'Kasse-01' },
      { v1ClientId: 'c4', serialNumber: 'KASSE/01', suggestedSerial: 'KASSE-01-4', reason: 'invalid' },
      { v1ClientId: 'c5', serialNumber: 'Theke 2' },
    ]);
  });
});

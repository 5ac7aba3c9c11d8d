import { describe, expect, it } from 'vitest';
import type { InventoryTill, V1Tss } from '../../../../../preload/contract/sign-de/migration';
import { inventoryProblems, resolveV2Serials } from '../../../../../preload/contract/sign-de/migration-inventory';

const tss: V1Tss = { id: '812487af-04f7-489d-9fdd-cfdfbd4e0019', state: 'INITIALIZED', certificateSerial: 'abc', timeInit: 1601280003 };
const tills: InventoryTill[] = [
  { v1ClientId: 'c1', serialNumber: 'KASSE-01', lastTransactionAt: 1614590000 },
  { v1ClientId: 'c2', serialNumber: 'KASSE_02' },
  { v1ClientId: 'c3', serialNumber: 'kasse-01' },
];

describe('inventoryProblems', () => {
  it('flags an invalid serial and a twin, each with a suggested fix', () => {
    expect(inventoryProblems(tss, tills)).toEqual([
      { code: 'serial-invalid', v1ClientId: 'c2', serialNumber: 'KASSE_02', suggestedSerial: 'KASSE-02' },
      { code: 'serial-twin', v1ClientId: 'c3', serialNumber: 'kasse-01', twinOf: 'KASSE-01', suggestedSerial: 'kasse-01-2' },
    ]);
  });

  it('flags nothing for a clean initialized TSS', () => {
    expect(inventoryProblems(tss, [tills[0]!])).toEqual([]);
  });

  it('flags a TSS already disabled, with its time', () => {
    expect(inventoryProblems({ ...tss, state: 'DISABLED', timeDisable: 1700000000 }, [])).toEqual([{ code: 'tss-disabled', timeDisable: 1700000000 }]);
    expect(inventoryProblems({ ...tss, state: 'DISABLED' }, [])).toEqual([{ code: 'tss-disabled' }]);
  });

  it('flags more than 199 tills, not 199', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ v1ClientId: `c${i}`, serialNumber: `K-${i}` }));
    expect(inventoryProblems(tss, many(199))).toEqual([]);
    expect(inventoryProblems(tss, many(200))).toEqual([{ code: 'too-many-tills', count: 200, max: 199 }]);
  });
});

describe('resolveV2Serials', () => {
  it('applies the confirmed fixes and keeps the V1 serial of a fixed till', () => {
    const fixes = [
      { v1ClientId: 'c2', from: 'KASSE_02', to: 'KASSE-02' },
      { v1ClientId: 'c3', from: 'kasse-01', to: 'KASSE-03' },
    ];
    expect(resolveV2Serials(tills, fixes)).toEqual({
      ok: true,
      tills: [
        { v1ClientId: 'c1', serialNumber: 'KASSE-01' },
        { v1ClientId: 'c2', serialNumber: 'KASSE-02', v1SerialNumber: 'KASSE_02' },
        { v1ClientId: 'c3', serialNumber: 'KASSE-03', v1SerialNumber: 'kasse-01' },
      ],
    });
  });

  it('refuses while a serial is invalid or a twin', () => {
    expect(resolveV2Serials(tills, [])).toEqual({
      ok: false,
      unresolved: [
        { v1ClientId: 'c2', serialNumber: 'KASSE_02', why: 'invalid' },
        { v1ClientId: 'c3', serialNumber: 'kasse-01', why: 'twin' },
      ],
    });
  });

  it('refuses a fix made for a serial the till no longer has', () => {
    const result = resolveV2Serials(tills, [
      { v1ClientId: 'c2', from: 'KASSE_2', to: 'KASSE-02' },
      { v1ClientId: 'c3', from: 'kasse-01', to: 'KASSE-03' },
    ]);
    expect(result).toEqual({ ok: false, unresolved: [{ v1ClientId: 'c2', serialNumber: 'KASSE_02', why: 'stale-fix' }] });
  });

  it('refuses a fix that makes a twin of another till', () => {
    const result = resolveV2Serials(tills, [
      { v1ClientId: 'c2', from: 'KASSE_02', to: 'Kasse-01' },
      { v1ClientId: 'c3', from: 'kasse-01', to: 'KASSE-03' },
    ]);
    expect(result).toEqual({ ok: false, unresolved: [{ v1ClientId: 'c2', serialNumber: 'Kasse-01', why: 'twin' }] });
  });
});

import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildPosMapping, csvCell, excelCsv, posMappingCsv, posMappingJson } from '../../../../../../main/products/sign-de/migration';
import { PosMapping } from '../../../../../../preload/contract/sign-de/migration';
import { posMappingName, v1ExportTarName } from '../../../../../../preload/contract/sign-de/file-names';

const BASE = 'http://127.0.0.1:8080/api/v2';
const input = {
  storeName: 'Café Süd',
  environment: 'sandbox' as const,
  v1TssId: 'v1-tss',
  baseUrlV2: BASE,
  v2Tss: { id: 'v2-tss', serialNumber: 'ab'.repeat(32) },
  tills: [
    { v1ClientId: 'c1', serialNumber: 'KASSE-01' },
    { v1ClientId: 'c2', serialNumber: 'KASSE-02', v1SerialNumber: 'KASSE_02' },
  ],
  v2ClientIds: new Map([
    ['c1', 'n1'],
    ['c2', 'n2'],
  ]),
  cutOverAt: '2026-11-30T21:05:00.000Z',
};

describe('csvCell', () => {
  it.each([
    ['KASSE-01', 'KASSE-01'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    // A comma is no separator here: left as it is.
    ['A, B', 'A, B'],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('round-trips through the plan CSV reader', () => {
    const rows = [['a;b', 'say "hi"'], ['two\r\nlines', 'Süd']];
    const text = excelCsv(['x', 'y'], rows);
    expect(parseCsv(text.replace(/^\uFEFF/, ''), { delimiter: ';' })).toEqual([['x', 'y'], ...rows]);
  });
});

describe('buildPosMapping', () => {
  it('maps each till to its V2 client on the new TSS, keeping a fixed till V1 serial', () => {
    const mapping = buildPosMapping(input);
    expect(mapping).toEqual({
      schema: 'tss-companion-pos-mapping/1',
      storeName: 'Café Süd',
      environment: 'sandbox',
      v1TssId: 'v1-tss',
      cutOverAt: '2026-11-30T21:05:00.000Z',
      tills: [
        { serialNumber: 'KASSE-01', v1ClientId: 'c1', v2ClientId: 'n1', v2TssId: 'v2-tss', v2TssSerialNumber: 'ab'.repeat(32), baseUrl: BASE },
        { serialNumber: 'KASSE-02', v1SerialNumber: 'KASSE_02', v1ClientId: 'c2', v2ClientId: 'n2', v2TssId: 'v2-tss', v2TssSerialNumber: 'ab'.repeat(32), baseUrl: BASE },
      ],
    });
  });

  it('refuses a till without a V2 client', () => {
    expect(() => buildPosMapping({ ...input, v2ClientIds: new Map([['c1', 'n1']]) })).toThrow(/KASSE-02/);
  });
});

describe('posMappingJson and posMappingCsv', () => {
  const mapping = buildPosMapping(input);

  it('writes JSON that parses back to the mapping', () => {
    const json = posMappingJson(mapping);
    expect(json.endsWith('}\n')).toBe(true);
    expect(PosMapping.parse(JSON.parse(json))).toEqual(mapping);
  });

  it('writes one row per till for German Excel: BOM, ";" and CRLF', () => {
    const serial = 'ab'.repeat(32);
    expect(posMappingCsv(mapping)).toBe(
      '\uFEFFserial_number;v1_serial_number;v1_client_id;v2_client_id;v2_tss_id;v2_tss_serial_number;base_url\r\n' +
        `KASSE-01;;c1;n1;v2-tss;${serial};${BASE}\r\n` +
        `KASSE-02;KASSE_02;c2;n2;v2-tss;${serial};${BASE}\r\n`,
    );
  });
});

describe('migration file names', () => {
  it('name the mapping and the V1 export after the store and the Berlin day', () => {
    // 23:30 UTC on 30 November is already 1 December in Berlin.
    const now = new Date('2026-11-30T23:30:00Z');
    expect(posMappingName('Café Süd', 'csv', now)).toBe('pos-mapping-Café-Süd-2026-12-01.csv');
    expect(posMappingName('Café Süd', 'json', now)).toBe('pos-mapping-Café-Süd-2026-12-01.json');
    expect(v1ExportTarName('Café Süd', '812487af-04f7-489d-9fdd-cfdfbd4e0019', now)).toBe('v1-Café-Süd-812487af-2026-12-01.tar');
  });
});

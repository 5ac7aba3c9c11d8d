import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../main/cli/exit-codes';
import { decodePlanBytes, formatOf, parsePlanText } from '../../../../main/cli/plan-file';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const store = { storeName: 'Nord', clients: [{ serialNumber: 'N-1' }, { serialNumber: 'N-2' }] };
const masterData = {
  taxpayer: { legalName: 'Müller Backwaren GmbH', taxNumber: '93815/08152', bundesland: 'BW' },
  establishment: { street: 'Königstraße', houseNumber: '7', postcode: '70173', town: 'Stuttgart' },
};

function refusal(text: string, format: 'json' | 'csv', environment: 'sandbox' | 'test' | 'live' = 'sandbox'): string {
  try {
    parsePlanText(text, 'stores.plan', format, environment);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('the plan was accepted');
}

describe('JSON plans', () => {
  it('reads a store, a list and {"stores": [...]} with the environment from the flags', () => {
    const withMasterData = { ...store, masterData };
    for (const text of [json(withMasterData), json([withMasterData]), json({ stores: [withMasterData] })]) {
      expect(parsePlanText(text, 'p.json', 'json', 'test')).toEqual([
        { storeName: 'Nord', environment: 'test', masterData, testReceipt: true, clients: [{ serialNumber: 'N-1' }, { serialNumber: 'N-2' }] },
      ]);
    }
    expect(parsePlanText(`\ufeff${json({ ...withMasterData, environment: 'live', testReceipt: false })}`, 'p.json', 'json', 'live')[0]).toMatchObject({ testReceipt: false });
  });

  it('carries every master-data and till field', () => {
    const till = { serialNumber: 'N-1', kind: '1', software: 'Kassensoft', softwareVersion: '4.2', manufacturer: 'Kassenbau AG', model: 'KB 500', acquisitionDate: '2026-03-01', commissioningDate: '2026-03-15' };
    const full = {
      taxpayer: { ...masterData.taxpayer, vatId: 'DE123456789' },
      establishment: { ...masterData.establishment, designation: 'Filiale Nord', houseNumberSuffix: 'b' },
    };
    expect(parsePlanText(json({ ...store, masterData: full, clients: [till] }), 'p.json', 'json', 'live')).toEqual([
      { storeName: 'Nord', environment: 'live', masterData: full, testReceipt: true, clients: [till] },
    ]);
  });

  it('refuses a TEST or LIVE plan without master data, and names what is missing', () => {
    expect(refusal(json(store), 'json', 'test')).toMatch(/^stores\.plan: masterData: a TEST or LIVE store needs its taxpayer and Betriebsstätte/);
    const { town: _town, ...noTown } = masterData.establishment;
    expect(refusal(json({ ...store, masterData: { ...masterData, establishment: noTown } }), 'json', 'live')).toBe('stores.plan: masterData.establishment.town: missing');
  });

  it.each([
    ['{"storeName": "Nord",\n  "clients": [{"serialNumber": "N-1"},]}', /^stores\.plan: line 2, column 39: not valid JSON: Unexpected token '\]'$/],
    ['{"storeName": "Nord"', /^stores\.plan: line 1, column 20: not valid JSON/],
    ['', /the plan file is empty/],
    ['{"storeName": "No\u0000rd", "clients": []}', /^stores\.plan: line 1, column 18: the file contains a NUL byte \(U\+0000\)/],
    [json({ ...store, storeName: 'Nord\u001b[2J' }), /^stores\.plan: storeName: contains an escape character.*\(U\+001B\) at character 5/],
    [json({ stores: [store, { ...store, clients: [{ serialNumber: 'N\n1' }] }] }), /^stores\.plan: stores\[1\]\.clients\[0\]\.serialNumber: a client serial number is/],
    [json([store, { ...store, storeName: 'S\u202eüd' }]), /^stores\.plan: \[1\]\.storeName: contains a right-to-left override \(U\+202E\) at character 2/],
    // Escaped in the JSON text, the character only appears once decoded: the name check finds it.
    [json({ ...store, storeAddress: 'Weg 1\nX2J' }).replace('X', '\\u009b'), /^stores\.plan: storeAddress: contains a control character \(U\+009B\) at character 7/],
    [json({ ...store, storeAddress: 'Weg 1\u009b' }), /^stores\.plan: line 11, column 25: the file contains a control character \(U\+009B\)/],
    [json({ ...store, client: [] }), /^stores\.plan: client: unknown field; a store has storeName/],
    [json({ stores: [store], note: 'x' }), /^stores\.plan: note: unknown field beside "stores"/],
    [json({ stores: {} }), /^stores\.plan: stores: must be a list/],
    [json({ stores: [] }), /stores lists no store/],
    [json(['Nord']), /^stores\.plan: \[0\]: a store is an object/],
    [json(42), /must be a store/],
    [json({ ...store, environment: 'live' }), /^stores\.plan: environment: the plan says "live" but the command runs in sandbox/],
    [json({ ...store, clients: [{ serialNumber: 'N-1' }, { serialNumber: 'N-1' }] }), /^stores\.plan: clients\[1\]\.serialNumber: the serial number N-1 appears twice/],
    [json({ ...store, adminPin: '123' }), /^stores\.plan: adminPin: the admin PIN needs at least 6/],
    [json({ ...store, masterData: { ...masterData, establishment: { ...masterData.establishment, postcode: '7017' } } }), /^stores\.plan: masterData\.establishment\.postcode: a German postcode is 5 digits, not "7017"$/],
    [json({ ...store, masterData: { ...masterData, taxpayer: { ...masterData.taxpayer, bundesland: 'BY' } } }), /^stores\.plan: masterData\.taxpayer\.taxNumber: not a Steuernummer of BY \(length\), not "93815\/08152"$/],
    [json({ ...store, masterData: { ...masterData, taxpayer: { ...masterData.taxpayer, legalname: 'x' } } }), /^stores\.plan: masterData\.taxpayer\.legalname: unknown field; there are legalName, taxNumber/],
    [json({ stores: [{ ...store, clients: [{ serialNumber: 'N-1', sofware: 'x' }] }] }), /^stores\.plan: stores\[0\]\.clients\[0\]\.sofware: unknown field; there are/],
    [json({ ...store, clients: [{ serialNumber: 'N-1', acquisitionDate: '01.03.2026' }] }), /^stores\.plan: clients\[0\]\.acquisitionDate: must be a date YYYY-MM-DD, not "01\.03\.2026"$/],
  ])('refuses %j and says where', (text, message) => {
    expect(refusal(text, 'json')).toMatch(message);
  });

  it('never echoes the admin PIN it refuses', () => {
    expect(refusal(json({ ...store, adminPin: '98' }), 'json')).not.toContain('98');
  });
});

describe('CSV plans', () => {
  it('reads one row per client, "," or ";" as Excel writes it, yes/no in English or German', () => {
    const comma = 'store,client_serial,test_receipt,tss_description\nNord,N-1,no,Filiale Nord\nNord,N-2,no,Filiale Nord\nSüd,S-1,,\n';
    const semicolon = '\ufeffStore;Client_Serial;Test_Receipt;TSS_Description\r\nNord;N-1;nein;Filiale Nord\r\nNord;N-2;nein;Filiale Nord\r\nSüd;S-1;ja;\r\n';
    for (const text of [comma, semicolon]) {
      expect(parsePlanText(text, 'p.csv', 'csv', 'sandbox')).toEqual([
        { storeName: 'Nord', environment: 'sandbox', tssDescription: 'Filiale Nord', testReceipt: false, clients: [{ serialNumber: 'N-1' }, { serialNumber: 'N-2' }] },
        { storeName: 'Süd', environment: 'sandbox', testReceipt: true, clients: [{ serialNumber: 'S-1' }] },
      ]);
    }
  });

  const HEADER =
    'store;client_serial;kind;software;software_version;manufacturer;model;acquisition_date;commissioning_date;legal_name;tax_number;bundesland;vat_id;designation;street;house_number;house_number_suffix;postcode;town';
  const ROWS = [
    'Filiale Süd;SUED-1;1;Kassensoft;4.2;Kassenbau AG;KB 500;01.03.2026;15.03.2026;Bäckerei Größe GmbH;93815/08152;Baden-Württemberg;DE123456789;Filiale Süd;Königstraße;7;b;70173;Stuttgart',
    'Filiale Süd;SUED-2;1;Kassensoft;4.2;Kassenbau AG;KB 500;2026-03-02;;;;;;;;;;;',
  ];
  const EXPECTED = {
    storeName: 'Filiale Süd',
    environment: 'live',
    testReceipt: true,
    masterData: {
      taxpayer: { legalName: 'Bäckerei Größe GmbH', taxNumber: '93815/08152', bundesland: 'BW', vatId: 'DE123456789' },
      establishment: { designation: 'Filiale Süd', street: 'Königstraße', houseNumber: '7', houseNumberSuffix: 'b', postcode: '70173', town: 'Stuttgart' },
    },
    clients: [
      { serialNumber: 'SUED-1', kind: '1', software: 'Kassensoft', softwareVersion: '4.2', manufacturer: 'Kassenbau AG', model: 'KB 500', acquisitionDate: '2026-03-01', commissioningDate: '2026-03-15' },
      { serialNumber: 'SUED-2', kind: '1', software: 'Kassensoft', softwareVersion: '4.2', manufacturer: 'Kassenbau AG', model: 'KB 500', acquisitionDate: '2026-03-02' },
    ],
  };
  const excel = [HEADER, ...ROWS].join('\r\n') + '\r\n';

  it('reads every field from German Excel: ";", TT.MM.JJJJ, master data on the first row of a store', () => {
    expect(parsePlanText(excel, 'p.csv', 'csv', 'live')).toEqual([EXPECTED]);
  });

  it('reads UTF-8 with a BOM and Windows-1252 bytes alike', () => {
    const utf8 = decodePlanBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(excel)]));
    // Windows-1252: ä ö ü ß Ü as single bytes (E4 F6 FC DF DC), as "CSV (Trennzeichen-getrennt)" saves them.
    const cp1252Bytes = Uint8Array.from([...excel].map((char) => ({ ä: 0xe4, ö: 0xf6, ü: 0xfc, ß: 0xdf, Ü: 0xdc })[char as 'ä'] ?? char.charCodeAt(0)));
    expect(cp1252Bytes).toContain(0xfc);
    const cp1252 = decodePlanBytes(cp1252Bytes);
    expect(cp1252).toBe(excel);
    for (const text of [utf8, cp1252]) expect(parsePlanText(text, 'p.csv', 'csv', 'live')).toEqual([EXPECTED]);
  });

  it('takes the postcode Excel took the leading 0 off as five digits', () => {
    const dresden = excel.replace(';70173;', ';1067;');
    expect(parsePlanText(dresden, 'p.csv', 'csv', 'live')[0]!.masterData!.establishment.postcode).toBe('01067');
  });

  it('refuses a TEST or LIVE store without master data, naming the columns it needs', () => {
    expect(refusal('store;client_serial\nNord;N-1\n', 'csv', 'test')).toMatch(
      /^stores\.plan: line 2, columns legal_name, tax_number, bundesland, street, house_number, postcode, town \(store "Nord"\): a TEST or LIVE store needs/,
    );
  });

  it.each([
    [excel.replace('01.03.2026', '31.02.2026'), /^stores\.plan: line 2, column acquisition_date: "31\.02\.2026" is not a date \(TT\.MM\.JJJJ or YYYY-MM-DD\)$/],
    [excel.replace(';70173;', ';7017X;'), /^stores\.plan: line 2, column postcode: a German postcode is 5 digits, not "7017X"$/],
    [excel.replace('SUED-2;1;', 'SUED-2;9;'), /^stores\.plan: line 3, column kind: .*, not "9"$/],
    [excel.replace('Kassensoft;4.2;Kassenbau AG;KB 500;2026-03-02;;;;;;;;;;;', 'Kassensoft;4.2;Kassenbau AG;KB 500;2026-03-02;;;;;;;;;;;Berlin'), /^stores\.plan: line 3: store "Filiale Süd" has a different town than on line 2/],
    [excel.replace(';Baden-Württemberg;', ';BY;'), /^stores\.plan: line 2, column tax_number: not a Steuernummer of BY \(length\), not "93815\/08152"$/],
    [excel.replace(';Stuttgart', ';'), /^stores\.plan: line 2, column town: missing$/],
  ])('refuses a bad value and names its line and the value (%#)', (text, message) => {
    expect(refusal(text, 'csv', 'live')).toMatch(message);
  });

  it.each([
    ['store,client_serial\nNord,N-1\nNord,N/2\n', /^stores\.plan: line 3, column client_serial: a client serial number is/],
    ['store,client_serial\nNord,N-1\n"Sü\u001bd",S-1\n', /^stores\.plan: line 3, column store: contains an escape character/],
    ['store,client_serial\n"Nord\nMitte",N-1\n', /^stores\.plan: line 3, column store: contains a line break/],
    ['store,client_serial\nN\u202eord,N-1\n', /^stores\.plan: line 2, column store: contains a right-to-left override/],
    ['store,client_serail\nNord,N-1\n', /^stores\.plan: line 1: unknown column "client_serail"; the columns are store, client_serial/],
    ['store\nNord\n', /^stores\.plan: line 1: the header needs the column client_serial/],
    ['store,client_serial,store\nNord,N-1,Nord\n', /line 1: the column store appears twice/],
    ['store,client_serial\nNord,N-1,extra\n', /^stores\.plan: line 2: not valid CSV: wrong number of columns/],
    ['store,client_serial\n,N-1\n', /^stores\.plan: line 2, column store: every row needs the store's name/],
    ['store,client_serial\nNord,\n', /^stores\.plan: line 2, column client_serial: every row needs a client serial/],
    ['store,client_serial,test_receipt\nNord,N-1,nope\n', /^stores\.plan: line 2, column test_receipt: "nope" is neither yes nor no/],
    ['store,client_serial,test_receipt\nNord,N-1,yes\nNord,N-2,no\n', /^stores\.plan: line 3: store "Nord" has a different test_receipt than on line 2/],
    ['store,client_serial,environment\nNord,N-1,live\n', /^stores\.plan: line 2, column environment: the plan says "live" but the command runs in sandbox/],
    ['store,client_serial,tss_description\nNord,N-1,Nord_1\n', /^stores\.plan: line 2, column tss_description: a TSS description is/],
    ['store,client_serial\n', /the plan has a header but no rows/],
  ])('refuses %j and says where', (text, message) => {
    expect(refusal(text, 'csv')).toMatch(message);
  });
});

it('tells the format by the file name, else by the first character', () => {
  expect(formatOf('STORES.JSON', 'store,x')).toBe('json');
  expect(formatOf('stores.csv', '{')).toBe('csv');
  expect(formatOf('stores.txt', '\ufeff  [{}]')).toBe('json');
  expect(formatOf('stores.txt', 'store,client_serial')).toBe('csv');
});

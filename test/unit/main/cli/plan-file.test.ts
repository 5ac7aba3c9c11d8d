import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../main/cli/exit-codes';
import { formatOf, parsePlanText } from '../../../../main/cli/plan-file';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const store = { storeName: 'Nord', clients: [{ serialNumber: 'N-1' }, { serialNumber: 'N-2' }] };

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
    for (const text of [json(store), json([store]), json({ stores: [store] })]) {
      expect(parsePlanText(text, 'p.json', 'json', 'test')).toEqual([
        { storeName: 'Nord', environment: 'test', testReceipt: true, clients: [{ serialNumber: 'N-1' }, { serialNumber: 'N-2' }] },
      ]);
    }
    expect(parsePlanText(`\ufeff${json({ ...store, environment: 'live', testReceipt: false })}`, 'p.json', 'json', 'live')[0]).toMatchObject({ testReceipt: false });
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

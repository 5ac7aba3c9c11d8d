import { describe, expect, it } from 'vitest';
import { readLogFile } from '../../../../../../main/products/sign-de/tse/log-file';
import { LogMessageError, parseLogFile } from '../../../../../../main/products/sign-de/tse/log-message';
import { encodeSystemLog, encodeSystemLogFile } from '../../../../../../main/products/sign-de/tse/system-log';
import { type TransactionLogInput, encodeTransactionLog, encodeTransactionLogFile } from '../../../../../../main/products/sign-de/tse/transaction-log';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');
const ascii = (text: string): Buffer => Buffer.from(text, 'ascii');
/** Short-form TLV assembled by hand, independent of the encoder under test. */
const tlv = (tag: number, content: Buffer): Buffer => {
  expect(content.length).toBeLessThan(128);
  return Buffer.concat([Buffer.from([tag, content.length]), content]);
};

const SERIAL = 'a4081c7e2d5f3b6a9c0e1f2d3c4b5a69788796a5b4c3d2e1f00112233445566f';
const CLIENT = 'ERS 1c6e8b2a-3f4d-4e5a-9b8c-7d6e5f4a3b2c';
const PROCESS_DATA = 'Beleg^21.42_0.00_0.00_0.00_0.00^21.42:Unbar';

/** The documented real Finish log: transaction 1, counter 34, logTime 1674239587. */
const finish: TransactionLogInput = {
  operationType: 'FinishTransaction',
  clientId: CLIENT,
  processData: PROCESS_DATA,
  processType: 'Kassenbeleg-V1',
  transactionNumber: 1,
  serialNumber: SERIAL,
  signatureCounter: 34,
  logTime: 1674239587,
};

describe('the transaction log that a TSS signs', () => {
  it('is the golden TLV concatenation of the real fiskaly Finish log', () => {
    const expected = Buffer.concat([
      hex('02 01 02'),
      hex('06 09 04 00 7F 00 07 03 07 01 01'),
      tlv(0x80, ascii('FinishTransaction')),
      tlv(0x81, ascii(CLIENT)),
      tlv(0x82, ascii(PROCESS_DATA)),
      tlv(0x83, ascii('Kassenbeleg-V1')),
      hex('85 01 01'),
      Buffer.concat([hex('04 20'), hex(SERIAL)]),
      hex('30 0C 06 0A 04 00 7F 00 07 01 01 04 01 03'),
      hex('02 01 22'),
      hex('02 04 63 CA DE 63'),
    ]);
    const encoded = Buffer.from(encodeTransactionLog(finish));
    expect(encoded.toString('hex')).toBe(expected.toString('hex'));
    expect(encoded.subarray(0, 33).toString('hex')).toBe(
      hex('02 01 02 06 09 04 00 7F 00 07 03 07 01 01 80 11').toString('hex') + ascii('FinishTransaction').toString('hex'),
    );
    expect(encoded.subarray(-9).toString('hex')).toBe(hex('02 01 22 02 04 63 CA DE 63').toString('hex'));
  });

  it('uses the SHA-384 algorithm OID when asked', () => {
    const encoded = Buffer.from(encodeTransactionLog({ ...finish, signatureAlgorithm: 'ecdsa-plain-SHA384' }));
    expect(encoded.includes(hex('30 0C 06 0A 04 00 7F 00 07 01 01 04 01 04'))).toBe(true);
    expect(encoded.includes(hex('04 01 03'))).toBe(false);
  });

  it('writes an empty processData and processType at Start', () => {
    const encoded = Buffer.from(encodeTransactionLog({ ...finish, operationType: 'StartTransaction', processData: '', processType: '' }));
    expect(encoded.includes(Buffer.concat([tlv(0x80, ascii('StartTransaction')), tlv(0x81, ascii(CLIENT)), hex('82 00 83 00 85 01 01')]))).toBe(
      true,
    );
  });

  it('writes lengths of 128 and more in long form', () => {
    const long200 = Buffer.from(encodeTransactionLog({ ...finish, processData: 'x'.repeat(200) }));
    expect(long200.includes(Buffer.concat([hex('82 81 C8'), ascii('x'.repeat(200)), hex('83 0E')]))).toBe(true);
    const long300 = Buffer.from(encodeTransactionLog({ ...finish, processData: 'y'.repeat(300) }));
    expect(long300.includes(Buffer.concat([hex('82 82 01 2C'), ascii('y'.repeat(300)), hex('83 0E')]))).toBe(true);
  });

  it('writes integers minimal and positive, with 00 before a set high bit', () => {
    const cases: Array<[Partial<TransactionLogInput>, string]> = [
      [{ transactionNumber: 0 }, '85 01 00'],
      [{ transactionNumber: 127 }, '85 01 7F'],
      [{ transactionNumber: 128 }, '85 02 00 80'],
      [{ transactionNumber: 160504 }, '85 03 02 72 F8'],
      [{ signatureCounter: 255 }, '04 01 03 02 02 00 FF 02 04'],
      [{ signatureCounter: 344413 }, '04 01 03 02 03 05 41 5D 02 04'],
      [{ logTime: 2147483648 }, '02 05 00 80 00 00 00'],
    ];
    for (const [change, expected] of cases) {
      expect(Buffer.from(encodeTransactionLog({ ...finish, ...change })).includes(hex(expected)), expected).toBe(true);
    }
  });

  it('refuses negative or fractional numbers and malformed serial numbers', () => {
    expect(() => encodeTransactionLog({ ...finish, signatureCounter: -1 })).toThrow();
    expect(() => encodeTransactionLog({ ...finish, transactionNumber: 1.5 })).toThrow();
    expect(() => encodeTransactionLog({ ...finish, serialNumber: 'abc' })).toThrow();
  });
});

describe('a full log file', () => {
  const signature = Buffer.alloc(64, 0xab);

  it('is SEQUENCE { the signed fields, signatureValue } and parses back to the same fields', () => {
    const file = Buffer.from(encodeTransactionLogFile(finish, signature));
    const signed = Buffer.from(encodeTransactionLog(finish));
    const contentLength = signed.length + 2 + 64;
    expect(contentLength).toBeGreaterThan(255);
    const header = Buffer.from([0x30, 0x82, contentLength >> 8, contentLength & 0xff]);
    expect(file.subarray(0, 4).equals(header)).toBe(true);
    expect(file.subarray(4, 4 + signed.length).equals(signed)).toBe(true);
    expect(file.length).toBe(4 + contentLength);
    expect(file.subarray(-66).equals(Buffer.concat([hex('04 40'), signature]))).toBe(true);

    const log = readLogFile(file);
    expect(log).toMatchObject({
      kind: 'transaction',
      operationType: 'FinishTransaction',
      clientId: CLIENT,
      processType: 'Kassenbeleg-V1',
      transactionNumber: 1,
      serialNumber: SERIAL,
      signatureAlgorithm: 'ecdsa-plain-SHA256',
      signatureCounter: 34,
      logTime: 1674239587,
    });
    if (log.kind !== 'transaction') throw new Error('expected a transaction log');
    expect(Buffer.from(log.processData).toString()).toBe(PROCESS_DATA);
    expect(Buffer.from(log.signatureValue).equals(signature)).toBe(true);
    expect(Buffer.from(log.signedData).equals(signed)).toBe(true);
  });

  it('keeps the signed bytes of a file with long lengths and large integers', () => {
    const input = { ...finish, processData: 'z'.repeat(1000), transactionNumber: 160504, signatureCounter: 344413 };
    const log = parseLogFile(encodeTransactionLogFile(input, signature));
    expect(Buffer.from(log.signedData).equals(Buffer.from(encodeTransactionLog(input)))).toBe(true);
  });

  it('rejects what is not a log file', () => {
    const file = Buffer.from(encodeTransactionLogFile(finish, signature));
    expect(() => parseLogFile(Buffer.concat([file, hex('00')]))).toThrow(LogMessageError);
    expect(() => parseLogFile(file.subarray(0, file.length - 1))).toThrow(LogMessageError);
    expect(() => parseLogFile(hex('02 01 02'))).toThrow(LogMessageError);
    const wrongVersion = Buffer.from(file);
    wrongVersion[5] = 3;
    expect(() => parseLogFile(wrongVersion)).toThrow(/version/);
    const unknownAlgorithm = Buffer.from(file);
    unknownAlgorithm[unknownAlgorithm.indexOf(hex('04 00 7F 00 07 01 01 04 01 03')) + 9] = 0x09;
    expect(() => parseLogFile(unknownAlgorithm)).toThrow(/signatureAlgorithm/);
  });
});

describe('the system log (this project\'s own layout)', () => {
  const input = {
    operationType: 'AuthenticateUser' as const,
    systemOperationData: '{"user":"admin"}',
    serialNumber: SERIAL,
    signatureCounter: 26,
    logTime: 1674239000,
  };

  it('uses the TR-03151 system-log OID with [0] operationType and [1] systemOperationData', () => {
    const expected = Buffer.concat([
      hex('02 01 02'),
      hex('06 09 04 00 7F 00 07 03 07 01 02'),
      tlv(0x80, ascii('AuthenticateUser')),
      tlv(0x81, ascii('{"user":"admin"}')),
      Buffer.concat([hex('04 20'), hex(SERIAL)]),
      hex('30 0C 06 0A 04 00 7F 00 07 01 01 04 01 03'),
      hex('02 01 1A'),
      hex('02 04 63 CA DC 18'),
    ]);
    expect(Buffer.from(encodeSystemLog(input)).toString('hex')).toBe(expected.toString('hex'));
  });

  it('parses back as a system log', () => {
    const log = readLogFile(encodeSystemLogFile(input, Buffer.alloc(64, 1)));
    expect(log).toMatchObject({ kind: 'system', operationType: 'AuthenticateUser', signatureCounter: 26, logTime: 1674239000 });
  });
});

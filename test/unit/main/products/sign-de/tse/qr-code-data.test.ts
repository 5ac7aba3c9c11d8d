import { describe, expect, it } from 'vitest';
import { type QrCodeData, buildQrCodeData, parseQrCodeData } from '../../../../../../main/products/sign-de/tse/qr-code-data';
import { FISKALY_2021 } from './real-receipts';

const parsed = (text: string): QrCodeData => {
  const result = parseQrCodeData(text);
  if (!result.ok) throw new Error(`${result.error.field}: ${result.error.message}`);
  return result.value;
};
const errorField = (text: string): string => {
  const result = parseQrCodeData(text);
  if (result.ok) throw new Error('expected a parse error');
  return result.error.field;
};
const withField = (index: number, value: string): string => {
  const fields = FISKALY_2021.split(';');
  fields[index] = value;
  return fields.join(';');
};

describe('qr_code_data', () => {
  it('reads every field of a real fiskaly receipt', () => {
    expect(parsed(FISKALY_2021)).toEqual({
      version: 'V0',
      clientSerialNumber: 'ERS 8cb8e2de-4052-481b-945b-118022951944',
      processType: 'Kassenbeleg-V1',
      processData: 'Beleg^21.42_0.00_0.00_0.00_0.00^21.42:Unbar',
      transactionNumber: 1,
      signatureCounter: 31,
      startTime: Date.parse('2021-08-23T14:36:27Z') / 1000,
      logTime: Date.parse('2021-08-23T14:36:33Z') / 1000,
      signatureAlgorithm: 'ecdsa-plain-SHA256',
      logTimeFormat: 'unixTime',
      signature: 'TGnWiq3ZW7gi4Vs+DxLGsJZj9v271dHmhQAcb057F3oWkdKJ61UW2LLVTZQhW673yLa53Mm6oPeMU1Ns3ZOH7w==',
      publicKey: 'BGFKQP7EENf3s5hTDXvlh+xyJ1Q9BNIa9LyYbYK+pTAKAGQ2fmI40p5QOrpHpvb+UuOrNQJdhzggHNfyyyDyf/g=',
    });
  });

  it('builds exactly what it reads', () => {
    expect(buildQrCodeData(parsed(FISKALY_2021))).toBe(FISKALY_2021);
  });

  it('builds the documented shape, with times in UTC and .000Z', () => {
    const text = buildQrCodeData({
      clientSerialNumber: 'POS 1',
      processType: 'Kassenbeleg-V1',
      processData: 'Beleg^21.42_0.00_0.00_0.00_0.00^21.42:Unbar',
      transactionNumber: 1,
      signatureCounter: 34,
      startTime: 1674239242,
      logTime: 1674239587,
      signatureAlgorithm: 'ecdsa-plain-SHA256',
      logTimeFormat: 'unixTime',
      signature: 'c2ln',
      publicKey: 'a2V5',
    });
    expect(text).toBe(
      'V0;POS 1;Kassenbeleg-V1;Beleg^21.42_0.00_0.00_0.00_0.00^21.42:Unbar;1;34;2023-01-20T18:27:22.000Z;2023-01-20T18:33:07.000Z;ecdsa-plain-SHA256;unixTime;c2ln;a2V5',
    );
  });

  it('keeps a ";" inside processData', () => {
    const text = withField(3, 'a;b;;c');
    expect(parsed(text).processData).toBe('a;b;;c');
    expect(parsed(text).clientSerialNumber).toBe('ERS 8cb8e2de-4052-481b-945b-118022951944');
    expect(parsed(text).publicKey).toBe(parsed(FISKALY_2021).publicKey);
    expect(buildQrCodeData({ ...parsed(FISKALY_2021), processData: 'a;b' })).toBe(withField(3, 'a;b'));
  });

  it('refuses a ";" in the other fields when building', () => {
    expect(() => buildQrCodeData({ ...parsed(FISKALY_2021), clientSerialNumber: 'a;b' })).toThrow(/clientSerialNumber/);
  });

  it('names the field that is wrong', () => {
    expect(errorField('V0;a;b')).toBe('structure');
    expect(errorField(withField(0, 'V1'))).toBe('version');
    expect(errorField(withField(1, ''))).toBe('clientSerialNumber');
    expect(errorField(withField(2, ''))).toBe('processType');
    for (const bad of ['', '01', '-1', '1.0', 'x', '99999999999999999999']) {
      expect(errorField(withField(4, bad)), bad).toBe('transactionNumber');
      expect(errorField(withField(5, bad)), bad).toBe('signatureCounter');
    }
    for (const bad of ['2021-08-23T14:36:27Z', '2021-08-23T14:36:27.123Z', '2021-08-23 14:36:27.000Z', '2021-02-30T14:36:27.000Z', '2021-08-23T14:36:27.000+02:00']) {
      expect(errorField(withField(6, bad)), bad).toBe('startTime');
      expect(errorField(withField(7, bad)), bad).toBe('logTime');
    }
    expect(errorField(withField(8, ''))).toBe('signatureAlgorithm');
    expect(errorField(withField(9, ''))).toBe('logTimeFormat');
    for (const bad of ['', 'abc', 'YWJj=', 'YWI', 'YWJ=', 'YW Jj']) {
      expect(errorField(withField(10, bad)), bad).toBe('signature');
      expect(errorField(withField(11, bad)), bad).toBe('publicKey');
    }
  });
});

import { generateKeyPairSync, getCurves, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildQrCodeData, parseQrCodeData } from '../../../../../../main/products/sign-de/tse/qr-code-data';
import { checkReceipt } from '../../../../../../main/products/sign-de/tse/receipt-check';
import { rawPublicKey, signLog } from '../../../../../../main/products/sign-de/tse/signer';
import { serialNumberOfPublicKey } from '../../../../../../main/products/sign-de/tse/serial-number';
import { encodeTransactionLog } from '../../../../../../main/products/sign-de/tse/transaction-log';
import { BRAINPOOL_SHA384, FISKALY_2021, FISKALY_2026, FISKALY_2026_TSS_SERIAL } from './real-receipts';
import { spkiPublicKey } from './hand-made-log';

const checksByName = (qr: string, known = {}): Record<string, boolean> =>
  Object.fromEntries(checkReceipt(qr, known).checks.map((check) => [check.name, check.ok]));

function sandboxReceipt(algorithm: 'ecdsa-plain-SHA256' | 'ecdsa-plain-SHA384' = 'ecdsa-plain-SHA256'): string {
  const { privateKey, publicKey } =
    algorithm === 'ecdsa-plain-SHA256' ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' }) : generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
  const point = rawPublicKey(publicKey);
  const tx = { clientSerialNumber: 'Kasse 1', processType: 'Kassenbeleg-V1', processData: 'Beleg^0.00_2.55_0.00_0.00_0.00^2.55:Bar', transactionNumber: 7, signatureCounter: 130, logTime: 1700000050 };
  const signedData = encodeTransactionLog({
    operationType: 'FinishTransaction',
    clientId: tx.clientSerialNumber,
    processData: tx.processData,
    processType: tx.processType,
    transactionNumber: tx.transactionNumber,
    serialNumber: serialNumberOfPublicKey(point),
    signatureAlgorithm: algorithm,
    signatureCounter: tx.signatureCounter,
    logTime: tx.logTime,
  });
  return buildQrCodeData({
    ...tx,
    startTime: 1700000000,
    signatureAlgorithm: algorithm,
    logTimeFormat: 'unixTime',
    signature: signLog(privateKey, signedData, algorithm),
    publicKey: Buffer.from(point).toString('base64'),
  });
}

/** A different character of the same kind, so the text still looks plausible. */
function changed(character: string): string {
  if (/[0-8]/.test(character)) return String(Number(character) + 1);
  if (character === '9') return '0';
  if (character === 'z') return 'a';
  if (character === 'Z') return 'A';
  if (/[a-y]/i.test(character)) return String.fromCharCode(character.charCodeAt(0) + 1);
  return { '+': '/', '/': '+', '=': 'A' }[character] ?? 'x';
}

function everySingleCharacterChange(qr: string): Array<{ field: number; text: string }> {
  const fields = qr.split(';');
  return fields.flatMap((value, field) =>
    [...value].map((character, position) => {
      const copy = [...fields];
      copy[field] = value.slice(0, position) + changed(character) + value.slice(position + 1);
      return { field, text: copy.join(';') };
    }),
  );
}

describe('checking a receipt from its QR code', () => {
  it('accepts real fiskaly receipts', () => {
    const old = checkReceipt(FISKALY_2021);
    expect(old.valid, JSON.stringify(old.checks)).toBe(true);
    expect(old.checks.map((check) => check.name)).toEqual(['format', 'algorithm', 'log-time-format', 'public-key', 'serial-number', 'start-time', 'signature']);

    const recent = checkReceipt(FISKALY_2026, { tssSerialNumber: FISKALY_2026_TSS_SERIAL, startTime: 1787078299 });
    expect(recent.valid, JSON.stringify(recent.checks)).toBe(true);
    expect(recent.receipt?.signatureCounter).toBe(27);
  });

  it('accepts receipts signed here, P-256/SHA-256 and P-384/SHA-384', () => {
    expect(checkReceipt(sandboxReceipt()).valid).toBe(true);
    expect(checkReceipt(sandboxReceipt('ecdsa-plain-SHA384')).valid).toBe(true);
  });

  it('fails the serial number check when the receipt comes from another TSS', () => {
    const result = checksByName(FISKALY_2026, { tssSerialNumber: '0'.repeat(64) });
    expect(result['serial-number']).toBe(false);
    expect(checkReceipt(FISKALY_2026, { tssSerialNumber: '0'.repeat(64) }).valid).toBe(false);
    expect(checkReceipt(FISKALY_2026, { tssSerialNumber: FISKALY_2026_TSS_SERIAL.toUpperCase() }).valid).toBe(true);
  });

  it.each([
    ['a real fiskaly receipt', FISKALY_2021],
    ['a receipt signed here', sandboxReceipt()],
  ])('rejects %s with any one character changed, in any field', (_name, qr) => {
    const original = parseQrCodeData(qr);
    if (!original.ok) throw new Error('fixture must parse');
    const known = { startTime: original.value.startTime };
    const changes = everySingleCharacterChange(qr);
    expect(new Set(changes.map((change) => change.field)).size).toBe(12);
    const accepted = changes.filter((change) => checkReceipt(change.text, known).valid);
    expect(accepted.map((change) => `field ${change.field + 1}: ${change.text}`)).toEqual([]);
  });

  it('can only check the start time for plausibility when the transaction is not known, as it is not signed', () => {
    const earlier = FISKALY_2021.replace('2021-08-23T14:36:27.000Z', '2021-08-23T14:30:27.000Z');
    expect(checkReceipt(earlier).valid).toBe(true);
    expect(checkReceipt(earlier, { startTime: Date.parse('2021-08-23T14:36:27Z') / 1000 }).valid).toBe(false);
    const afterFinish = FISKALY_2021.replace('2021-08-23T14:36:27.000Z', '2021-08-23T14:36:34.000Z');
    expect(checksByName(afterFinish)['start-time']).toBe(false);
  });

  it('reports an unreadable QR code as a format failure and nothing else', () => {
    const result = checkReceipt('hello');
    expect(result.valid).toBe(false);
    expect(result.checks).toEqual([{ name: 'format', ok: false, detail: expect.stringContaining('structure') }]);
  });

  it('does not try the signature with an unsupported algorithm or time format', () => {
    const otherAlgorithm = checksByName(FISKALY_2021.replace('ecdsa-plain-SHA256', 'ecdsa-plain-SHA512'));
    expect(otherAlgorithm).toMatchObject({ algorithm: false, signature: false });
    const otherFormat = checksByName(FISKALY_2021.replace('unixTime', 'utcTime'));
    expect(otherFormat).toMatchObject({ 'log-time-format': false, signature: false });
  });

  it('rebuilds the SHA-384 log layout of another maker\'s TSE, verified independently on its brainpool key', () => {
    const receipt = parseQrCodeData(BRAINPOOL_SHA384);
    if (!receipt.ok) throw new Error('fixture must parse');
    const q = receipt.value;
    const point = Buffer.from(q.publicKey, 'base64');
    const signedData = encodeTransactionLog({
      operationType: 'FinishTransaction',
      clientId: q.clientSerialNumber,
      processData: q.processData,
      processType: q.processType,
      transactionNumber: q.transactionNumber,
      serialNumber: serialNumberOfPublicKey(point),
      signatureAlgorithm: 'ecdsa-plain-SHA384',
      signatureCounter: q.signatureCounter,
      logTime: q.logTime,
    });
    if (getCurves().includes('brainpoolP384r1')) {
      const key = spkiPublicKey(point, 'brainpoolP384r1');
      expect(verify('sha384', signedData, { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(q.signature, 'base64'))).toBe(true);
    }
    // Electron's BoringSSL has no brainpool, so the app says so rather than calling the receipt forged.
    const result = checkReceipt(BRAINPOOL_SHA384);
    expect(result.valid).toBe(false);
    expect(result.checks.find((check) => check.name === 'public-key')?.detail).toMatch(/brainpool/);
  });

  it('returns the parsed receipt for display', () => {
    expect(checkReceipt(FISKALY_2021).receipt?.clientSerialNumber).toBe('ERS 8cb8e2de-4052-481b-945b-118022951944');
  });
});

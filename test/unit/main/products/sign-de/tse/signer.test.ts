import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PublicKeyError,
  generateTssKey,
  publicKeyFromRawPoint,
  rawPublicKey,
  signLog,
  tssKeyFromPkcs8Pem,
  tssKeyToPkcs8Pem,
  verifyLogSignature,
} from '../../../../../../main/products/sign-de/tse/signer';
import { encodeTransactionLog } from '../../../../../../main/products/sign-de/tse/transaction-log';
import { handMadeFinishLog, spkiPublicKey } from './hand-made-log';

describe('a TSS key', () => {
  it('is P-256 with a 65-byte uncompressed public key and the SHA-256 of it as serial number', () => {
    const key = generateTssKey();
    const point = Buffer.from(key.publicKey, 'base64');
    expect(point.length).toBe(65);
    expect(point[0]).toBe(0x04);
    expect(key.serialNumber).toBe(createHash('sha256').update(point).digest('hex'));
    expect(key.serialNumber).toMatch(/^[0-9a-f]{64}$/);
    expect(key.privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('survives a PKCS#8 PEM round trip', () => {
    const key = generateTssKey();
    const loaded = tssKeyFromPkcs8Pem(tssKeyToPkcs8Pem(key));
    expect(loaded.publicKey).toBe(key.publicKey);
    expect(loaded.serialNumber).toBe(key.serialNumber);
  });

  it('refuses a key on another curve', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    expect(() => tssKeyFromPkcs8Pem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(PublicKeyError);
  });
});

describe('signing and verifying logs', () => {
  const key = generateTssKey();
  const data = Buffer.from('some log bytes');

  it('gives a 64-byte r||s signature that verifies, and not over other bytes or with another key', () => {
    const signature = signLog(key.privateKey, data);
    expect(Buffer.from(signature, 'base64').length).toBe(64);
    expect(verifyLogSignature(key.publicKey, data, signature, 'ecdsa-plain-SHA256')).toBe(true);
    expect(verifyLogSignature(key.publicKey, Buffer.from('some log bytez'), signature, 'ecdsa-plain-SHA256')).toBe(false);
    expect(verifyLogSignature(generateTssKey().publicKey, data, signature, 'ecdsa-plain-SHA256')).toBe(false);
    expect(verifyLogSignature(key.publicKey, data, signature, 'ecdsa-plain-SHA384')).toBe(false);
  });

  it('says false, not throw, for malformed keys and signatures', () => {
    const signature = signLog(key.privateKey, data);
    expect(verifyLogSignature('not base64!', data, signature, 'ecdsa-plain-SHA256')).toBe(false);
    expect(verifyLogSignature(key.publicKey, data, signature.slice(4), 'ecdsa-plain-SHA256')).toBe(false);
    const der = sign('sha256', data, { key: key.privateKey, dsaEncoding: 'der' }).toString('base64');
    expect(verifyLogSignature(key.publicKey, data, der, 'ecdsa-plain-SHA256')).toBe(false);
  });

  it('agrees with node:crypto over a Finish log assembled by hand', () => {
    const fields = {
      clientId: 'ERS 1c6e8b2a-3f4d-4e5a-9b8c-7d6e5f4a3b2c',
      processData: 'Beleg^21.42_0.00_0.00_0.00_0.00^21.42:Unbar',
      processType: 'Kassenbeleg-V1',
      transactionNumber: 200,
      publicKey: Buffer.from(key.publicKey, 'base64'),
      signatureCounter: 34,
      logTime: 1674239587,
    };
    const handMade = handMadeFinishLog(fields);
    const encoded = Buffer.from(encodeTransactionLog({ ...fields, operationType: 'FinishTransaction', serialNumber: key.serialNumber }));
    expect(encoded.equals(handMade)).toBe(true);

    const independentKey = spkiPublicKey(fields.publicKey, 'P-256');
    const ours = Buffer.from(signLog(key.privateKey, encoded), 'base64');
    expect(verify('sha256', handMade, { key: independentKey, dsaEncoding: 'ieee-p1363' }, ours)).toBe(true);

    const theirs = sign('sha256', handMade, { key: key.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64');
    expect(verifyLogSignature(key.publicKey, encoded, theirs, 'ecdsa-plain-SHA256')).toBe(true);
  });

  it('verifies P-384 keys with ecdsa-plain-SHA384', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const point = rawPublicKey(publicKey);
    expect(point.length).toBe(97);
    const signature = sign('sha384', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64');
    expect(verifyLogSignature(Buffer.from(point).toString('base64'), data, signature, 'ecdsa-plain-SHA384')).toBe(true);
    expect(verifyLogSignature(Buffer.from(point).toString('base64'), data, signature, 'ecdsa-plain-SHA256')).toBe(false);
  });
});

describe('raw public keys', () => {
  it('become the same key as the SPKI form', () => {
    const point = Buffer.from(generateTssKey().publicKey, 'base64');
    const key = publicKeyFromRawPoint(point);
    expect(key.export({ type: 'spki', format: 'der' }).equals(spkiPublicKey(point, 'P-256').export({ type: 'spki', format: 'der' }))).toBe(true);
  });

  it('are refused when not an uncompressed point on the curve', () => {
    const point = Buffer.from(generateTssKey().publicKey, 'base64');
    const offCurve = Buffer.from(point);
    offCurve[64] = (offCurve[64] ?? 0) ^ 1;
    expect(() => publicKeyFromRawPoint(offCurve)).toThrow(PublicKeyError);
    expect(() => publicKeyFromRawPoint(Buffer.concat([Buffer.from([0x02]), point.subarray(1, 33)]))).toThrow(PublicKeyError);
    expect(() => publicKeyFromRawPoint(Buffer.concat([Buffer.from([0x05]), point.subarray(1)]))).toThrow(PublicKeyError);
  });
});

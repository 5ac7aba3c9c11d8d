import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { decodeCanonicalBase64 } from './base64';
import { type SignatureAlgorithm, signatureAlgorithmHash } from './signature-algorithm';
import { serialNumberOfPublicKey } from './serial-number';

/** A TSS key as fiskaly describes it: P-256, public key as a raw uncompressed point. */
export interface TssKey {
  privateKey: KeyObject;
  /** base64 of the 65-byte uncompressed point 04‖X‖Y */
  publicKey: string;
  /** lowercase hex SHA-256 of the public key bytes */
  serialNumber: string;
}

/** Raw uncompressed point length → JWK curve name. Brainpool is left out: Electron's BoringSSL lacks it. */
const CURVE_BY_POINT_LENGTH: ReadonlyMap<number, { crv: 'P-256' | 'P-384'; coordinate: number }> = new Map([
  [65, { crv: 'P-256', coordinate: 32 }],
  [97, { crv: 'P-384', coordinate: 48 }],
]);

export class PublicKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublicKeyError';
  }
}

export function generateTssKey(): TssKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return tssKeyFromPrivateKey(privateKey);
}

/** For a sandbox that persists its TSS keys. */
export function tssKeyFromPkcs8Pem(pem: string): TssKey {
  return tssKeyFromPrivateKey(createPrivateKey({ key: pem, format: 'pem' }));
}

export function tssKeyToPkcs8Pem(key: TssKey): string {
  return key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Signs log bytes; the result is base64 of the plain r‖s value (64 bytes for P-256). */
export function signLog(privateKey: KeyObject, data: Uint8Array, algorithm: SignatureAlgorithm = 'ecdsa-plain-SHA256'): string {
  return sign(signatureAlgorithmHash(algorithm), data, { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64');
}

/** False for any failure, bad encodings and foreign curves included. */
export function verifyLogSignature(
  publicKeyBase64: string,
  data: Uint8Array,
  signatureBase64: string,
  algorithm: SignatureAlgorithm,
): boolean {
  const point = decodeCanonicalBase64(publicKeyBase64);
  const signature = decodeCanonicalBase64(signatureBase64);
  if (!point || !signature) return false;
  try {
    const key = publicKeyFromRawPoint(point);
    const expectedLength = 2 * (CURVE_BY_POINT_LENGTH.get(point.byteLength)?.coordinate ?? 0);
    if (signature.byteLength !== expectedLength) return false;
    return verify(signatureAlgorithmHash(algorithm), data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

/** Throws PublicKeyError unless the bytes are an uncompressed P-256 or P-384 point on its curve. */
export function publicKeyFromRawPoint(point: Uint8Array): KeyObject {
  const curve = CURVE_BY_POINT_LENGTH.get(point.byteLength);
  if (!curve || point[0] !== 0x04) {
    throw new PublicKeyError(`expected an uncompressed P-256 (65 bytes) or P-384 (97 bytes) point, got ${point.byteLength} bytes`);
  }
  const bytes = Buffer.from(point);
  const x = bytes.subarray(1, 1 + curve.coordinate).toString('base64url');
  const y = bytes.subarray(1 + curve.coordinate).toString('base64url');
  try {
    return createPublicKey({ key: { kty: 'EC', crv: curve.crv, x, y }, format: 'jwk' });
  } catch {
    throw new PublicKeyError(`not a point on ${curve.crv}${curve.crv === 'P-384' ? ' (brainpool keys of other TSE makers are not supported)' : ''}`);
  }
}

/** The uncompressed point 04‖X‖Y of an EC public key. */
export function rawPublicKey(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.x || !jwk.y) throw new PublicKeyError('not an EC key');
  return new Uint8Array(Buffer.concat([Buffer.from([0x04]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]));
}

function tssKeyFromPrivateKey(privateKey: KeyObject): TssKey {
  if (privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new PublicKeyError('a TSS key must be P-256');
  const point = rawPublicKey(createPublicKey(privateKey));
  return { privateKey, publicKey: Buffer.from(point).toString('base64'), serialNumber: serialNumberOfPublicKey(point) };
}

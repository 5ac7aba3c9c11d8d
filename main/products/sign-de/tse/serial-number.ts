import { createHash } from 'node:crypto';

/** A TSS serial number: lowercase hex of SHA-256 over the raw public key bytes (TR-03153 convention, fiskaly too). */
export function serialNumberOfPublicKey(publicKey: Uint8Array): string {
  return createHash('sha256').update(publicKey).digest('hex');
}

export function serialNumberBytes(serialNumber: string): Uint8Array {
  if (!/^[0-9a-fA-F]{64}$/.test(serialNumber)) throw new Error('a TSS serial number is 64 hex digits');
  return new Uint8Array(Buffer.from(serialNumber, 'hex'));
}

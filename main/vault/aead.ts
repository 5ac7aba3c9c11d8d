import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM with a fresh random 12-byte IV per seal and the 16-byte tag kept; nothing else. */

export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export interface Sealed {
  iv: Buffer;
  tag: Buffer;
  ct: Buffer;
}

export function randomKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * Seals under a fresh random IV. `aad` may be a function of that IV, for formats whose authenticated
 * header carries the IV (the recovery file); the IV is never chosen by the caller, so it is never reused.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer | ((iv: Buffer) => Buffer)): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(typeof aad === 'function' ? aad(iv) : aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ct };
}

/** The plaintext, or null when the tag does not verify (wrong key, or any changed byte of iv, tag, ct or aad). */
export function open(key: Buffer, sealed: Sealed, aad: Buffer): Buffer | null {
  if (key.length !== KEY_BYTES || sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  const first = decipher.update(sealed.ct);
  try {
    return Buffer.concat([first, decipher.final()]);
  } catch {
    return null;
  } finally {
    // update() hands out plaintext before the tag is checked; the concat above made the copy we return.
    first.fill(0);
  }
}

/** A tag over no plaintext: proves a key (and the aad) without carrying data. */
export function sealCheck(key: Buffer, aad: Buffer): { iv: Buffer; tag: Buffer } {
  const { iv, tag } = seal(key, Buffer.alloc(0), aad);
  return { iv, tag };
}

export function verifyCheck(key: Buffer, check: { iv: Buffer; tag: Buffer }, aad: Buffer): boolean {
  return open(key, { ...check, ct: Buffer.alloc(0) }, aad) !== null;
}

/** Overwrites key material in place; as far as JS allows (copies made by the runtime are out of reach). */
export function zero(...buffers: Array<Buffer | null | undefined>): void {
  for (const b of buffers) b?.fill(0);
}

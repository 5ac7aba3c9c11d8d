import { createHash } from 'node:crypto';

/** A downloaded V1 export: the bytes as they came, and what the store keeps to prove it is that file. */
export interface V1ExportArchive {
  bytes: Buffer;
  /** Lower-case hex. */
  sha256: string;
  size: number;
  /** A POSIX (ustar) TAR header at the start. VERIFY: the format of V1's export file was never seen; not enforced. */
  looksLikeTar: boolean;
}

export function exportArchive(bytes: Buffer): V1ExportArchive {
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, looksLikeTar: hasUstarMagic(bytes) };
}

/** `ustar` at offset 257 of the first 512-byte header (POSIX and GNU TAR alike). */
export function hasUstarMagic(bytes: Buffer): boolean {
  return bytes.length >= 512 && bytes.toString('latin1', 257, 262) === 'ustar';
}

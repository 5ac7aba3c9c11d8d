/** Base64 and a canonical JSON (sorted keys) so that what is authenticated does not depend on formatting. */

export const b64 = (bytes: Buffer): string => bytes.toString('base64');

/** Strict base64 decode: null for anything that does not round-trip (Buffer.from would skip bad chars). */
export function fromB64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('not JSON');
    if (value === undefined || typeof value === 'function' || typeof value === 'bigint' || typeof value === 'symbol') {
      throw new TypeError('not JSON');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** Associated data: a domain label, then canonical JSON, so bytes from one context never verify in another. */
export function aadOf(domain: string, value: unknown): Buffer {
  return Buffer.from(`${domain}\n${canonicalJson(value)}`, 'utf8');
}

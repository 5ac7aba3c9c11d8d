/**
 * What keeps secrets out of the log file, whatever shape they come in: a key that names a secret has its
 * value replaced, and in every string (messages, values, error messages and stacks) what looks like a
 * secret is replaced too: `pin=…`/`"secret": "…"`, a bearer or basic credential, a JWT, a long token
 * (hex, base64, base64url) and a run of 6 to 12 digits, in a string or as a whole number (admin PINs and
 * PUKs are 10 digits). It redacts more than it must (a long serial, a temp folder's random part, a large
 * count): a log line loses a detail, never leaks a secret. UUIDs (TSS, run and client ids) stay: they are what a support case needs.
 */

export const REDACTED = '[redacted]';

/** Keys whose value is a secret (compared lower-case with `_` and `-` dropped). */
export const SECRET_KEYS = [
  'pin',
  'puk',
  'adminpin',
  'adminpuk',
  'newpin',
  'oldpin',
  'passphrase',
  'vaultpassphrase',
  'filepassphrase',
  'password',
  'apisecret',
  'secret',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'authorization',
  'cookie',
  'setcookie',
  'credentials',
] as const;

const SECRET_KEY_SET = new Set<string>(SECRET_KEYS);
/** Key endings that name a secret too (`adminPin`, `api_secret`, `x-auth-token`, `vaultPassphrase`). */
const SECRET_KEY_END = /(pin|puk|secret|token|passphrase|password)$/;

const normalKey = (key: string) => key.toLowerCase().replace(/[_-]/g, '');

export function isSecretKey(key: string): boolean {
  const normal = normalKey(key);
  return SECRET_KEY_SET.has(normal) || SECRET_KEY_END.test(normal);
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** `pin=123`, `"api_secret":"abc"`, `PUK: 123`, `token='x'`: the value goes, the name stays. */
const KEYED_VALUE =
  /((?:admin[_-]?)?(?:pin|puk)|pass(?:phrase|word)|api[_-]?secret|secret|(?:access[_-]?|refresh[_-]?|id[_-]?)?token|authorization|cookie)(\\?["']?\s*[:=]\s*\\?["']?)([^\s"'\\&,;}\]]+)/gi;
const SCHEMED_CREDENTIAL = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?/g;
/** A long run of token characters with a letter and a digit in it (hex, base64, base64url keys and secrets). */
const LONG_TOKEN = /[A-Za-z0-9+/=_-]{20,}/g;
/** A PIN or PUK on its own: 6 to 12 digits not part of a longer word, number, date or address. */
const DIGIT_RUN = /(?<!\w|\d\.)\d{6,12}(?!\w|\.\d)/g;

const UUID_MARK = '\u0000';

/** A string with whatever looks like a secret replaced. */
export function scrubText(text: string): string {
  // UUIDs are set aside first, so no token rule eats them, and put back at the end.
  const uuids: string[] = [];
  let out = text.replace(UUID, (id) => `${UUID_MARK}${uuids.push(id) - 1}${UUID_MARK}`);
  out = out.replace(SCHEMED_CREDENTIAL, (_all, scheme: string) => `${scheme} ${REDACTED}`);
  out = out.replace(JWT, REDACTED);
  out = out.replace(KEYED_VALUE, (_all, key: string, between: string) => `${key}${between}${REDACTED}`);
  out = out.replace(LONG_TOKEN, (run) => (/[A-Za-z]/.test(run) && /\d/.test(run) ? REDACTED : run));
  out = out.replace(DIGIT_RUN, REDACTED);
  return out.replace(new RegExp(`${UUID_MARK}(\\d+)${UUID_MARK}`, 'g'), (_all, index: string) => uuids[Number(index)] ?? '');
}

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

/** A JSON-safe copy of any value for the log, with secret keys' values and secret-looking text replaced. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  // A whole number of PIN or PUK length is one as much as the same digits in a string.
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 100_000 && Math.abs(value) < 1e12 ? REDACTED : value;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return scrubText(value.toString());
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      type: value.name,
      message: scrubText(value.message),
      ...(typeof code === 'string' ? { code: scrubText(code) } : {}),
      ...(value.stack ? { stack: scrubText(value.stack) } : {}),
    };
  }
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => scrubValue(item, depth + 1));
  if (value instanceof Map) return scrubValue(Object.fromEntries(value), depth);
  if (value instanceof Set) return scrubValue([...value], depth);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>).slice(0, MAX_ITEMS)) {
    out[scrubText(key)] = isSecretKey(key) ? REDACTED : scrubValue(item, depth + 1);
  }
  return out;
}

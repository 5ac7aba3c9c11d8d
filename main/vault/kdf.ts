import { randomBytes, scrypt } from 'node:crypto';
import { b64, fromB64 } from './encoding';
import { normalizePassphrase } from './passphrase';
import { vaultErrors } from './vault-errors';

/** scrypt as stored in a file header: N, r, p and the salt (base64). */
export interface ScryptParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

/** OWASP's minimum: N = 2^17, r = 8, p = 1. Every vault and recovery file the app makes uses it. */
export const PRODUCTION_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
/** Node's default maxmem (32 MiB) refuses N = 2^17, r = 8, which needs 128 MiB. */
export const SCRYPT_MAXMEM = 256 * 1024 * 1024;
export const SALT_BYTES = 16;
const DERIVED_KEY_BYTES = 32;

/** What a file may ask for on reading: enough room for test-made files, never more memory than maxmem allows. */
const READ_BOUNDS = { minLog2N: 10, maxLog2N: 17, maxR: 8, maxP: 4 } as const;

export interface ScryptCostOptions {
  /**
   * TESTS ONLY: scrypt cost as log2(N) (10 to 16) so suites need not spend 0.4 s per derivation. Refused
   * (E_VAULT_TEST_ONLY) outside a test run; the app never sets it and always gets N = 2^17.
   */
  unsafeTestOnlyScryptLog2N?: number;
}

export function isTestRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.VITEST === 'true' || env.NODE_ENV === 'test';
}

/** Fresh parameters (new random salt) for a new vault or recovery file. */
export function newScryptParams(options: ScryptCostOptions = {}): ScryptParams {
  let N: number = PRODUCTION_SCRYPT.N;
  const log2N = options.unsafeTestOnlyScryptLog2N;
  if (log2N !== undefined) {
    if (!isTestRun()) throw vaultErrors.testOnly();
    if (!Number.isInteger(log2N) || log2N < READ_BOUNDS.minLog2N || log2N > 16) throw vaultErrors.testOnly();
    N = 2 ** log2N;
  }
  return { name: 'scrypt', N, r: PRODUCTION_SCRYPT.r, p: PRODUCTION_SCRYPT.p, salt: b64(randomBytes(SALT_BYTES)) };
}

/** Whether stored parameters are within what this app reads (a damaged or hostile header is refused). */
export function scryptParamsProblem(params: ScryptParams): string | null {
  const { N, r, p } = params;
  if (!Number.isInteger(N) || N < 2 ** READ_BOUNDS.minLog2N || N > 2 ** READ_BOUNDS.maxLog2N || (N & (N - 1)) !== 0) {
    return 'scrypt N out of range';
  }
  if (!Number.isInteger(r) || r < 1 || r > READ_BOUNDS.maxR) return 'scrypt r out of range';
  if (!Number.isInteger(p) || p < 1 || p > READ_BOUNDS.maxP) return 'scrypt p out of range';
  const salt = fromB64(params.salt);
  if (!salt || salt.length !== SALT_BYTES) return 'scrypt salt is not 16 bytes';
  return null;
}

/**
 * The 32-byte key for a passphrase, on libuv's thread pool (the event loop keeps running). The caller
 * zeroes the result when done. Parameters must have passed scryptParamsProblem().
 */
export function deriveKey(passphrase: string, params: ScryptParams): Promise<Buffer> {
  const password = Buffer.from(normalizePassphrase(passphrase), 'utf8');
  const salt = fromB64(params.salt) ?? Buffer.alloc(0);
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password, salt, DERIVED_KEY_BYTES, { N: params.N, r: params.r, p: params.p, maxmem: SCRYPT_MAXMEM }, (error, key) => {
      password.fill(0);
      if (error) reject(new Error(`scrypt failed (${(error as NodeJS.ErrnoException).code ?? 'unknown'})`));
      else resolve(key);
    });
  });
}

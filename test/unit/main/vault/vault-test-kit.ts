import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { z } from 'zod';
import { API_CREDENTIALS_KIND, type EntryInput, type EntryKinds, type EntryRegistry, type VaultOptions } from '../../../../main/vault';
import { checksumOf } from '../../../../main/vault/vault-file';

/**
 * The kinds these tests store, registered as a wing would: the neutral API credentials and two one-line
 * secrets per TSS (SIGN DE's PIN and PUK, defined here so the vault's tests need no wing).
 */
export const KINDS = {
  'api-credentials': API_CREDENTIALS_KIND,
  'admin-pin': { secret: z.strictObject({ pin: z.string().min(1).max(256) }), idLabel: 'tssId' },
  'admin-puk': { secret: z.strictObject({ puk: z.string().min(1).max(256) }), idLabel: 'tssId' },
} as const satisfies EntryKinds;
export type Kinds = typeof KINDS;
export const REGISTRY: EntryRegistry<Kinds> = { kinds: KINDS, environments: ['sandbox', 'test', 'live'] };

/** Fast scrypt for most tests (N = 2^10), through the explicit test-only option. One suite keeps 2^17. */
export const FAST: VaultOptions<Kinds> = { unsafeTestOnlyScryptLog2N: 10, ...REGISTRY };

export const PASSPHRASE = 'correct horse battery staple';
export const OTHER_PASSPHRASE = 'a different passphrase, not this one';

export const TSS_A = '6b2bd0c4-1f4c-4c55-9b0e-7f3f5e2a9a01';
export const TSS_B = '0e9f6d1a-77a2-4c1b-8d0e-3c2b1a0f9e02';
export const ORG = 'a3c0e9b2-5d4f-4e1a-9c8b-7d6e5f4a3b03';

/** Secrets chosen to be greppable: none of them may ever show up in a file, a log line or an error. */
export const SECRETS = {
  pukA: 'PUK-A-7731946205',
  pinA: 'PIN-A-55123',
  pukB: 'PUK-B-9042317766',
  apiKey: 'test_apikey_4kq9r2x7',
  apiSecret: 'apisecret_Zk2mQ9vLw8Xp3',
} as const;

export const pukA: EntryInput<Kinds, 'admin-puk'> = {
  id: TSS_A,
  kind: 'admin-puk',
  labels: { environment: 'test', organizationId: ORG, storeName: 'Filiale Köln-Ehrenfeld', description: 'Kasse 1' },
  secret: { puk: SECRETS.pukA },
};
export const pinA: EntryInput<Kinds, 'admin-pin'> = {
  id: TSS_A,
  kind: 'admin-pin',
  labels: { environment: 'test', organizationId: ORG, storeName: 'Filiale Köln-Ehrenfeld' },
  secret: { pin: SECRETS.pinA },
};
export const pukB: EntryInput<Kinds, 'admin-puk'> = {
  id: TSS_B,
  kind: 'admin-puk',
  labels: { environment: 'live', organizationId: ORG, storeName: 'Filiale Bonn' },
  secret: { puk: SECRETS.pukB },
};
export const credentials: EntryInput<Kinds, 'api-credentials'> = {
  id: ORG,
  kind: 'api-credentials',
  labels: { environment: 'test', description: 'Org credentials' },
  secret: { apiKey: SECRETS.apiKey, apiSecret: SECRETS.apiSecret },
};

export function expectNoSecret(text: string): void {
  for (const secret of [...Object.values(SECRETS), PASSPHRASE, OTHER_PASSPHRASE]) expect(text).not.toContain(secret);
}

export type VaultJson = {
  header: { vaultId: string; kdf: { N: number; salt: string } } & Record<string, unknown>;
  generation: number;
  wraps: {
    passphrase: { iv: string; tag: string; ct: string; check: { iv: string; tag: string } };
    keychain: Record<string, string>;
    dekCheck: { iv: string; tag: string };
  };
  entries: Array<{ id: string; kind: string; labels: Record<string, string>; iv: string; tag: string; ct: string }>;
  seal: { iv: string; tag: string };
  checksum: string;
};

export const vaultFile = (dir: string): string => join(dir, 'vault.json');

export function readVaultJson(dir: string, file = vaultFile(dir)): VaultJson {
  return JSON.parse(readFileSync(file, 'utf8')) as VaultJson;
}

/**
 * Edits vault.json like an attacker would. `fixChecksum` also recomputes the unkeyed checksum, which
 * anyone can: what is then left to catch the change is AES-GCM alone.
 */
export function tamper(dir: string, edit: (doc: VaultJson) => void, fixChecksum: boolean): void {
  const doc = readVaultJson(dir);
  edit(doc);
  if (fixChecksum) {
    const { checksum: _old, ...rest } = doc;
    doc.checksum = checksumOf(rest);
  }
  writeFileSync(vaultFile(dir), JSON.stringify(doc, null, 2));
}

/** The base64 of the same bytes with one bit flipped at `index` (a changed byte, still valid base64). */
export function flipB64(text: string, index = 0): string {
  const bytes = Buffer.from(text, 'base64');
  const i = ((index % bytes.length) + bytes.length) % bytes.length;
  bytes[i] = (bytes[i] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

/** Flips one character of a UUID-like string to another hex digit. */
export function flipChar(text: string, index = 0): string {
  const c = text[index];
  return text.slice(0, index) + (c === 'a' ? 'b' : 'a') + text.slice(index + 1);
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the promise to reject');
}

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { IV_BYTES, KEY_BYTES, TAG_BYTES } from './aead';
import { aadOf, canonicalJson, fromB64 } from './encoding';
import { EntryId, EntryKindName, EntryLabelsSchema, IsoTime } from './entry-schema';
import { type ScryptParams, scryptParamsProblem } from './kdf';

/**
 * vault.json, as data. Everything but `seal` and `checksum` is the body; the body is authenticated by
 * `seal` (AES-GCM under the data key, over the body's canonical JSON). `checksum` (SHA-256, no key) only
 * tells an accidentally damaged file apart before any key is at hand; it is not what protects the file.
 */
export const VAULT_FORMAT = 'tss-companion-vault';
export const VAULT_VERSION = 1;
export const VAULT_FILE = 'vault.json';

const b64Bytes = (length: number) => z.string().refine((s) => fromB64(s)?.length === length);
const b64Any = z.string().refine((s) => fromB64(s) !== null);

const Check = z.strictObject({ iv: b64Bytes(IV_BYTES), tag: b64Bytes(TAG_BYTES) });
const SealedBytes = z.strictObject({ iv: b64Bytes(IV_BYTES), tag: b64Bytes(TAG_BYTES), ct: b64Any });

const Header = z.strictObject({
  format: z.literal(VAULT_FORMAT),
  v: z.literal(VAULT_VERSION),
  vaultId: z.uuid(),
  createdAt: IsoTime,
  alg: z.literal('A256GCM'),
  kdf: z.strictObject({ name: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string() }),
});

const StoredEntry = z.strictObject({
  id: EntryId,
  kind: EntryKindName,
  labels: EntryLabelsSchema,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  iv: b64Bytes(IV_BYTES),
  tag: b64Bytes(TAG_BYTES),
  ct: b64Any,
});

/**
 * A secret a recovery import brought for an entry the vault already held with a different secret: the
 * vault keeps using its own, and keeps the imported one here (sealed like an entry) for a technician to
 * look at, instead of replacing a PUK or PIN that may be the right one.
 */
const ConflictEntry = StoredEntry.extend({ importedAt: IsoTime });

const Wraps = z.strictObject({
  /** The data key under the passphrase's key; `check` proves the passphrase on its own. */
  passphrase: SealedBytes.extend({ check: Check }),
  /** The data key under each key wrapper that has held it (by wrapper id), base64 of its opaque output. */
  keychain: z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), b64Any),
  /** A tag under the data key: tells "the keychain gave back a different key" apart from tampering. */
  dekCheck: Check,
});

const Body = z.strictObject({
  header: Header,
  generation: z.number().int().min(1),
  savedAt: IsoTime,
  wraps: Wraps,
  entries: z.array(StoredEntry),
  /** Absent until a recovery import first meets a different secret (so older files read the same). */
  conflicts: z.array(ConflictEntry).optional(),
});

const Document = Body.extend({ seal: Check, checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/) });

export type VaultHeader = z.infer<typeof Header> & { kdf: ScryptParams };
export type StoredEntry = z.infer<typeof StoredEntry>;
export type ConflictEntry = z.infer<typeof ConflictEntry>;
export type VaultBody = z.infer<typeof Body> & { header: VaultHeader };
export type VaultDocument = z.infer<typeof Document> & { header: VaultHeader };

export type ParsedVaultFile =
  | { kind: 'ok'; doc: VaultDocument }
  | { kind: 'damaged'; problem: string }
  | { kind: 'unsupported' };

export function bodyOf(doc: VaultDocument | VaultBody): VaultBody {
  const { header, generation, savedAt, wraps, entries, conflicts } = doc;
  return conflicts ? { header, generation, savedAt, wraps, entries, conflicts } : { header, generation, savedAt, wraps, entries };
}

/**
 * What the file seal authenticates: the whole body except `wraps.dekCheck`, which authenticates itself
 * (a tag under the data key). Keeping it out lets a key that opens the seal but fails the key check be
 * told apart (an altered key check) from a key that opens neither (not this vault's key).
 */
export function sealAadOf(body: VaultBody): Buffer {
  const { dekCheck: _selfAuthenticating, ...wraps } = body.wraps;
  return aadOf('tss-companion-vault/seal/v1', { ...body, wraps });
}

export function checksumOf(content: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
}

export function serializeVault(doc: VaultDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Reads vault.json bytes without any key: structure, version and checksum. Cryptographic checks (seal,
 * entries) need the data key and happen on unlock.
 */
export function parseVaultFile(bytes: Buffer): ParsedVaultFile {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { kind: 'damaged', problem: 'not valid JSON' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'damaged', problem: 'not a vault file' };
  const { checksum, ...rest } = raw as Record<string, unknown>;
  if (typeof checksum !== 'string' || checksum !== checksumOf(rest)) return { kind: 'damaged', problem: 'checksum mismatch' };
  const header = (raw as { header?: { format?: unknown; v?: unknown } }).header;
  if (header?.format === VAULT_FORMAT && typeof header.v === 'number' && header.v > VAULT_VERSION) return { kind: 'unsupported' };
  const parsed = Document.safeParse(raw);
  if (!parsed.success) return { kind: 'damaged', problem: 'unexpected structure' };
  const doc = parsed.data as VaultDocument;
  const kdfProblem = scryptParamsProblem(doc.header.kdf);
  if (kdfProblem) return { kind: 'damaged', problem: kdfProblem };
  if (fromB64(doc.wraps.passphrase.ct)?.length !== KEY_BYTES) return { kind: 'damaged', problem: 'passphrase wrap has the wrong length' };
  const names = new Set(doc.entries.map((e) => `${e.kind}\u0000${e.id}`));
  if (names.size !== doc.entries.length) return { kind: 'damaged', problem: 'an entry appears twice' };
  return { kind: 'ok', doc };
}

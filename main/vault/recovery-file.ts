import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { IV_BYTES, TAG_BYTES, open, seal, zero } from './aead';
import { appendAudit, checkReason } from './audit-log';
import { writeFileAtomic } from '../core/durable/atomic-file';
import { b64, canonicalJson, fromB64 } from './encoding';
import { EntryId, EntryKindName, EntryLabelsSchema, IsoTime, kindIn, parseSecret } from './entry-schema';
import { type ScryptCostOptions, type ScryptParams, deriveKey, newScryptParams, scryptParamsProblem } from './kdf';
import type { EntryKinds, EntryRegistry, KindOf, RecoveredEntry, SecretOf } from './types';
import { vaultErrors } from './vault-errors';

/**
 * The portable recovery file: every entry, sealed under the technician's passphrase only, so a PUK can be
 * read on another laptop with no vault, no keychain and no network.
 *
 *   {"format":"tss-companion-recovery","v":1,"kdf":{"name":"scrypt","N":131072,"r":8,"p":1,"salt":"…"},
 *    "alg":"A256GCM","iv":"…","tag":"…","ct":"…"}
 *
 * key = scrypt(NFKC(passphrase), salt, 32, N, r, p); AAD = the UTF-8 bytes of the header without `tag` and
 * `ct` as canonical JSON (keys sorted, no spaces); plaintext = JSON {exportedAt, vaultId, entries: [{id,
 * kind, labels, createdAt, updatedAt, secret}]}.
 */
export const RECOVERY_FORMAT = 'tss-companion-recovery';
export const RECOVERY_VERSION = 1;
const MAX_RECOVERY_FILE_BYTES = 20 * 1024 * 1024;

const b64Bytes = (length: number) => z.string().refine((s) => fromB64(s)?.length === length);

const RecoveryFileSchema = z.strictObject({
  format: z.literal(RECOVERY_FORMAT),
  v: z.literal(RECOVERY_VERSION),
  kdf: z.strictObject({ name: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string() }),
  alg: z.literal('A256GCM'),
  iv: b64Bytes(IV_BYTES),
  tag: b64Bytes(TAG_BYTES),
  ct: z.string().refine((s) => fromB64(s) !== null),
});

const RecoveredEntrySchema = z.strictObject({
  id: EntryId,
  kind: EntryKindName,
  labels: EntryLabelsSchema,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  secret: z.unknown(),
});

const ContentsSchema = z.strictObject({
  exportedAt: IsoTime,
  vaultId: z.string(),
  entries: z.array(RecoveredEntrySchema),
});

export interface RecoveryFileContents {
  exportedAt: string;
  vaultId: string;
  entries: RecoveredEntry[];
}

interface RecoveryHeader {
  format: typeof RECOVERY_FORMAT;
  v: typeof RECOVERY_VERSION;
  kdf: ScryptParams;
  alg: 'A256GCM';
  iv: string;
}

const headerAad = (header: RecoveryHeader): Buffer => Buffer.from(canonicalJson(header), 'utf8');

/** The recovery file's text for these entries. The passphrase must already have passed the strength rules. */
export async function sealRecoveryFile(
  contents: RecoveryFileContents,
  passphrase: string,
  options: ScryptCostOptions = {},
): Promise<string> {
  const kdf = newScryptParams(options);
  const key = await deriveKey(passphrase, kdf);
  const plaintext = Buffer.from(JSON.stringify(contents), 'utf8');
  try {
    const header = (iv: Buffer): RecoveryHeader => ({ format: RECOVERY_FORMAT, v: RECOVERY_VERSION, kdf, alg: 'A256GCM', iv: b64(iv) });
    const { iv, tag, ct } = seal(key, plaintext, (ivBytes) => headerAad(header(ivBytes)));
    return `${JSON.stringify({ ...header(iv), tag: b64(tag), ct: b64(ct) })}\n`;
  } finally {
    zero(key, plaintext);
  }
}

/**
 * Parses and decrypts a recovery file's bytes. Wrong passphrase and altered bytes cannot be told apart.
 * The entries of kinds in `registry` are checked against their kind; the others come as they were stored.
 */
export async function openRecoveryFile(bytes: Buffer, passphrase: string, registry?: EntryRegistry): Promise<RecoveryFileContents> {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw vaultErrors.recoveryFileInvalid('it is not JSON');
  }
  const version = (raw as { format?: unknown; v?: unknown } | null)?.v;
  if ((raw as { format?: unknown } | null)?.format === RECOVERY_FORMAT && typeof version === 'number' && version > RECOVERY_VERSION) {
    throw vaultErrors.unsupportedVersion('This recovery file');
  }
  const parsed = RecoveryFileSchema.safeParse(raw);
  if (!parsed.success) throw vaultErrors.recoveryFileInvalid('its header is missing or altered');
  const { tag, ct, ...headerFields } = parsed.data;
  const header = headerFields as RecoveryHeader;
  const kdfProblem = scryptParamsProblem(header.kdf);
  if (kdfProblem) throw vaultErrors.recoveryFileInvalid(kdfProblem);

  const key = await deriveKey(passphrase, header.kdf);
  let plaintext: Buffer | null = null;
  try {
    plaintext = open(key, { iv: fromB64(header.iv)!, tag: fromB64(tag)!, ct: fromB64(ct)! }, headerAad(header));
    if (!plaintext) throw vaultErrors.wrongRecoveryPassphrase();
    return parseContents(plaintext, registry);
  } finally {
    zero(key, plaintext);
  }
}

function parseContents(plaintext: Buffer, registry: EntryRegistry | undefined): RecoveryFileContents {
  let value: unknown;
  try {
    value = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw vaultErrors.recoveryFileInvalid('its sealed contents are not readable');
  }
  const parsed = ContentsSchema.safeParse(value);
  if (!parsed.success) throw vaultErrors.recoveryFileInvalid('its sealed contents have an unexpected shape');
  const entries = parsed.data.entries.map((entry): RecoveredEntry => {
    const definition = registry ? kindIn(registry.kinds, entry.kind) : null;
    const secret = definition ? parseSecret(definition, entry.secret) : entry.secret;
    if (secret === null || secret === undefined) throw vaultErrors.recoveryFileInvalid(`the ${entry.kind} of ${entry.id} is incomplete`);
    if (!definition) return { ...entry, secret, ...(registry ? { unknownKind: true } : {}) };
    if (!registry?.environments.includes(entry.labels.environment)) throw vaultErrors.recoveryFileInvalid(`the ${entry.kind} of ${entry.id} names an unknown environment`);
    return { ...entry, secret };
  });
  const names = new Set(entries.map((e) => `${e.kind}\u0000${e.id}`));
  if (names.size !== entries.length) throw vaultErrors.recoveryFileInvalid('an entry appears twice');
  return { exportedAt: parsed.data.exportedAt, vaultId: parsed.data.vaultId, entries };
}

/** Writes a recovery file atomically, 0600. */
export async function writeRecoveryFile(path: string, text: string): Promise<void> {
  await writeFileAtomic(path, text);
}

/** Reads and decrypts a recovery file; needs nothing but the file and the passphrase (see openRecoveryFile). */
export async function readRecoveryFile(path: string, passphrase: string, registry?: EntryRegistry): Promise<RecoveryFileContents> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw vaultErrors.recoveryFileInvalid('the file cannot be read');
  }
  if (size > MAX_RECOVERY_FILE_BYTES) throw vaultErrors.recoveryFileInvalid('the file is far too large');
  return openRecoveryFile(await readFile(path), passphrase, registry);
}

export interface RecoveryRevealOptions<R extends EntryKinds = EntryKinds> {
  /** Where to write the 'reveal' audit record (a data folder); none when the laptop has no data folder. */
  auditDir?: string;
  reason: string;
  /** The wings' kinds: the secret is checked against its kind (and typed); without, it comes as stored. */
  registry?: EntryRegistry<R>;
}

/**
 * One secret (say, a TSS's admin PUK) straight from a recovery file, on a laptop without the vault.
 * Audited as 'reveal' into `auditDir` when given; the audit record is written before the secret is returned.
 */
export async function revealFromRecoveryFile<R extends EntryKinds = EntryKinds, K extends KindOf<R> = KindOf<R>>(
  path: string,
  passphrase: string,
  id: string,
  kind: K,
  options: RecoveryRevealOptions<R>,
): Promise<SecretOf<R, K>> {
  const reason = checkReason(options.reason);
  const contents = await readRecoveryFile(path, passphrase, options.registry);
  const entry = contents.entries.find((e) => e.id === id && e.kind === kind);
  if (!entry) throw vaultErrors.entryNotFound(id, kind);
  if (options.auditDir) {
    await appendAudit(options.auditDir, [{ time: new Date().toISOString(), entryId: id, kind, action: 'reveal', reason, file: path }]);
  }
  return entry.secret as SecretOf<R, K>;
}

import { type Sealed, open, seal } from './aead';
import { aadOf, b64, fromB64 } from './encoding';
import { EntryId, EntryKindSchema, EntryLabelsSchema, describeIssues, parseSecret } from './entry-schema';
import type { EntryInput, EntryKind, EntryLabels, SecretFor } from './types';
import { vaultErrors } from './vault-errors';

/** One secret, sealed under the data key with its entry's id and kind as associated data. */
export interface SealedSecret {
  iv: string;
  tag: string;
  ct: string;
}

/** Binds a ciphertext to its entry: moved to another id or kind, it no longer verifies. */
export const entryAad = (id: string, kind: EntryKind): Buffer => aadOf('tss-companion-vault/entry/v1', { id, kind });

export function sealSecret<K extends EntryKind>(dek: Buffer, id: string, kind: K, secret: SecretFor<K>): SealedSecret {
  const plaintext = Buffer.from(JSON.stringify(secret), 'utf8');
  try {
    const { iv, tag, ct } = seal(dek, plaintext, entryAad(id, kind));
    return { iv: b64(iv), tag: b64(tag), ct: b64(ct) };
  } finally {
    plaintext.fill(0);
  }
}

export function decodeSealed(sealed: SealedSecret): Sealed | null {
  const iv = fromB64(sealed.iv);
  const tag = fromB64(sealed.tag);
  const ct = fromB64(sealed.ct);
  return iv && tag && ct ? { iv, tag, ct } : null;
}

/** The secret, or null when the tag fails (wrong key, altered bytes, or an entry moved to another id/kind). */
export function openSecret<K extends EntryKind>(dek: Buffer, id: string, kind: K, sealed: SealedSecret): SecretFor<K> | null {
  const bytes = decodeSealed(sealed);
  if (!bytes) return null;
  const plaintext = open(dek, bytes, entryAad(id, kind));
  if (!plaintext) return null;
  try {
    return parseSecret(kind, JSON.parse(plaintext.toString('utf8')));
  } catch {
    return null;
  } finally {
    plaintext.fill(0);
  }
}

/** Checks what put() was given; the secret's fields are named when missing, its values never shown. */
export function validateEntryInput<K extends EntryKind>(input: EntryInput<K>): EntryInput<K> {
  if (!input || typeof input !== 'object') throw vaultErrors.invalidEntry('no entry given');
  const kind = EntryKindSchema.safeParse(input.kind);
  if (!kind.success) throw vaultErrors.invalidEntry('kind must be api-credentials, admin-pin or admin-puk');
  if (!EntryId.safeParse(input.id).success) {
    throw vaultErrors.invalidEntry('id must be 1 to 128 letters, digits, dots, colons, underscores or dashes');
  }
  const labels = EntryLabelsSchema.safeParse(input.labels);
  if (!labels.success) throw vaultErrors.invalidEntry(`labels: ${describeIssues(labels.error)}`);
  const secret = parseSecret(input.kind, input.secret);
  if (!secret) throw vaultErrors.invalidEntry(`the ${input.kind} secret is missing a field or has an empty or overlong one`);
  const normalized: EntryLabels = { ...labels.data };
  // The id says which TSS or organization the entry is for; the labels agree with it.
  if (input.kind === 'api-credentials') {
    if (normalized.organizationId && normalized.organizationId !== input.id) {
      throw vaultErrors.invalidEntry('labels.organizationId differs from the entry id');
    }
    normalized.organizationId = input.id;
  } else {
    if (normalized.tssId && normalized.tssId !== input.id) throw vaultErrors.invalidEntry('labels.tssId differs from the entry id');
    normalized.tssId = input.id;
  }
  return { id: input.id, kind: input.kind, labels: normalized, secret };
}

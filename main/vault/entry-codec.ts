import { type Sealed, open, seal } from './aead';
import { aadOf, b64, fromB64 } from './encoding';
import { EntryId, EntryLabelsSchema, describeIssues, inWords, kindIn, parseSecret } from './entry-schema';
import type { EntryInput, EntryKindDefinition, EntryLabels, EntryRegistry } from './types';
import { vaultErrors } from './vault-errors';

/** One secret, sealed under the data key with its entry's id and kind as associated data. */
export interface SealedSecret {
  iv: string;
  tag: string;
  ct: string;
}

/** Binds a ciphertext to its entry: moved to another id or kind, it no longer verifies. */
export const entryAad = (id: string, kind: string): Buffer => aadOf('tss-companion-vault/entry/v1', { id, kind });

export function sealSecret(dek: Buffer, id: string, kind: string, secret: unknown): SealedSecret {
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

/**
 * What an entry holds, whatever its kind: null when the tag fails (wrong key, altered bytes, or an entry
 * moved to another id/kind). Its shape is not checked: this is how entries of kinds no wing registered
 * are verified and exported as they are.
 */
export function openStored(dek: Buffer, id: string, kind: string, sealed: SealedSecret): { secret: unknown } | null {
  const bytes = decodeSealed(sealed);
  if (!bytes) return null;
  const plaintext = open(dek, bytes, entryAad(id, kind));
  if (!plaintext) return null;
  try {
    return { secret: JSON.parse(plaintext.toString('utf8')) as unknown };
  } catch {
    return null;
  } finally {
    plaintext.fill(0);
  }
}

/** The secret, checked against its kind's shape; null when the tag fails or the shape does not fit. */
export function openSecret(dek: Buffer, id: string, kind: string, sealed: SealedSecret, definition: EntryKindDefinition): unknown {
  const opened = openStored(dek, id, kind, sealed);
  return opened ? parseSecret(definition, opened.secret) : null;
}

/** Checks what put() was given; the secret's fields are named when missing, its values never shown. */
export function validateEntryInput(input: EntryInput, registry: EntryRegistry): EntryInput {
  if (!input || typeof input !== 'object') throw vaultErrors.invalidEntry('no entry given');
  const definition = typeof input.kind === 'string' ? kindIn(registry.kinds, input.kind) : null;
  if (!definition) throw vaultErrors.invalidEntry(`kind must be ${inWords(Object.keys(registry.kinds))}`);
  if (!EntryId.safeParse(input.id).success) {
    throw vaultErrors.invalidEntry('id must be 1 to 128 letters, digits, dots, colons, underscores or dashes');
  }
  const labels = EntryLabelsSchema.safeParse(input.labels);
  if (!labels.success) throw vaultErrors.invalidEntry(`labels: ${describeIssues(labels.error)}`);
  if (!registry.environments.includes(labels.data.environment)) throw vaultErrors.invalidEntry('labels: environment missing or invalid');
  const secret = parseSecret(definition, input.secret);
  if (!secret) throw vaultErrors.invalidEntry(`the ${input.kind} secret is missing a field or has an empty or overlong one`);
  // The id says which TSS or organization the entry is for; the labels agree with it.
  const normalized: EntryLabels = { ...labels.data };
  const named = normalized[definition.idLabel];
  if (named && named !== input.id) throw vaultErrors.invalidEntry(`labels.${definition.idLabel} differs from the entry id`);
  normalized[definition.idLabel] = input.id;
  return { id: input.id, kind: input.kind, labels: normalized, secret };
}

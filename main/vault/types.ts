import type { z } from 'zod';

/**
 * What the vault holds: secrets of the kinds the wings register, each with labels that are readable
 * without unlocking. The vault itself knows no kind; a kind it was not told about is kept as it is.
 */

/** One kind of secret a wing keeps in the vault. */
export interface EntryKindDefinition {
  /** The secret's shape, checked on put, on read and on import (zod's messages are never shown: they may quote input). */
  secret: z.ZodType;
  /** Which label the entry's id is: an organization (its API key) or a TSS (its PIN, its PUK). */
  idLabel: 'organizationId' | 'tssId';
}

/** Kind name → definition, as the wings register them. */
export type EntryKinds = Readonly<Record<string, EntryKindDefinition>>;

/** A kind's name in a registry. */
export type KindOf<R extends EntryKinds> = keyof R & string;

/** The secret a kind holds, as its schema gives it. */
export type SecretOf<R extends EntryKinds, K extends KindOf<R>> = z.output<R[K]['secret']>;

/** What the wings register with a vault: the kinds it stores, and the environments their labels may name. */
export interface EntryRegistry<R extends EntryKinds = EntryKinds> {
  kinds: R;
  /** Environment ids (`sandbox`, fiskaly `test`, fiskaly `live` for SIGN DE). */
  environments: readonly string[];
}

/** Non-secret labels, stored in clear so the app can list what the vault knows while locked and offline. */
export interface EntryLabels {
  environment: string;
  organizationId?: string;
  tssId?: string;
  storeName?: string;
  description?: string;
}

/** One entry as `list()` shows it: labels and times, never the secret. */
export interface EntryListing {
  id: string;
  kind: string;
  labels: EntryLabels;
  createdAt: string;
  updatedAt: string;
  /** Set when no wing registered this kind: the entry is kept and exported as it is, never opened. */
  unknownKind?: true;
}

/** What `put()` takes; (id, kind) names an entry, and the id is the label its kind says (`idLabel`). */
export interface EntryInput<R extends EntryKinds = EntryKinds, K extends KindOf<R> = KindOf<R>> {
  id: string;
  kind: K;
  labels: EntryLabels;
  secret: SecretOf<R, K>;
}

/** A decrypted entry, as read from a recovery file (the secret of a kind not registered is as it was stored). */
export interface RecoveredEntry extends EntryListing {
  secret: unknown;
}

/** What the vault holds: three kinds of secret, each with labels that are readable without unlocking. */

export const ENTRY_KINDS = ['api-credentials', 'admin-pin', 'admin-puk'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The same ids the app uses for its environments (`sandbox`, fiskaly `test`, fiskaly `live`). */
export const VAULT_ENVIRONMENTS = ['sandbox', 'test', 'live'] as const;
export type VaultEnvironment = (typeof VAULT_ENVIRONMENTS)[number];

export interface ApiCredentials {
  apiKey: string;
  apiSecret: string;
}
export interface AdminPin {
  pin: string;
}
export interface AdminPuk {
  puk: string;
}

export type SecretFor<K extends EntryKind> = K extends 'api-credentials'
  ? ApiCredentials
  : K extends 'admin-pin'
    ? AdminPin
    : AdminPuk;

/** Non-secret labels, stored in clear so the app can list what the vault knows while locked and offline. */
export interface EntryLabels {
  environment: VaultEnvironment;
  organizationId?: string;
  tssId?: string;
  storeName?: string;
  description?: string;
}

/** One entry as `list()` shows it: labels and times, never the secret. */
export interface EntryListing {
  id: string;
  kind: EntryKind;
  labels: EntryLabels;
  createdAt: string;
  updatedAt: string;
}

/**
 * What `put()` takes. The id is the TSS id for `admin-pin`/`admin-puk` and the organization id for
 * `api-credentials`; (id, kind) names an entry.
 */
export interface EntryInput<K extends EntryKind = EntryKind> {
  id: string;
  kind: K;
  labels: EntryLabels;
  secret: SecretFor<K>;
}

/** A decrypted entry, as read from a recovery file. */
export interface RecoveredEntry<K extends EntryKind = EntryKind> extends EntryListing {
  kind: K;
  secret: SecretFor<K>;
}

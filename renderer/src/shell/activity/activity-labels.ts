/**
 * The audit log holds main's own words for why a secret was used ("PUK recovery"): the screens name the
 * known ones in their language and show any other as written.
 */
const REASON_KEYS = {
  'PUK recovery': 'pukRecovery',
  'recovery file export': 'recoveryExport',
  'recovery file import': 'recoveryImport',
} as const;

export type ReasonKey = (typeof REASON_KEYS)[keyof typeof REASON_KEYS];

export const reasonKey = (reason: string): ReasonKey | null => (Object.hasOwn(REASON_KEYS, reason) ? REASON_KEYS[reason as keyof typeof REASON_KEYS] : null);

const KNOWN_KINDS = ['admin-pin', 'admin-puk', 'api-credentials'] as const;
export type KnownKind = (typeof KNOWN_KINDS)[number];
export const isKnownKind = (kind: string): kind is KnownKind => (KNOWN_KINDS as readonly string[]).includes(kind);

import { z } from 'zod';
import { ENTRY_KINDS, type EntryKind, type SecretFor, VAULT_ENVIRONMENTS } from './types';

/** Ids name TSSs and organizations (UUIDs at fiskaly); kept to a safe alphabet so they can go in messages. */
export const EntryId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);
export const EntryKindSchema = z.enum(ENTRY_KINDS);
export const IsoTime = z.iso.datetime();

export const EntryLabelsSchema = z.strictObject({
  environment: z.enum(VAULT_ENVIRONMENTS),
  organizationId: EntryId.optional(),
  tssId: EntryId.optional(),
  storeName: z.string().min(1).max(200).optional(),
  description: z.string().min(1).max(1000).optional(),
});

const secretText = (max: number) => z.string().min(1).max(max);

export const secretSchemas = {
  'api-credentials': z.strictObject({ apiKey: secretText(1024), apiSecret: secretText(4096) }),
  'admin-pin': z.strictObject({ pin: secretText(256) }),
  'admin-puk': z.strictObject({ puk: secretText(256) }),
} as const satisfies Record<EntryKind, z.ZodType>;

/** The secret, checked against its kind; null when it does not fit. */
export function parseSecret<K extends EntryKind>(kind: K, value: unknown): SecretFor<K> | null {
  const parsed = secretSchemas[kind].safeParse(value);
  return parsed.success ? (parsed.data as SecretFor<K>) : null;
}

/** Which fields are wrong, by path only: zod's own messages are not shown because they may quote input. */
export function describeIssues(error: z.ZodError): string {
  const paths = error.issues.map((issue) => issue.path.map(String).join('.') || '(entry)');
  return `${[...new Set(paths)].join(', ')} missing or invalid`;
}

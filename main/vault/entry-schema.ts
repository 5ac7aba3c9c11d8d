import { z } from 'zod';
import type { EntryKindDefinition, EntryKinds, EntryRegistry } from './types';

/** Ids name TSSs and organizations (UUIDs at fiskaly); kept to a safe alphabet so they can go in messages. */
export const EntryId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);
/** A kind's name as the file stores it, registered or not (`admin-puk`). */
export const EntryKindName = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/);
/** An environment's id as the file stores it, registered or not (`test`). */
const EnvironmentId = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);
export const IsoTime = z.iso.datetime();

/** Labels as the file stores them; put() also checks the environment is a registered one. */
export const EntryLabelsSchema = z.strictObject({
  environment: EnvironmentId,
  organizationId: EntryId.optional(),
  tssId: EntryId.optional(),
  storeName: z.string().min(1).max(200).optional(),
  description: z.string().min(1).max(1000).optional(),
});

const secretText = (max: number) => z.string().min(1).max(max);

/** An API key and its secret: every fiskaly product has one, so any wing may register this kind. */
export const API_CREDENTIALS_KIND = {
  secret: z.strictObject({ apiKey: secretText(1024), apiSecret: secretText(4096) }),
  idLabel: 'organizationId',
} as const satisfies EntryKindDefinition;

/** The definition of `kind`, or null when no wing registered it. */
export function kindIn(kinds: EntryKinds, kind: string): EntryKindDefinition | null {
  return Object.hasOwn(kinds, kind) ? kinds[kind]! : null;
}

/**
 * Several wings' registrations as one. A kind two wings define differently is refused at start (the
 * same definition, say API_CREDENTIALS_KIND, may come from several); environments are pooled.
 */
export function combineRegistries<const L extends readonly EntryRegistry[]>(...registries: L): EntryRegistry<KindsOfAll<L>> {
  const kinds: Record<string, EntryKindDefinition> = {};
  const environments = new Set<string>();
  for (const registry of registries) {
    for (const [name, definition] of Object.entries(registry.kinds)) {
      const known = kindIn(kinds, name);
      if (known && known !== definition) throw new Error(`Two wings register the vault kind "${name}" differently.`);
      kinds[name] = definition;
    }
    for (const environment of registry.environments) environments.add(environment);
  }
  return { kinds: kinds as KindsOfAll<L>, environments: [...environments] };
}

/** The kinds of every registry in `L`, together. */
type KindsOfAll<L extends readonly EntryRegistry[]> = L extends readonly [EntryRegistry<infer First>, ...infer Rest extends readonly EntryRegistry[]]
  ? First & KindsOfAll<Rest>
  : Record<never, never>;

/** The secret, checked against its kind's shape; null when it does not fit. */
export function parseSecret(definition: EntryKindDefinition, value: unknown): unknown {
  const parsed = definition.secret.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Which fields are wrong, by path only: zod's own messages are not shown because they may quote input. */
export function describeIssues(error: z.ZodError): string {
  const paths = error.issues.map((issue) => issue.path.map(String).join('.') || '(entry)');
  return `${[...new Set(paths)].join(', ')} missing or invalid`;
}

/** "a, b or c", for messages naming the registered kinds. */
export function inWords(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? 'none') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

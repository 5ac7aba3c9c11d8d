const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A run or TSS id as the technician typed or pasted it: a UUID in any case (a copied id may come upper-case),
 * lower-cased as the journals, the vault and the store records keep it; null when it is no UUID. The one rule
 * every command that takes an id uses.
 */
export function idOf(text: string): string | null {
  return UUID.test(text) ? text.toLowerCase() : null;
}

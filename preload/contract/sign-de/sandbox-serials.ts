import { CLIENT_SERIAL_PATTERN, MAX_CLIENTS } from './store-rules';

/**
 * Till serials invented for a sandbox store (TEST and LIVE tills carry the serials on their labels): the same
 * rule in main (CLI) and in the wizard. Plain code without zod, so the renderer imports it at run time.
 */
const TRANSLITERATIONS: Record<string, string> = { Ä: 'AE', Ö: 'OE', Ü: 'UE', ß: 'SS' };

/**
 * `count` sandbox serials for a store: "FILIALE-MITTE-3F9A-01", …; the name says which store, the random part
 * keeps two stores of the same name apart.
 */
export function sandboxSerials(storeName: string, count: number, random: () => string): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_CLIENTS) throw new RangeError(`a store has 1 to ${MAX_CLIENTS} clients, not ${count}`);
  const name = storeName
    .toUpperCase()
    .replace(/[ÄÖÜß]/g, (char) => TRANSLITERATIONS[char]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const prefix = `${name || 'KASSE'}-${random().toUpperCase()}`;
  const serials = Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(count > 99 ? 3 : 2, '0')}`);
  // Guards the pattern (DSFinV-K: no / or _, at most 70), whatever the store is called.
  for (const serial of serials) if (!CLIENT_SERIAL_PATTERN.test(serial)) throw new Error(`invented serial ${serial} breaks the client serial rules`);
  return serials;
}

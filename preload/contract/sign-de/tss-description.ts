import { TSS_DESCRIPTION_PATTERN } from './store-rules';

const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS', '&': '+' };
const TSS_DESCRIPTION_MAX = 100;

/**
 * A TSS description fiskaly takes (TSS_DESCRIPTION_PATTERN), made from what the technician typed or the
 * store's name: German umlauts and ß spelled out (ä → ae, ß → ss), other accents dropped (é → e), & as +,
 * anything else fiskaly refuses as a space; at most 100 characters.
 */
export function toTssDescription(text: string): string {
  const spelled = [...text].map((character) => GERMAN[character] ?? character).join('');
  const plain = spelled.normalize('NFD').replace(/\p{M}/gu, '');
  const allowed = plain.replace(/[^A-Za-z0-9 '()+,\-./:=?]/g, ' ').replace(/ {2,}/g, ' ').trim();
  const description = allowed.slice(0, TSS_DESCRIPTION_MAX).trimEnd();
  return TSS_DESCRIPTION_PATTERN.test(description) ? description : '';
}

/**
 * Typed confirmations for what costs money or cannot be undone: the technician types the store's name
 * or a keyword (LIVE to start a run in fiskaly LIVE, DISABLE to disable a TSS). Surrounding spaces do not
 * count; letters must match exactly, so a half-typed name never confirms.
 */
export const LIVE_KEYWORD = 'LIVE';
export const DISABLE_KEYWORD = 'DISABLE';

export function isTypedConfirmation(typed: string, keyword: string, storeName?: string | null): boolean {
  const value = typed.trim();
  if (value === '') return false;
  if (value === keyword) return true;
  const name = storeName?.trim();
  return Boolean(name) && value === name;
}

import { FiskalyError } from '../api/fiskaly-error';

/** One page of a V1 list; `count` is null where V1 did not send one (VERIFY whether it does). */
export interface V1Page<T> {
  items: T[];
  count: number | null;
}

/** V1's default page size [XENTRAL getTransactions]; larger pages were never seen. */
export const V1_PAGE_SIZE = 100;

/** A list longer than this many pages is taken as a server that pages wrongly, not as a store's data. */
const MAX_PAGES = 10_000;

/**
 * Every item of a V1 list, page by page. How V1 pages is only partly known (VERIFY: `limit`/`offset` per
 * list, whether `count` is sent, what a limit above the server's own maximum does), and missing an item
 * here can mean an ACTIVE transaction left open for ever. So a short page does not end the list; only
 * these do: an empty page, `count` reached, or a page with nothing new (a server that ignores `offset`).
 */
export async function collectPages<T extends { id: string }>(fetchPage: (limit: number, offset: number) => Promise<V1Page<T>>): Promise<T[]> {
  const seen = new Map<string, T>();
  let offset = 0;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await fetchPage(V1_PAGE_SIZE, offset);
    const fresh = page.items.filter((item) => !seen.has(item.id));
    for (const item of fresh) seen.set(item.id, item);
    if (fresh.length === 0) return [...seen.values()];
    if (page.count !== null && seen.size >= page.count) return [...seen.values()];
    offset += page.items.length;
  }
  throw new FiskalyError(502, 'E_UNEXPECTED_RESPONSE', `the list did not end after ${MAX_PAGES} pages`);
}

/** limit 1..100 and offset 0 or more, checked before anything is sent. */
export function checkPageWindow(limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > V1_PAGE_SIZE || !Number.isInteger(offset) || offset < 0) {
    throw new FiskalyError(400, 'E_FAILED_SCHEMA_VALIDATION', `limit must be 1..${V1_PAGE_SIZE} and offset 0 or more`);
  }
}

import type { Caller } from '../context';
import { type ListQuery, listEnvelope, parseListQuery } from '../lists';
import { assertStates } from '../routes/tss';
import { V1_VERSION } from './views';

/**
 * §3 #2, #5, #9, #14: `limit` (default 100) and `offset`, `order`, `order_by`, `states[]`, read as V2's
 * lists read them. VERIFY (§3): which of these V1 took per list, and its largest `limit`.
 */
export function v1ListQuery(query: Record<string, unknown>, orderBy: readonly string[], defaultOrderBy: string, states: readonly string[] | null): ListQuery {
  const list = parseListQuery(query, orderBy, defaultOrderBy);
  if (states === null) return { ...list, states: [] };
  assertStates(list.states, states);
  return list;
}

/** `{data, count, _type, _env, _version}` (V1 parsers read `data`; `_type` from fiskaly's v0 tests). */
export function v1List<T extends object, V>(
  type: string,
  caller: Caller,
  records: T[],
  list: ListQuery,
  sortKey: (item: T, orderBy: string) => string | number,
  view: (item: T) => V,
) {
  // Clients have no state (and are listed without a state filter).
  const envelope = listEnvelope(type, caller.organization.env, records as (T & { state?: string })[], list, sortKey);
  return { ...envelope, data: envelope.data.map(view), _version: V1_VERSION };
}

import { ApiError } from './api-error';
import { API_VERSION } from './ids';
import type { Env } from './state';

/** Query parameters every list takes; `states[]=X` and `states[0]=X` are both accepted, as in the wild. */
export interface ListQuery {
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
  orderBy: string;
  states: string[];
}

export function parseListQuery(query: Record<string, unknown>, orderByFields: readonly string[], defaultOrderBy: string): ListQuery {
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (typeof raw !== 'string' || !/^\d+$/.test(raw) || value < min || value > max) {
      throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', `querystring.${name} should be an integer between ${min} and ${max}`);
    }
    return value;
  };
  const order = query.order ?? 'asc';
  if (order !== 'asc' && order !== 'desc') {
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'querystring.order should be equal to one of the allowed values');
  }
  const orderBy = (query.order_by as string | undefined) ?? defaultOrderBy;
  if (!orderByFields.includes(orderBy)) {
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'querystring.order_by should be equal to one of the allowed values');
  }
  const states = Object.entries(query)
    .filter(([key]) => key === 'states' || key === 'states[]' || /^states\[\d+\]$/.test(key))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .map(String);
  return { limit: int('limit', 100, 1, 100), offset: int('offset', 0, 0, Number.MAX_SAFE_INTEGER), order, orderBy, states };
}

/** Filters by state, sorts, pages; `count` is the number of items matching before paging. */
export function listEnvelope<T extends { state?: string }>(
  type: string,
  env: Env,
  items: T[],
  query: ListQuery,
  sortKey: (item: T, orderBy: string) => string | number,
): { data: T[]; count: number; _type: string; _env: Env; _version: string } {
  const filtered = query.states.length ? items.filter((item) => query.states.includes(String(item.state))) : items;
  const sorted = [...filtered].sort((a, b) => {
    const [x, y] = [sortKey(a, query.orderBy), sortKey(b, query.orderBy)];
    const cmp = x < y ? -1 : x > y ? 1 : 0;
    return query.order === 'asc' ? cmp : -cmp;
  });
  return {
    data: sorted.slice(query.offset, query.offset + query.limit),
    count: filtered.length,
    _type: type,
    _env: env,
    _version: API_VERSION,
  };
}

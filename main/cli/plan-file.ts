import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import { StorePlan } from '../../preload/contract/sign-de/store-plan';
import { describeControlCharacter, findControlCharacter } from '../../preload/contract/core/control-characters';
import { UsageError } from './exit-codes';

export type Environment = StorePlan['environment'];

/** Far above any real plan (199 clients × thousands of stores); a bigger file is not a plan. */
const MAX_PLAN_BYTES = 10 * 1024 * 1024;
const MAX_ISSUES = 5;
const STORE_KEYS = new Set(Object.keys(StorePlan.shape));
const CSV_REQUIRED = ['store', 'client_serial'];
const CSV_OPTIONAL = ['tss_description', 'test_receipt', 'store_address', 'environment'];
const YES = /^(yes|ja|true|1)$/i;
const NO = /^(no|nein|false|0)$/i;

/** A plan file as the README shows it: JSON (.json) or CSV (.csv; other names by their first character). */
export async function loadPlanFile(path: string, environment: Environment): Promise<StorePlan[]> {
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    (error: NodeJS.ErrnoException) => {
      throw new UsageError(`--plan ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.code === 'EACCES' ? 'not allowed to read it' : `cannot read it (${error.code})`}`);
    },
  );
  if (size < 0) throw new UsageError(`--plan ${path}: not a file`);
  if (size > MAX_PLAN_BYTES) throw new UsageError(`--plan ${path}: ${size} bytes is too big for a plan file (at most ${MAX_PLAN_BYTES})`);
  const text = await readFile(path, 'utf8');
  return parsePlanText(text, basename(path), formatOf(path, text), environment);
}

export function formatOf(path: string, text: string): 'json' | 'csv' {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

/** Every refusal names the file and where in it: line and column, JSON path, or CSV line and column. */
export function parsePlanText(text: string, source: string, format: 'json' | 'csv', environment: Environment): StorePlan[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new UsageError(`${source}: the plan file is empty`);
  return format === 'json' ? parseJsonPlan(body, source, environment) : parseCsvPlan(body, source, environment);
}

// --- JSON: {...}, [{...}, ...] or {"stores": [...]} -------------------------------------------------

function parseJsonPlan(text: string, source: string, environment: Environment): StorePlan[] {
  const raw = rawControlCharacter(text);
  if (raw) throw new UsageError(`${source}: line ${raw.line}, column ${raw.column}: ${raw.what}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const where = lineAndColumn(text, jsonErrorOffset(text));
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/, '').replace(/, .*is not valid JSON$/, '');
    throw new UsageError(`${source}: line ${where.line}, column ${where.column}: not valid JSON: ${reason}`);
  }
  const { stores, prefix } = storesOf(json, source);
  if (stores.length === 0) throw new UsageError(`${source}: ${prefix || 'the plan'} lists no store`);
  return stores.map((store, index) => {
    const at = `${prefix}[${index}]`;
    const path = Array.isArray(json) || prefix ? at : '';
    if (typeof store !== 'object' || store === null || Array.isArray(store)) {
      throw new UsageError(`${source}: ${path || 'the plan'}: a store is an object like {"storeName": "…", "clients": [{"serialNumber": "…"}]}`);
    }
    const fields = store as Record<string, unknown>;
    const unknown = Object.keys(fields).filter((key) => !STORE_KEYS.has(key));
    if (unknown.length > 0) {
      throw new UsageError(`${source}: ${join(path, unknown[0]!)}: unknown field; a store has ${[...STORE_KEYS].join(', ')}`);
    }
    if (fields.environment !== undefined && fields.environment !== environment) {
      throw new UsageError(`${source}: ${join(path, 'environment')}: the plan says ${JSON.stringify(fields.environment)} but the command runs in ${environment}; leave environment out (the flags decide) or use the matching flags`);
    }
    return validated({ ...fields, environment }, (issuePath) => `${source}: ${join(path, jsonPath(issuePath)) || 'the plan'}`);
  });
}

function storesOf(json: unknown, source: string): { stores: unknown[]; prefix: string } {
  if (Array.isArray(json)) return { stores: json, prefix: '' };
  if (json && typeof json === 'object' && 'stores' in json) {
    const extra = Object.keys(json).filter((key) => key !== 'stores');
    if (extra.length > 0) throw new UsageError(`${source}: ${extra[0]}: unknown field beside "stores"`);
    const stores = (json as { stores: unknown }).stores;
    if (!Array.isArray(stores)) throw new UsageError(`${source}: stores: must be a list of stores ([...])`);
    return { stores, prefix: 'stores' };
  }
  if (json && typeof json === 'object') return { stores: [json], prefix: '' };
  throw new UsageError(`${source}: the plan must be a store {...}, a list [{...}] or {"stores": [...]}`);
}

// --- CSV: one row per client ---------------------------------------------------------------------------

interface CsvStore {
  line: number;
  fields: { storeName: string; storeAddress?: string; tssDescription?: string; testReceipt: boolean };
  clients: Array<{ serialNumber: string; line: number }>;
}

function parseCsvPlan(text: string, source: string, environment: Environment): StorePlan[] {
  const header = text.split(/\r?\n/, 1)[0]!;
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    rows = parseCsv(text, {
      delimiter,
      columns: (names: string[]) => checkColumns(names, source, delimiter),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const csvError = error as Error & { lines?: number };
    const reason = csvError.message.replace(/ on line \d+$/, '').replace(/^Invalid Record Length: /, 'wrong number of columns: ');
    throw new UsageError(`${source}: ${csvError.lines ? `line ${csvError.lines}: ` : ''}not valid CSV: ${reason}`);
  }
  const stores = new Map<string, CsvStore>();
  for (const { record, info } of rows) {
    const line = info.lines;
    for (const [column, value] of Object.entries(record)) {
      const found = findControlCharacter(value, { lineBreaks: column === 'store_address' });
      if (found) throw new UsageError(`${source}: line ${line}, column ${column}: ${describeControlCharacter(found)}`);
    }
    const name = record.store ?? '';
    if (!name) throw new UsageError(`${source}: line ${line}, column store: every row needs the store's name`);
    if (!record.client_serial) throw new UsageError(`${source}: line ${line}, column client_serial: every row needs a client serial number`);
    if (record.environment && record.environment.toLowerCase() !== environment) {
      throw new UsageError(`${source}: line ${line}, column environment: the plan says "${record.environment}" but the command runs in ${environment}; leave the column empty (the flags decide) or use the matching flags`);
    }
    const fields = {
      storeName: name,
      ...(record.store_address ? { storeAddress: record.store_address } : {}),
      ...(record.tss_description ? { tssDescription: record.tss_description } : {}),
      testReceipt: testReceiptOf(record.test_receipt ?? '', `${source}: line ${line}, column test_receipt`),
    };
    const store = stores.get(name);
    if (!store) {
      stores.set(name, { line, fields, clients: [{ serialNumber: record.client_serial, line }] });
      continue;
    }
    for (const key of ['storeAddress', 'tssDescription', 'testReceipt'] as const) {
      if (store.fields[key] !== fields[key]) {
        throw new UsageError(`${source}: line ${line}: store "${name}" has a different ${COLUMN_OF[key]} than on line ${store.line}; one store, one value`);
      }
    }
    store.clients.push({ serialNumber: record.client_serial, line });
  }
  if (stores.size === 0) throw new UsageError(`${source}: the plan has a header but no rows`);
  return [...stores.values()].map((store) =>
    validated({ ...store.fields, environment, clients: store.clients.map(({ serialNumber }) => ({ serialNumber })) }, (issuePath) => {
      const client = issuePath[0] === 'clients' && typeof issuePath[1] === 'number' ? store.clients[issuePath[1]] : undefined;
      const column = client ? 'client_serial' : (CSV_COLUMN_OF[String(issuePath[0])] ?? 'store');
      return `${source}: line ${client?.line ?? store.line}, column ${column}`;
    }),
  );
}

const COLUMN_OF = { storeAddress: 'store_address', tssDescription: 'tss_description', testReceipt: 'test_receipt' } as const;
const CSV_COLUMN_OF: Record<string, string> = { storeName: 'store', ...COLUMN_OF };

function checkColumns(names: string[], source: string, delimiter: string): string[] {
  const columns = names.map((name) => name.trim().toLowerCase());
  const known = [...CSV_REQUIRED, ...CSV_OPTIONAL];
  const unknown = columns.find((column) => !known.includes(column));
  if (unknown !== undefined) {
    const found = findControlCharacter(unknown);
    const what = found ? `a column name ${describeControlCharacter(found)}` : `unknown column "${unknown}"`;
    throw new UsageError(`${source}: line 1: ${what}; the columns are store, client_serial and, optionally, ${CSV_OPTIONAL.join(', ')} (separated by "${delimiter}")`);
  }
  const twice = columns.find((column, index) => columns.indexOf(column) !== index);
  if (twice) throw new UsageError(`${source}: line 1: the column ${twice} appears twice`);
  const missing = CSV_REQUIRED.filter((column) => !columns.includes(column));
  if (missing.length > 0) throw new UsageError(`${source}: line 1: the header needs the column${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}`);
  return columns;
}

function testReceiptOf(value: string, where: string): boolean {
  if (value === '' || YES.test(value)) return true;
  if (NO.test(value)) return false;
  throw new UsageError(`${where}: "${value}" is neither yes nor no`);
}

// --- shared ---------------------------------------------------------------------------------------------

/** The plan schema's verdict, each issue prefixed with where it is in the file. */
function validated(input: unknown, where: (path: ReadonlyArray<PropertyKey>) => string): StorePlan {
  const parsed = StorePlan.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new UsageError(describe(parsed.error, where));
}

function describe(error: z.ZodError, where: (path: ReadonlyArray<PropertyKey>) => string): string {
  const lines = error.issues.slice(0, MAX_ISSUES).map((issue) => `${where(issue.path)}: ${issue.message}`);
  const more = error.issues.length > MAX_ISSUES ? `\n(and ${error.issues.length - MAX_ISSUES} more)` : '';
  return lines.join('\n') + more;
}

/** `clients[2].serialNumber`, as a technician would find it in the file. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

function join(base: string, rest: string): string {
  if (!base) return rest;
  if (!rest) return base;
  return rest.startsWith('[') ? `${base}${rest}` : `${base}.${rest}`;
}

/**
 * Where JSON.parse gave up (its message does not always say): the shortest prefix that fails before its
 * own end. A prefix that is merely cut short fails at its end, so the search is monotonic.
 */
function jsonErrorOffset(text: string): number {
  const failsInside = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = (error as Error).message;
      if (message.startsWith('Unexpected end of JSON input')) return false;
      const at = /at position (\d+)/.exec(message);
      return !at || Number(at[1]) < length;
    }
  };
  let [low, high] = [1, text.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsInside(middle)) high = middle;
    else low = middle + 1;
  }
  return Math.max(0, low - 1);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** A raw control character outside JSON's own whitespace (tab, line breaks); escapes are judged per name. */
function rawControlCharacter(text: string): { line: number; column: number; what: string } | null {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code < 0x7f) || code > 0x9f) continue;
    const found = findControlCharacter(text[index]!)!;
    return { ...lineAndColumn(text, index), what: `the file contains ${found.description} (${found.codePoint}); a plan is plain text` };
  }
  return null;
}

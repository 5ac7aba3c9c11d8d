import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ClientPlan, StorePlan } from '../../preload/contract/sign-de/store-plan';
import { Establishment, StoreMasterData, Taxpayer } from '../../preload/contract/sign-de/master-data';
import { findControlCharacter } from '../../preload/contract/core/control-characters';
import { UsageError } from './exit-codes';
import { parseCsvPlan } from './plan-csv';
import { jsonPath, validated, valueAt } from './plan-issues';

export { jsonPath } from './plan-issues';

export type Environment = StorePlan['environment'];

/** Far above any real plan (199 clients × thousands of stores); a bigger file is not a plan. */
const MAX_PLAN_BYTES = 10 * 1024 * 1024;
const STORE_KEYS = new Set(Object.keys(StorePlan.shape));
/** The objects inside a store whose keys are checked, so a misspelt field is named rather than dropped. */
const NESTED_KEYS: Array<[path: ReadonlyArray<PropertyKey>, keys: string[]]> = [
  [['masterData'], Object.keys(StoreMasterData.shape)],
  [['masterData', 'taxpayer'], Object.keys(Taxpayer.shape)],
  [['masterData', 'establishment'], Object.keys(Establishment.shape)],
];
const CLIENT_KEYS = Object.keys(ClientPlan.shape);

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
  const text = decodePlanBytes(await readFile(path));
  return parsePlanText(text, basename(path), formatOf(path, text), environment);
}

/** A plan piped in (`--plan -`): JSON or CSV by its first character, read to its end. */
export async function loadPlanStream(input: AsyncIterable<Uint8Array | string>, environment: Environment): Promise<StorePlan[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += bytes.length;
    if (size > MAX_PLAN_BYTES) throw new UsageError(`--plan -: more than ${MAX_PLAN_BYTES} bytes on stdin is too big for a plan`);
    chunks.push(bytes);
  }
  const text = decodePlanBytes(Buffer.concat(chunks));
  return parsePlanText(text, 'stdin', formatOf('', text), environment);
}

/**
 * The file's text: UTF-8 (with or without a BOM), else Windows-1252, as German Excel saves "CSV (Trennzeichen-
 * getrennt)". A file that is not valid UTF-8 is taken for Windows-1252, where every byte is a character.
 */
export function decodePlanBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
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
    refuseUnknownNested(fields, source, path);
    const input = { ...fields, environment };
    return validated(input, (issuePath) => ({ where: `${source}: ${join(path, jsonPath(issuePath)) || 'the plan'}`, value: valueAt(input, issuePath) }));
  });
}

/** A misspelt field inside the master data or a client would otherwise be dropped without a word. */
function refuseUnknownNested(store: Record<string, unknown>, source: string, at: string): void {
  const objects: Array<[ReadonlyArray<PropertyKey>, string[]]> = [...NESTED_KEYS];
  if (Array.isArray(store.clients)) store.clients.forEach((_, index) => objects.push([['clients', index], CLIENT_KEYS]));
  for (const [path, keys] of objects) {
    const value = valueAt(store, path);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const unknown = Object.keys(value).find((key) => !keys.includes(key));
    if (unknown !== undefined) throw new UsageError(`${source}: ${join(at, jsonPath([...path, unknown]))}: unknown field; there ${keys.length === 1 ? 'is' : 'are'} ${keys.join(', ')}`);
  }
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

function join(base: string, rest: string): string {
  if (!base) return rest;
  if (!rest) return base;
  return rest.startsWith('[') ? `${base}${rest}` : `${base}.${rest}`;
}

import { parse as parseCsv } from 'csv-parse/sync';
import type { StorePlan } from '../../preload/contract/sign-de/store-plan';
import { BUNDESLAENDER, bundeslandCodes } from '../../preload/contract/sign-de/tax-number';
import { describeControlCharacter, findControlCharacter } from '../../preload/contract/core/control-characters';
import { UsageError } from './exit-codes';
import { validated } from './plan-issues';
import { isIsoDate } from '../../preload/contract/sign-de/master-data-rules';

/**
 * A CSV plan: one row per till. The store's columns (its name on every row; address, master data, TSS
 * description, test receipt) may be repeated on each of its rows or given once and left empty below; a
 * store with two different values is refused. Excel's ways are read: ";" or "," and dates as TT.MM.JJJJ.
 */

type Environment = StorePlan['environment'];

const REQUIRED = ['store', 'client_serial'];
/** Store columns and where they go in the plan. */
const STORE_COLUMNS = {
  store_address: ['storeAddress'],
  tss_description: ['tssDescription'],
  test_receipt: ['testReceipt'],
  legal_name: ['masterData', 'taxpayer', 'legalName'],
  tax_number: ['masterData', 'taxpayer', 'taxNumber'],
  bundesland: ['masterData', 'taxpayer', 'bundesland'],
  vat_id: ['masterData', 'taxpayer', 'vatId'],
  designation: ['masterData', 'establishment', 'designation'],
  street: ['masterData', 'establishment', 'street'],
  house_number: ['masterData', 'establishment', 'houseNumber'],
  house_number_suffix: ['masterData', 'establishment', 'houseNumberSuffix'],
  postcode: ['masterData', 'establishment', 'postcode'],
  town: ['masterData', 'establishment', 'town'],
} as const;
/** Till columns and their ClientPlan field. */
const TILL_COLUMNS = {
  client_serial: 'serialNumber',
  kind: 'kind',
  software: 'software',
  software_version: 'softwareVersion',
  manufacturer: 'manufacturer',
  model: 'model',
  acquisition_date: 'acquisitionDate',
  commissioning_date: 'commissioningDate',
} as const;
type StoreColumn = keyof typeof STORE_COLUMNS;
type TillColumn = keyof typeof TILL_COLUMNS;
const OPTIONAL = ['environment', ...Object.keys(STORE_COLUMNS), ...Object.keys(TILL_COLUMNS).filter((c) => c !== 'client_serial')];
const DATE_COLUMNS = new Set<string>(['acquisition_date', 'commissioning_date']);
/** What a TEST or LIVE store must give (vat_id, designation and the suffix are optional). */
const MASTER_DATA_REQUIRED = ['legal_name', 'tax_number', 'bundesland', 'street', 'house_number', 'postcode', 'town'];
const YES = /^(yes|ja|true|1)$/i;
const NO = /^(no|nein|false|0)$/i;

interface Cell {
  value: string;
  line: number;
}

interface CsvStore {
  name: string;
  line: number;
  columns: Map<StoreColumn, Cell>;
  tills: Array<{ line: number; cells: Map<TillColumn, string> }>;
}

export function parseCsvPlan(text: string, source: string, environment: Environment): StorePlan[] {
  const header = text.split(/\r?\n/, 1)[0]!;
  const delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
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
    const at = (column: string) => `${source}: line ${line}, column ${column}`;
    for (const [column, value] of Object.entries(record)) {
      const found = findControlCharacter(value, { lineBreaks: column === 'store_address' });
      if (found) throw new UsageError(`${at(column)}: ${describeControlCharacter(found)}`);
    }
    const name = record.store ?? '';
    if (!name) throw new UsageError(`${at('store')}: every row needs the store's name`);
    if (!record.client_serial) throw new UsageError(`${at('client_serial')}: every row needs a client serial number`);
    if (record.environment && record.environment.toLowerCase() !== environment) {
      throw new UsageError(`${at('environment')}: the plan says "${record.environment}" but the command runs in ${environment}; leave the column empty (the flags decide) or use the matching flags`);
    }
    const store: CsvStore = stores.get(name) ?? { name, line, columns: new Map(), tills: [] };
    stores.set(name, store);
    for (const column of Object.keys(STORE_COLUMNS) as StoreColumn[]) {
      const value = record[column];
      if (!value) continue;
      const earlier = store.columns.get(column);
      if (earlier && earlier.value !== value) {
        throw new UsageError(`${source}: line ${line}: store "${name}" has a different ${column} than on line ${earlier.line}; one store, one value (or leave it empty below its first row)`);
      }
      if (!earlier) store.columns.set(column, { value, line });
    }
    const cells = new Map<TillColumn, string>();
    for (const column of Object.keys(TILL_COLUMNS) as TillColumn[]) {
      const value = record[column];
      if (value) cells.set(column, DATE_COLUMNS.has(column) ? isoDate(value, at(column)) : value);
    }
    store.tills.push({ line, cells });
  }
  if (stores.size === 0) throw new UsageError(`${source}: the plan has a header but no rows`);
  return [...stores.values()].map((store) => storePlan(store, source, environment));
}

function storePlan(store: CsvStore, source: string, environment: Environment): StorePlan {
  const plan: Record<string, unknown> = { storeName: store.name, environment, testReceipt: true };
  const masterDataGiven = [...store.columns.keys()].some((column) => STORE_COLUMNS[column][0] === 'masterData');
  if (masterDataGiven) plan.masterData = { taxpayer: {}, establishment: {} };
  for (const [column, cell] of store.columns) {
    const where = `${source}: line ${cell.line}, column ${column}`;
    setAt(plan, STORE_COLUMNS[column], storeValue(column, cell.value, where));
  }
  plan.clients = store.tills.map(({ cells }) => Object.fromEntries([...cells].map(([column, value]) => [TILL_COLUMNS[column], value])));
  return validated(plan, (path) => {
    if (path[0] === 'clients' && typeof path[1] === 'number') {
      const till = store.tills[path[1]]!;
      const column = (Object.keys(TILL_COLUMNS) as TillColumn[]).find((c) => TILL_COLUMNS[c] === path[2]) ?? 'client_serial';
      return { where: `${source}: line ${till.line}, column ${column}`, value: till.cells.get(column) };
    }
    if (path.length === 1 && path[0] === 'masterData') {
      return { where: `${source}: line ${store.line}, columns ${MASTER_DATA_REQUIRED.join(', ')} (store "${store.name}")` };
    }
    const column = (Object.keys(STORE_COLUMNS) as StoreColumn[]).find((c) => STORE_COLUMNS[c].join('.') === path.join('.'));
    if (!column) return { where: `${source}: line ${store.line}, column store` };
    const cell = store.columns.get(column);
    return { where: `${source}: line ${cell?.line ?? store.line}, column ${column}`, value: cell?.value };
  });
}

/** A store column's cell as the plan has it: yes/no, a Land by code or name, a postcode Excel took the 0 off. */
function storeValue(column: StoreColumn, value: string, where: string): unknown {
  if (column === 'test_receipt') {
    if (YES.test(value)) return true;
    if (NO.test(value)) return false;
    throw new UsageError(`${where}: "${value}" is neither yes nor no`);
  }
  if (column === 'bundesland') {
    const code = bundeslandCodes.find((land) => land === value.toUpperCase() || BUNDESLAENDER[land].name.toLowerCase() === value.toLowerCase());
    return code ?? value;
  }
  // Excel reads 01067 as a number and writes 1067; every German postcode has five digits.
  if (column === 'postcode' && /^[0-9]{4}$/.test(value)) return `0${value}`;
  return value;
}

/** TT.MM.JJJJ (as German Excel writes dates) or YYYY-MM-DD, to YYYY-MM-DD; a day that does not exist is refused. */
export function isoDate(value: string, where: string): string {
  const german = /^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})$/.exec(value);
  const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : value;
  if (!isIsoDate(iso)) throw new UsageError(`${where}: "${value}" is not a date (TT.MM.JJJJ or YYYY-MM-DD)`);
  return iso;
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function checkColumns(names: string[], source: string, delimiter: string): string[] {
  const columns = names.map((name) => name.trim().toLowerCase());
  const known = [...REQUIRED, ...OPTIONAL];
  const unknown = columns.find((column) => !known.includes(column));
  if (unknown !== undefined) {
    const found = findControlCharacter(unknown);
    const what = found ? `a column name ${describeControlCharacter(found)}` : `unknown column "${unknown}"`;
    throw new UsageError(`${source}: line 1: ${what}; the columns are store, client_serial and, optionally, ${OPTIONAL.join(', ')} (separated by "${delimiter}")`);
  }
  const twice = columns.find((column, index) => columns.indexOf(column) !== index);
  if (twice) throw new UsageError(`${source}: line 1: the column ${twice} appears twice`);
  const missing = REQUIRED.filter((column) => !columns.includes(column));
  if (missing.length > 0) throw new UsageError(`${source}: line 1: the header needs the column${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}`);
  return columns;
}

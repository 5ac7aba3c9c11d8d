import type { StorePlan } from '../../preload/contract/sign-de/store-plan';
import { MAX_CLIENTS } from '../../preload/contract/sign-de/store-rules';
import { sandboxSerials } from '../products/sign-de/provisioning/serials';
import { UsageError } from './exit-codes';
import { isoDate } from './plan-csv';
import { validated } from './plan-issues';
import { MASTER_DATA_FLAGS, type MasterDataFlag, TILL_FLAGS, type TillFlag } from './store-flag-names';

/**
 * One store given on the command line: `--store NAME`, its tills as `--client SERIAL …` (or, in the sandbox
 * only, `--clients N`), its master data and the tills' details (the same for every till) as flags.
 */

const REQUIRED_MASTER_DATA: MasterDataFlag[] = ['legal-name', 'tax-number', 'bundesland', 'street', 'house-number', 'postcode', 'town'];

export type StoreFlags = { store?: string; client?: string[]; clients?: string; 'no-receipt'?: boolean } & Partial<Record<MasterDataFlag | TillFlag, string>>;

/** The flags of this module that were given, e.g. to refuse them beside a plan file. */
export function storeDetailFlagsGiven(values: StoreFlags): string[] {
  return ([...Object.keys(MASTER_DATA_FLAGS), ...Object.keys(TILL_FLAGS)] as Array<MasterDataFlag | TillFlag>).filter((flag) => values[flag] !== undefined).map((flag) => `--${flag}`);
}

export function storePlanFromFlags(values: StoreFlags, environment: StorePlan['environment']): StorePlan {
  const storeName = values.store ?? 'Store';
  const serials = values.client ?? sandboxSerials(storeName.trim() || 'Store', clientCount(values.clients!));
  const details = Object.fromEntries(
    (Object.keys(TILL_FLAGS) as TillFlag[])
      .filter((flag) => values[flag] !== undefined)
      .map((flag) => [TILL_FLAGS[flag], flag.endsWith('-date') ? isoDate(values[flag]!, `--${flag}`) : values[flag]]),
  );
  const plan: Record<string, unknown> = {
    storeName,
    environment,
    testReceipt: !values['no-receipt'],
    clients: serials.map((serialNumber) => ({ ...details, serialNumber })),
  };
  const masterFlags = (Object.keys(MASTER_DATA_FLAGS) as MasterDataFlag[]).filter((flag) => values[flag] !== undefined);
  if (masterFlags.length > 0 || environment !== 'sandbox') {
    const missing = REQUIRED_MASTER_DATA.filter((flag) => values[flag] === undefined);
    if (missing.length > 0) {
      const why = environment === 'sandbox' ? 'master data given in part' : `a ${environment.toUpperCase()} store needs its taxpayer and Betriebsstätte`;
      throw new UsageError(`${why}: add ${missing.map((flag) => `--${flag}`).join(' ')} (or give the store in a plan file: --plan FILE)`);
    }
    const masterData: Record<string, Record<string, string>> = { taxpayer: {}, establishment: {} };
    for (const flag of masterFlags) {
      const [part, key] = MASTER_DATA_FLAGS[flag];
      masterData[part]![key] = values[flag]!;
    }
    plan.masterData = masterData;
  }
  return validated(plan, (path) => ({ where: flagOf(path, values.client !== undefined), value: valueAtFlag(path, values) }));
}

function clientCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || count > MAX_CLIENTS) throw new UsageError(`--clients takes a whole number from 1 to ${MAX_CLIENTS}, not "${value}"`);
  return count;
}

/** The flag an issue of the plan schema is about. */
function flagOf(path: ReadonlyArray<PropertyKey>, serialsGiven: boolean): string {
  if (path[0] === 'storeName') return '--store';
  if (path[0] === 'masterData') {
    const flag = (Object.keys(MASTER_DATA_FLAGS) as MasterDataFlag[]).find((f) => MASTER_DATA_FLAGS[f].join('.') === path.slice(1).join('.'));
    return flag ? `--${flag}` : 'the master data';
  }
  if (path[0] === 'clients' && typeof path[1] === 'number') {
    const flag = (Object.keys(TILL_FLAGS) as TillFlag[]).find((f) => TILL_FLAGS[f] === path[2]);
    if (flag) return `--${flag}`;
    return serialsGiven ? `--client (the ${ordinal(path[1] + 1)})` : '--clients';
  }
  return String(path[0] ?? 'the store');
}

function valueAtFlag(path: ReadonlyArray<PropertyKey>, values: StoreFlags): string | undefined {
  if (path[0] === 'storeName') return values.store;
  if (path[0] === 'clients' && typeof path[1] === 'number' && path[2] === 'serialNumber') return values.client?.[path[1]];
  const flag = flagOf(path, true).slice(2) as MasterDataFlag | TillFlag;
  return values[flag];
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

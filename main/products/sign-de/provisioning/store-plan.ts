import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { StorePlan } from '../../../../preload/contract/sign-de/store-plan';

export { CLIENT_SERIAL_PATTERN, MAX_CLIENTS, MIN_PIN_LENGTH, TSS_DESCRIPTION_PATTERN } from '../../../../preload/contract/sign-de/store-rules';
export { StorePlan, type StorePlanInput } from '../../../../preload/contract/sign-de/store-plan';

/** A plan file holds one store or many: `{...}`, `[{...}, ...]` or `{ "stores": [...] }`. */
const PlanFileJson = z.union([z.array(StorePlan), z.object({ stores: z.array(StorePlan).min(1) }).transform((f) => f.stores), StorePlan.transform((s) => [s])]);

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'plan'}: ${issue.message}`)
    .join('; ');

export function parseStorePlan(input: unknown): StorePlan {
  const parsed = StorePlan.safeParse(input);
  if (!parsed.success) throw new PlanError(`The store plan is not valid: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * Reads a plan file. CSV has one row per client with the columns store, environment, client_serial and,
 * optionally, tss_description and test_receipt (yes/no); rows of the same store make one plan.
 */
export function parsePlanFile(text: string, format: 'json' | 'csv'): StorePlan[] {
  if (format === 'json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new PlanError(`The plan file is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = PlanFileJson.safeParse(json);
    if (!parsed.success) throw new PlanError(`The plan file is not valid: ${describeIssues(parsed.error)}`);
    return parsed.data;
  }
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new PlanError(`The plan file is not valid CSV: ${(error as Error).message}`);
  }
  const stores = new Map<string, { storeName: string; environment: string; tssDescription?: string; testReceipt: boolean; clients: { serialNumber: string }[] }>();
  rows.forEach((row, index) => {
    const name = row.store ?? '';
    if (!name || !row.client_serial) throw new PlanError(`CSV line ${index + 2}: every row needs store and client_serial`);
    const store = stores.get(name) ?? {
      storeName: name,
      environment: (row.environment || 'sandbox').toLowerCase(),
      tssDescription: row.tss_description || undefined,
      testReceipt: !/^(no|false|0|nein)$/i.test(row.test_receipt ?? ''),
      clients: [],
    };
    store.clients.push({ serialNumber: row.client_serial });
    stores.set(name, store);
  });
  if (stores.size === 0) throw new PlanError('The CSV plan file has no stores');
  return [...stores.values()].map(parseStorePlan);
}

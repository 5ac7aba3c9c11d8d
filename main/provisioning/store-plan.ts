import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';

/** DSFinV-K forbids `/` and `_` in a client serial; fiskaly's own pattern allows printable ASCII up to 70. */
export const CLIENT_SERIAL_PATTERN = /^(?!\s)[A-Za-z0-9 '()+,\-.:=?]{1,70}(?<!\s)$/;
export const TSS_DESCRIPTION_PATTERN = /^[A-Za-z0-9 '()+,\-./:=?]{0,100}$/;
export const MAX_CLIENTS = 199;
export const MIN_PIN_LENGTH = 6;

export const ClientPlan = z.object({
  serialNumber: z
    .string()
    .regex(CLIENT_SERIAL_PATTERN, 'a client serial number is 1–70 letters, digits, spaces or \' ( ) + , - . : = ?, with no / or _ and no space at either end'),
});

export const StorePlan = z
  .object({
    /** A name the technician recognizes: it labels the vault entries and the reports. */
    storeName: z.string().trim().min(1, 'every store needs a name').max(100),
    environment: z.enum(['sandbox', 'test', 'live']),
    tssDescription: z.string().regex(TSS_DESCRIPTION_PATTERN, 'a TSS description is up to 100 letters, digits, spaces or \' ( ) + , - . / : = ?').optional(),
    clients: z.array(ClientPlan).min(1, 'a store needs at least one client').max(MAX_CLIENTS, `a TSS takes at most ${MAX_CLIENTS} clients`),
    testReceipt: z.boolean().default(true),
    /** The technician's own admin PIN; otherwise one is generated. Never written to the journal. */
    adminPin: z.string().min(MIN_PIN_LENGTH, `the admin PIN needs at least ${MIN_PIN_LENGTH} characters`).max(64).optional(),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.clients.forEach((client, index) => {
      if (seen.has(client.serialNumber)) {
        ctx.addIssue({ code: 'custom', path: ['clients', index, 'serialNumber'], message: `the serial number ${client.serialNumber} appears twice` });
      }
      seen.add(client.serialNumber);
    });
  });
export type StorePlan = z.output<typeof StorePlan>;
export type StorePlanInput = z.input<typeof StorePlan>;

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

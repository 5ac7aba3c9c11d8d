import type { z } from 'zod';
import { StorePlan } from '../../preload/contract/sign-de/store-plan';
import { printable } from './arguments';
import { UsageError } from './exit-codes';

const MAX_ISSUES = 5;

/** Where an issue of the plan schema is in the file ("stores.csv: line 3, column postcode") and the value there. */
export type IssueLocator = (path: ReadonlyArray<PropertyKey>) => { where: string; value?: unknown };

/** The plan schema's verdict, each issue prefixed with where it is in the file and naming the refused value. */
export function validated(input: unknown, locate: IssueLocator): StorePlan {
  const parsed = StorePlan.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new UsageError(describe(parsed.error, locate));
}

function describe(error: z.ZodError, locate: IssueLocator): string {
  const lines = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const { where, value } = locate(issue.path);
    // zod says "expected string, received undefined" for a field that is not there.
    const message = /received undefined$/.test(issue.message) ? 'missing' : issue.message;
    // Never the admin PIN; a value the message already shows is not repeated.
    const shown = issue.path.includes('adminPin') || (typeof value !== 'string' && typeof value !== 'number') || value === '' || message.includes(String(value));
    return `${where}: ${message}${shown ? '' : `, not ${printable(JSON.stringify(value))}`}`;
  });
  const more = error.issues.length > MAX_ISSUES ? `\n(and ${error.issues.length - MAX_ISSUES} more)` : '';
  return lines.join('\n') + more;
}

/** `clients[2].serialNumber`, as a technician would find it in the file. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** The value at a schema path of the input, if there is one. */
export function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

import { CLIENT_SERIAL_PATTERN, MAX_CLIENTS, serialKey } from '../../../../../preload/contract/sign-de/store-rules';

/** What can be wrong with one client (POS) serial number; each has a plain-language text in i18n. */
export type SerialProblem = 'empty' | 'slash' | 'underscore' | 'tooLong' | 'characters' | 'duplicate' | 'duplicateCase' | 'tooMany';

/** The longest serial number CLIENT_SERIAL_PATTERN allows. */
export const SERIAL_MAX_LENGTH = 70;

/**
 * Checks one serial number (already trimmed) against the contract's rule and the list it would join.
 * The specific problems come first, so the technician reads "no /" rather than "invalid character".
 */
export function serialProblem(serial: string, existing: readonly string[]): SerialProblem | null {
  if (serial.trim() === '') return 'empty';
  if (serial.includes('/')) return 'slash';
  if (serial.includes('_')) return 'underscore';
  if (serial.length > SERIAL_MAX_LENGTH) return 'tooLong';
  if (!CLIENT_SERIAL_PATTERN.test(serial)) return 'characters';
  if (existing.includes(serial)) return 'duplicate';
  // The contract's plan refuses these as twins: a technician reading a label does not tell KASSE-1 from kasse-1.
  if (caseTwin(serial, existing) !== undefined) return 'duplicateCase';
  if (existing.length >= MAX_CLIENTS) return 'tooMany';
  return null;
}

/**
 * A pasted list: one serial per line, also separated by commas, semicolons or tabs (a spreadsheet row).
 * Entries are trimmed and empty ones dropped. A serial that itself contains a comma is added one by one.
 */
export function splitClientList(text: string): string[] {
  return text
    .split(/[\r\n,;\t]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** The entry of `existing` that the contract's plan counts as the same serial (serialKey), though spelt differently. */
export function caseTwin(serial: string, existing: readonly string[]): string | undefined {
  const key = serialKey(serial);
  return existing.find((other) => other !== serial && serialKey(other) === key);
}

export interface RejectedSerial {
  serial: string;
  problem: SerialProblem;
  /** For 'duplicateCase': the serial already in the list. */
  twin?: string;
}

export interface ClientListChange {
  /** The whole list after the change. */
  clients: string[];
  /** What was added, in order. */
  added: string[];
  /** What was not added and why; the list itself stays valid. */
  rejected: RejectedSerial[];
}

/** Adds every valid serial from `text` to `existing`; duplicates and invalid ones are reported, not added. */
export function addClients(existing: readonly string[], text: string): ClientListChange {
  const clients = [...existing];
  const added: string[] = [];
  const rejected: RejectedSerial[] = [];
  for (const serial of splitClientList(text)) {
    const problem = serialProblem(serial, clients);
    if (problem) {
      rejected.push(rejection(serial, problem, clients));
      continue;
    }
    clients.push(serial);
    added.push(serial);
  }
  return { clients, added, rejected };
}

/** Problems in a whole list (a plan's clients): every entry checked against the ones before it. */
export function clientListProblems(clients: readonly string[]): RejectedSerial[] {
  const problems: RejectedSerial[] = [];
  clients.forEach((serial, index) => {
    const before = clients.slice(0, index);
    const problem = serialProblem(serial, before);
    if (problem) problems.push(rejection(serial, problem, before));
  });
  return problems;
}


function rejection(serial: string, problem: SerialProblem, existing: readonly string[]): RejectedSerial {
  const twin = problem === 'duplicateCase' ? caseTwin(serial, existing) : undefined;
  return twin === undefined ? { serial, problem } : { serial, problem, twin };
}

import { CLIENT_SERIAL_PATTERN, serialKey } from './store-rules';

/**
 * A V1 till serial moved to V2. V1's serial rules are unknown (VERIFY per store, reference §4.2); V2 takes
 * the rule of store-rules.ts. A till keeps its serial where V2 accepts it: a changed serial is a new EAS for
 * ELSTER, so a fix is only suggested, and the technician confirms it.
 */

export const MAX_SERIAL_LENGTH = 70;

/** Whether V2 (and DSFinV-K) accept this client serial as it is. */
export function isValidV2Serial(serial: string): boolean {
  return CLIENT_SERIAL_PATTERN.test(serial);
}

const GERMAN_LETTERS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
const FORBIDDEN = /[^A-Za-z0-9 '()+,\-.:=?]/gu;
/** What a serial becomes when nothing of it is left. */
const EMPTY_SERIAL = 'KASSE';

/**
 * The nearest serial V2 accepts: German letters spelled out (ä → ae), every other forbidden character
 * (`_`, `/`, line breaks, other letters) a `-`, no space at either end, at most 70 characters; and, where that
 * is a serial another till of the TSS already has (case ignored: serialKey), `-2`, `-3`, … on the end.
 */
export function suggestV2Serial(serial: string, takenSerials: Iterable<string>): string {
  const taken = new Set([...takenSerials].map(serialKey));
  const spelled = [...serial].map((char) => GERMAN_LETTERS[char] ?? char).join('');
  const base = fit(spelled.replace(FORBIDDEN, '-'), MAX_SERIAL_LENGTH) || EMPTY_SERIAL;
  if (!taken.has(serialKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${fit(base, MAX_SERIAL_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(serialKey(candidate))) return candidate;
  }
}

/** Cut to `max` characters, then no space at either end (V2 refuses both). */
function fit(text: string, max: number): string {
  return text.trim().slice(0, max).trim();
}

/** One till's serial as V2 will have it, and why it differs from V1's. */
export interface V2SerialSuggestion {
  v1ClientId: string;
  serialNumber: string;
  /** Absent where V2 takes the V1 serial as it is. */
  suggestedSerial?: string;
  reason?: 'invalid' | 'twin';
  /** For a twin: the serial of the till that keeps it. */
  twinOf?: string;
}

/**
 * The V2 serial of every till of one V1 TSS, in the inventory's order. Valid serials stay and are reserved
 * first; a later till whose serial differs from an earlier one's only in case (a twin: V2 and this app's plan
 * refuse it) and every invalid serial get a suggestion that collides with no other till's serial.
 */
export function suggestV2Serials(tills: ReadonlyArray<{ v1ClientId: string; serialNumber: string }>): V2SerialSuggestion[] {
  const keeper = new Map<string, string>();
  for (const till of tills) {
    if (isValidV2Serial(till.serialNumber) && !keeper.has(serialKey(till.serialNumber))) keeper.set(serialKey(till.serialNumber), till.v1ClientId);
  }
  const taken = new Set(keeper.keys());
  return tills.map((till) => {
    const valid = isValidV2Serial(till.serialNumber);
    const keeperId = keeper.get(serialKey(till.serialNumber));
    if (valid && keeperId === till.v1ClientId) return { v1ClientId: till.v1ClientId, serialNumber: till.serialNumber };
    const suggestedSerial = suggestV2Serial(till.serialNumber, taken);
    taken.add(serialKey(suggestedSerial));
    if (!valid) return { v1ClientId: till.v1ClientId, serialNumber: till.serialNumber, suggestedSerial, reason: 'invalid' };
    const twinOf = tills.find((other) => other.v1ClientId === keeperId)?.serialNumber ?? till.serialNumber;
    return { v1ClientId: till.v1ClientId, serialNumber: till.serialNumber, suggestedSerial, reason: 'twin', twinOf };
  });
}

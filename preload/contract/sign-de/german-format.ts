/**
 * How SIGN DE shows amounts and times to a German reader, the same on the printed receipt and in the
 * page: German amounts, and times in the store's local time, Europe/Berlin (the receipt says so); the
 * model keeps them as ISO 8601 UTC. Plain functions without zod, so the renderer imports them at run time.
 * A time that is not readable is shown as it came rather than failing the whole view.
 */

import { unixDateTimeIn } from '../core/date-time';

export const RECEIPT_TIME_ZONE = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: RECEIPT_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: RECEIPT_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const zoneFormat = new Intl.DateTimeFormat('de-DE', { timeZone: RECEIPT_TIME_ZONE, timeZoneName: 'short' });
const isoDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: RECEIPT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The ISO time as a Date, or null when it is not a time. */
function readable(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "1.00" → "1,00"; "-12.50" → "-12,50". */
export function germanAmount(amount: string): string {
  return amount.replace('.', ',');
}

/** "19" → "19 %", "10.7" → "10,7 %". */
export function germanPercent(percent: string): string {
  return `${percent.replace('.', ',')} %`;
}

/** An ISO time as the Berlin calendar date "18.08.2026". */
export function berlinDate(iso: string): string {
  const date = readable(iso);
  return date ? dateFormat.format(date) : iso;
}

/** An ISO time as the Berlin wall-clock time "20:38:19". */
export function berlinTime(iso: string): string {
  const date = readable(iso);
  return date ? timeFormat.format(date) : iso;
}

/** "18.08.2026 20:38:19" in Berlin time. */
export function berlinDateTime(iso: string): string {
  const date = readable(iso);
  return date ? `${dateFormat.format(date)} ${timeFormat.format(date)}` : iso;
}

/** "MEZ" or "MESZ", whichever Berlin had at that moment. */
export function berlinZoneName(iso: string): string {
  const date = readable(iso);
  const part = date && zoneFormat.formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part ? part.value : RECEIPT_TIME_ZONE;
}

/** The Berlin calendar date as "2026-08-18". */
export function berlinIsoDate(iso: string): string {
  const date = readable(iso);
  return date ? isoDateFormat.format(date) : iso;
}

/** A Unix time (seconds) as a Berlin date and time in the technician's language; null when there is none. */
export function unixDateTime(seconds: number | undefined, locale: string): string | null {
  return unixDateTimeIn(seconds, locale, RECEIPT_TIME_ZONE);
}

/**
 * How the receipt shows amounts and times to a German reader. Times are shown in the store's local time,
 * Europe/Berlin, and the receipt says so; the model keeps them as ISO 8601 UTC.
 */

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
  return dateFormat.format(new Date(iso));
}

/** An ISO time as the Berlin wall-clock time "20:38:19". */
export function berlinTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** "18.08.2026 20:38:19" in Berlin time. */
export function berlinDateTime(iso: string): string {
  return `${berlinDate(iso)} ${berlinTime(iso)}`;
}

/** "MEZ" or "MESZ", whichever Berlin had at that moment. */
export function berlinZoneName(iso: string): string {
  const part = zoneFormat.formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? RECEIPT_TIME_ZONE;
}

/** The Berlin calendar date as "2026-08-18". */
export function berlinIsoDate(iso: string): string {
  return isoDateFormat.format(new Date(iso));
}

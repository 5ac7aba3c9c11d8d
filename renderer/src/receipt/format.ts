/**
 * How the receipt preview shows amounts and times, the same way the printed receipt does: German
 * amounts, and times in Europe/Berlin (the model keeps ISO 8601 UTC).
 */
const TIME_ZONE = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const zoneFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, timeZoneName: 'short' });

/** "1.00" → "1,00". */
export const germanAmount = (amount: string): string => amount.replace('.', ',');

/** "10.7" → "10,7 %". */
export const germanPercent = (percent: string): string => `${percent.replace('.', ',')} %`;

export function berlinDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function berlinDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${dateFormat.format(date)} ${timeFormat.format(date)}`;
}

/** "MESZ" or "MEZ", whichever Berlin had then. */
export function berlinZone(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return TIME_ZONE;
  return zoneFormat.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? TIME_ZONE;
}

/** A Unix time (seconds) as a local date and time for the technician. */
export function unixDateTime(seconds: number | undefined, locale: string): string | null {
  if (seconds === undefined || !Number.isFinite(seconds)) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(seconds * 1000));
}

/** A Unix time (seconds) as a date and time in the technician's language (and a given zone); null when there is none. */
export function unixDateTimeIn(seconds: number | undefined, locale: string, timeZone?: string): string | null {
  if (seconds === undefined || !Number.isFinite(seconds)) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(seconds * 1000));
}

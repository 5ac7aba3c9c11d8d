/**
 * The zod-free part of the master data (master-data.ts): the ELSTER code list and the helpers the renderer
 * runs inline, so it checks and shows what the schemas enforce without bundling zod.
 */

/** Art des eAs, the ELSTER code list (§2.5): 1 PC, 2 tablet/app, 3 electronic register, 4 taxameter, 5 odometer. */
export const EAS_KINDS = ['1', '2', '3', '4', '5'] as const;

/** A real calendar date written YYYY-MM-DD (what the schemas' IsoDate takes). */
export function isIsoDate(value: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "Musterstraße 12a, 12345 Berlin": the address as one line, for receipts and lists. */
export function addressLine(establishment: { street: string; houseNumber: string; houseNumberSuffix?: string; postcode: string; town: string }): string {
  return `${establishment.street} ${establishment.houseNumber}${establishment.houseNumberSuffix ?? ''}, ${establishment.postcode} ${establishment.town}`;
}

/** A month after the date: when the notification is due (§ 146a(4) AO counts from acquisition). */
export function dueDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

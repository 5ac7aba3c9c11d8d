/**
 * The Steuernummer as printed on a tax assessment (local format) to the 13-digit ELSTER format, per
 * Bundesland (reference: elster-146a-notification.md §2.6, after python-stdnum's stdnum/de/stnr.py).
 * F = Finanzamt, B = Bezirk, U = Unterscheidungsnummer, P = Prüfziffer. The local format is ambiguous across
 * Länder, so the Land is asked for. The check digit differs per Land and is not checked here (ERiC does):
 * structure only. VERIFY: per-Land check digit algorithms.
 */
export const BUNDESLAENDER = {
  BW: { name: 'Baden-Württemberg', local: 'FFBBBUUUUP', elster: '28FF0BBBUUUUP' },
  BY: { name: 'Bayern', local: 'FFFBBBUUUUP', elster: '9FFF0BBBUUUUP' },
  BE: { name: 'Berlin', local: 'FFBBBUUUUP', elster: '11FF0BBBUUUUP' },
  BB: { name: 'Brandenburg', local: '0FFBBBUUUUP', elster: '30FF0BBBUUUUP' },
  HB: { name: 'Bremen', local: 'FFBBBUUUUP', elster: '24FF0BBBUUUUP' },
  HH: { name: 'Hamburg', local: 'FFBBBUUUUP', elster: '22FF0BBBUUUUP' },
  HE: { name: 'Hessen', local: '0FFBBBUUUUP', elster: '26FF0BBBUUUUP' },
  MV: { name: 'Mecklenburg-Vorpommern', local: '0FFBBBUUUUP', elster: '40FF0BBBUUUUP' },
  NI: { name: 'Niedersachsen', local: 'FFBBBUUUUP', elster: '23FF0BBBUUUUP' },
  NW: { name: 'Nordrhein-Westfalen', local: 'FFFBBBBUUUP', elster: '5FFF0BBBBUUUP' },
  RP: { name: 'Rheinland-Pfalz', local: 'FFBBBUUUUP', elster: '27FF0BBBUUUUP' },
  SL: { name: 'Saarland', local: '0FFBBBUUUUP', elster: '10FF0BBBUUUUP' },
  SN: { name: 'Sachsen', local: '2FFBBBUUUUP', elster: '32FF0BBBUUUUP' },
  ST: { name: 'Sachsen-Anhalt', local: '1FFBBBUUUUP', elster: '31FF0BBBUUUUP' },
  SH: { name: 'Schleswig-Holstein', local: 'FFBBBUUUUP', elster: '21FF0BBBUUUUP' },
  TH: { name: 'Thüringen', local: '1FFBBBUUUUP', elster: '41FF0BBBUUUUP' },
} as const;

export type Bundesland = keyof typeof BUNDESLAENDER;
export const bundeslandCodes = Object.keys(BUNDESLAENDER) as Bundesland[];

/** The ELSTER form: 13 digits with a 0 as the fifth. */
export const ELSTER_TAX_NUMBER_PATTERN = /^[0-9]{4}0[0-9]{8}$/;

export type TaxNumberResult = { ok: true; elster: string } | { ok: false; reason: 'empty' | 'characters' | 'length' | 'prefix' | 'elster-land' };

/**
 * "93815/08152" (printed, Baden-Württemberg) → "2893081508152". Spaces, slashes and dots as printed are
 * allowed; an already 13-digit ELSTER number is accepted when it belongs to the Land.
 */
export function toElsterTaxNumber(printed: string, land: Bundesland): TaxNumberResult {
  const trimmed = printed.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!/^[0-9 ./]+$/.test(trimmed)) return { ok: false, reason: 'characters' };
  const digits = trimmed.replace(/[ ./]/g, '');
  const scheme = BUNDESLAENDER[land];
  if (digits.length === 13) {
    if (!ELSTER_TAX_NUMBER_PATTERN.test(digits)) return { ok: false, reason: 'length' };
    const landPrefix = scheme.elster.replace(/[^0-9].*$/, '');
    return digits.startsWith(landPrefix) ? { ok: true, elster: digits } : { ok: false, reason: 'elster-land' };
  }
  if (digits.length !== scheme.local.length) return { ok: false, reason: 'length' };
  const parts: Record<string, string> = { F: '', B: '', U: '', P: '' };
  for (const [i, slot] of [...scheme.local].entries()) {
    const digit = digits.charAt(i);
    if (slot in parts) parts[slot] += digit;
    else if (slot !== digit) return { ok: false, reason: 'prefix' };
  }
  // Each slot's digits, in order, into the ELSTER pattern's slots of the same letter.
  const queues = Object.fromEntries(Object.entries(parts).map(([slot, value]) => [slot, [...value]]));
  const elster = [...scheme.elster].map((slot) => (slot in queues ? queues[slot]!.shift() : slot)).join('');
  return { ok: true, elster };
}

import type { InventoryProblem, InventoryTill, SerialFix, V1Tss } from './migration';
import { isValidV2Serial, suggestV2Serials } from './migration-serials';
import { MAX_CLIENTS, serialKey } from './store-rules';

/**
 * The problems of one V1 TSS the inventory shows before anything changes: the TSS already disabled, more
 * tills than a V2 TSS takes, and every serial V2 would refuse or count twice, each with a suggested fix.
 */
export function inventoryProblems(tss: V1Tss, tills: readonly InventoryTill[]): InventoryProblem[] {
  const problems: InventoryProblem[] = [];
  if (tss.state === 'DISABLED') problems.push({ code: 'tss-disabled', ...(tss.timeDisable === undefined ? {} : { timeDisable: tss.timeDisable }) });
  if (tills.length > MAX_CLIENTS) problems.push({ code: 'too-many-tills', count: tills.length, max: MAX_CLIENTS });
  for (const till of suggestV2Serials(tills)) {
    if (till.reason === 'invalid') problems.push({ code: 'serial-invalid', v1ClientId: till.v1ClientId, serialNumber: till.serialNumber, suggestedSerial: till.suggestedSerial! });
    if (till.reason === 'twin') {
      problems.push({ code: 'serial-twin', v1ClientId: till.v1ClientId, serialNumber: till.serialNumber, twinOf: till.twinOf!, suggestedSerial: till.suggestedSerial! });
    }
  }
  return problems;
}

/** A till's serial for V2: the V1 serial, or the confirmed fix. */
export interface ResolvedTill {
  v1ClientId: string;
  serialNumber: string;
  /** Present where a fix changed it. */
  v1SerialNumber?: string;
}

export type ResolvedTills = { ok: true; tills: ResolvedTill[] } | { ok: false; unresolved: Array<{ v1ClientId: string; serialNumber: string; why: 'invalid' | 'twin' | 'stale-fix' }> };

/**
 * Every till's V2 serial once the technician's confirmed fixes apply: refused while a till's serial is still
 * invalid or a twin, or a fix names a serial the till no longer has (the inventory changed since).
 */
export function resolveV2Serials(tills: readonly InventoryTill[], fixes: readonly SerialFix[]): ResolvedTills {
  const fixFor = new Map(fixes.map((fix) => [fix.v1ClientId, fix]));
  const unresolved: Extract<ResolvedTills, { ok: false }>['unresolved'] = [];
  const seen = new Set<string>();
  const resolved = tills.map((till): ResolvedTill => {
    const fix = fixFor.get(till.v1ClientId);
    if (fix && fix.from !== till.serialNumber) unresolved.push({ v1ClientId: till.v1ClientId, serialNumber: till.serialNumber, why: 'stale-fix' });
    const serialNumber = fix ? fix.to : till.serialNumber;
    if (!isValidV2Serial(serialNumber)) unresolved.push({ v1ClientId: till.v1ClientId, serialNumber, why: 'invalid' });
    else if (seen.has(serialKey(serialNumber))) unresolved.push({ v1ClientId: till.v1ClientId, serialNumber, why: 'twin' });
    seen.add(serialKey(serialNumber));
    return serialNumber === till.serialNumber ? { v1ClientId: till.v1ClientId, serialNumber } : { v1ClientId: till.v1ClientId, serialNumber, v1SerialNumber: till.serialNumber };
  });
  return unresolved.length > 0 ? { ok: false, unresolved } : { ok: true, tills: resolved };
}

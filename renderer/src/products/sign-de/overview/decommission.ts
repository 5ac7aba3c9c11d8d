import type { Decommissioning } from '../../../../../preload/contract/sign-de/master-data';
import { isIsoDate } from '../../../../../preload/contract/sign-de/master-data-rules';
import { findControlCharacter } from '../../../../../preload/contract/core/control-characters';

/** Today as YYYY-MM-DD on this laptop's calendar (the technician's day, not UTC's). */
export function todayIso(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

export interface DecommissionDraft {
  date: string;
  reason: string;
}

export type DecommissionProblems = Partial<Record<keyof DecommissionDraft, 'decommissionDateInvalid' | 'decommissionReasonMissing'>>;

/** What keeps a till's or the TSE's decommissioning from the contract's rule (a date, a reason). */
export function decommissionProblems(draft: DecommissionDraft): DecommissionProblems {
  const problems: DecommissionProblems = {};
  if (!isIsoDate(draft.date.trim())) problems.date = 'decommissionDateInvalid';
  const reason = draft.reason.trim();
  // As the contract's reason: 1–200 characters, none of them a control character.
  if (reason === '' || reason.length > 200 || findControlCharacter(draft.reason)) problems.reason = 'decommissionReasonMissing';
  return problems;
}

export function toDecommissioning(draft: DecommissionDraft): Decommissioning {
  return { date: draft.date.trim(), reason: draft.reason.trim() };
}

/** A calendar date as the technician reads it: 31.01.2027 in German, 2027-01-31 otherwise. */
export function shownDate(isoDate: string, language: string): string {
  if (!language.startsWith('de')) return isoDate;
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

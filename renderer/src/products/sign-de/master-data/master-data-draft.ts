import type { EnvironmentId } from '../../../../../preload/contract/core/settings';
import type { EasKind, StoreMasterData, TillDetails } from '../../../../../preload/contract/sign-de/master-data';
import { EAS_KINDS, isIsoDate } from '../../../../../preload/contract/sign-de/master-data-rules';
import { BUNDESLAENDER, type Bundesland, type TaxNumberResult, toElsterTaxNumber } from '../../../../../preload/contract/sign-de/tax-number';

/** Taxpayer and Betriebsstätte as typed: every field a string, '' when not given. */
export interface MasterDataDraft {
  legalName: string;
  taxNumber: string;
  bundesland: Bundesland | '';
  vatId: string;
  designation: string;
  street: string;
  houseNumber: string;
  houseNumberSuffix: string;
  postcode: string;
  town: string;
}

export const emptyMasterData: MasterDataDraft = {
  legalName: '',
  taxNumber: '',
  bundesland: '',
  vatId: '',
  designation: '',
  street: '',
  houseNumber: '',
  houseNumberSuffix: '',
  postcode: '',
  town: '',
};

export type MasterDataField = keyof MasterDataDraft;

/** What can be wrong with the master data; each has a plain-language text (wizard.problems.*). */
export type MasterDataProblem =
  | 'legalNameMissing'
  | 'legalNameTooLong'
  | 'taxNumberMissing'
  | 'taxNumberCharacters'
  | 'taxNumberLength'
  | 'taxNumberPrefix'
  | 'taxNumberOtherLand'
  | 'bundeslandMissing'
  | 'vatIdInvalid'
  | 'designationTooLong'
  | 'streetMissing'
  | 'streetTooLong'
  | 'houseNumberInvalid'
  | 'houseNumberSuffixInvalid'
  | 'postcodeInvalid'
  | 'townMissing'
  | 'townTooLong';

export type MasterDataProblems = Partial<Record<MasterDataField, MasterDataProblem>>;

const taxNumberProblem: Record<Exclude<TaxNumberResult, { ok: true }>['reason'], MasterDataProblem> = {
  empty: 'taxNumberMissing',
  characters: 'taxNumberCharacters',
  length: 'taxNumberLength',
  prefix: 'taxNumberPrefix',
  'elster-land': 'taxNumberOtherLand',
};

/** The master data is required in TEST and LIVE; in the sandbox only once something of it is typed. */
export function masterDataRequired(environment: EnvironmentId | null, draft: MasterDataDraft): boolean {
  if (environment !== 'sandbox') return true;
  return Object.values(draft).some((value) => value.trim() !== '');
}

/** The 13-digit ELSTER Steuernummer for what is typed, or null while it does not fit the Land. */
export function elsterTaxNumber(draft: Pick<MasterDataDraft, 'taxNumber' | 'bundesland'>): string | null {
  if (draft.bundesland === '') return null;
  const result = toElsterTaxNumber(draft.taxNumber, draft.bundesland);
  return result.ok ? result.elster : null;
}

/** The printed form a Land uses, e.g. "FFF/BBB/UUUUP" for Bayern (its digits, as the field hint shows it). */
export function localTaxNumberPattern(land: Bundesland): string {
  return BUNDESLAENDER[land].local;
}

/** Mirrors the contract's Taxpayer and Establishment rules, with a plain-language reason per field. */
export function masterDataProblems(draft: MasterDataDraft): MasterDataProblems {
  const problems: MasterDataProblems = {};
  const text = (field: MasterDataField, max: number, missing: MasterDataProblem | null, tooLong: MasterDataProblem) => {
    const value = draft[field].trim();
    if (value === '') {
      if (missing) problems[field] = missing;
    } else if (value.length > max) problems[field] = tooLong;
  };
  text('legalName', 200, 'legalNameMissing', 'legalNameTooLong');
  if (draft.bundesland === '') problems.bundesland = 'bundeslandMissing';
  if (draft.taxNumber.trim() === '') problems.taxNumber = 'taxNumberMissing';
  else if (draft.bundesland !== '') {
    const result = toElsterTaxNumber(draft.taxNumber, draft.bundesland);
    if (!result.ok) problems.taxNumber = taxNumberProblem[result.reason];
  }
  if (draft.vatId.trim() !== '' && !/^DE[0-9]{9}$/.test(compactVatId(draft.vatId))) problems.vatId = 'vatIdInvalid';
  text('designation', 100, null, 'designationTooLong');
  text('street', 100, 'streetMissing', 'streetTooLong');
  if (!/^[0-9]{1,4}$/.test(draft.houseNumber.trim())) problems.houseNumber = 'houseNumberInvalid';
  const suffix = draft.houseNumberSuffix.trim();
  if (suffix !== '' && !/^[A-Za-z0-9 -]{1,10}$/.test(suffix)) problems.houseNumberSuffix = 'houseNumberSuffixInvalid';
  if (!/^[0-9]{5}$/.test(draft.postcode.trim())) problems.postcode = 'postcodeInvalid';
  text('town', 100, 'townMissing', 'townTooLong');
  return problems;
}

/** "DE 123 456 789" as printed → "DE123456789". */
function compactVatId(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

const optional = (value: string) => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** The contract's master data from a draft without problems (the Steuernummer kept as printed). */
export function toStoreMasterData(draft: MasterDataDraft): StoreMasterData {
  const vatId = optional(draft.vatId);
  const designation = optional(draft.designation);
  const suffix = optional(draft.houseNumberSuffix);
  return {
    taxpayer: {
      legalName: draft.legalName.trim(),
      taxNumber: draft.taxNumber.trim(),
      bundesland: draft.bundesland as Bundesland,
      ...(vatId ? { vatId: compactVatId(vatId) } : {}),
    },
    establishment: {
      ...(designation ? { designation } : {}),
      street: draft.street.trim(),
      houseNumber: draft.houseNumber.trim(),
      ...(suffix ? { houseNumberSuffix: suffix } : {}),
      postcode: draft.postcode.trim(),
      town: draft.town.trim(),
    },
  };
}

export function fromStoreMasterData(masterData: StoreMasterData | null): MasterDataDraft {
  if (!masterData) return emptyMasterData;
  const { taxpayer, establishment } = masterData;
  return {
    legalName: taxpayer.legalName,
    taxNumber: taxpayer.taxNumber,
    bundesland: taxpayer.bundesland,
    vatId: taxpayer.vatId ?? '',
    designation: establishment.designation ?? '',
    street: establishment.street,
    houseNumber: establishment.houseNumber,
    houseNumberSuffix: establishment.houseNumberSuffix ?? '',
    postcode: establishment.postcode,
    town: establishment.town,
  };
}

/** One till's details as typed; '' means "not given" (or, for a till's own details, "as for all tills"). */
export interface TillDetailsDraft {
  kind: EasKind | '';
  software: string;
  softwareVersion: string;
  manufacturer: string;
  model: string;
  acquisitionDate: string;
  commissioningDate: string;
}

export const emptyTillDetails: TillDetailsDraft = {
  kind: '',
  software: '',
  softwareVersion: '',
  manufacturer: '',
  model: '',
  acquisitionDate: '',
  commissioningDate: '',
};

export const tillDetailFields = Object.keys(emptyTillDetails) as (keyof TillDetailsDraft)[];

export const easKinds = EAS_KINDS;

/** "Same as all tills": a till's own value where it has one, else the shared one. */
export function resolveTillDetails(shared: TillDetailsDraft, own: Partial<TillDetailsDraft> | undefined): TillDetailsDraft {
  const resolved = { ...shared };
  for (const field of tillDetailFields) {
    const value = own?.[field];
    if (value !== undefined && value.trim() !== '') (resolved as Record<string, string>)[field] = value;
  }
  return resolved;
}

/** The contract's TillDetails: only what was given, trimmed. */
export function toTillDetails(draft: TillDetailsDraft): TillDetails {
  const details: Record<string, string> = {};
  for (const field of tillDetailFields) {
    const value = optional(draft[field]);
    if (value !== undefined) details[field] = value;
  }
  return details as TillDetails;
}

export function fromTillDetails(details: TillDetails): TillDetailsDraft {
  const draft = { ...emptyTillDetails };
  for (const field of tillDetailFields) {
    const value = details[field];
    if (value !== undefined) (draft as Record<string, string>)[field] = value;
  }
  return draft;
}

export type TillDetailsProblem = 'tillTextTooLong' | 'tillDateInvalid' | 'tillDatesOrder';

/** The fields of one till's details that the contract would refuse, with the reason. */
export function tillDetailsProblems(draft: TillDetailsDraft): Partial<Record<keyof TillDetailsDraft, TillDetailsProblem>> {
  const problems: Partial<Record<keyof TillDetailsDraft, TillDetailsProblem>> = {};
  for (const field of ['software', 'softwareVersion', 'manufacturer', 'model'] as const) {
    if (draft[field].trim().length > 50) problems[field] = 'tillTextTooLong';
  }
  for (const field of ['acquisitionDate', 'commissioningDate'] as const) {
    const value = draft[field].trim();
    if (value !== '' && !isIsoDate(value)) problems[field] = 'tillDateInvalid';
  }
  const { acquisitionDate, commissioningDate } = draft;
  if (!problems.acquisitionDate && !problems.commissioningDate && acquisitionDate && commissioningDate && commissioningDate < acquisitionDate) {
    problems.commissioningDate = 'tillDatesOrder';
  }
  return problems;
}

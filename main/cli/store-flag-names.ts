/**
 * The flags of one store given on the command line and where each goes in its plan; light (no schema), so
 * the parser can declare them without loading the plan's rules.
 */

/** Master-data flags and where they go in the plan. */
export const MASTER_DATA_FLAGS = {
  'legal-name': ['taxpayer', 'legalName'],
  'tax-number': ['taxpayer', 'taxNumber'],
  bundesland: ['taxpayer', 'bundesland'],
  'vat-id': ['taxpayer', 'vatId'],
  designation: ['establishment', 'designation'],
  street: ['establishment', 'street'],
  'house-number': ['establishment', 'houseNumber'],
  'house-number-suffix': ['establishment', 'houseNumberSuffix'],
  postcode: ['establishment', 'postcode'],
  town: ['establishment', 'town'],
} as const;

/** Till-detail flags, given once for all the store's tills. */
export const TILL_FLAGS = {
  kind: 'kind',
  software: 'software',
  'software-version': 'softwareVersion',
  manufacturer: 'manufacturer',
  model: 'model',
  'acquisition-date': 'acquisitionDate',
  'commissioning-date': 'commissioningDate',
} as const;

export type MasterDataFlag = keyof typeof MASTER_DATA_FLAGS;
export type TillFlag = keyof typeof TILL_FLAGS;

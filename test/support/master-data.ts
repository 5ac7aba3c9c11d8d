import type { StoreMasterData } from '../../preload/contract/sign-de/master-data';

/** A TEST or LIVE store's taxpayer and Betriebsstätte, as plans in tests give them. */
export const MASTER_DATA: StoreMasterData = {
  taxpayer: { legalName: 'Beispiel Handels GmbH', taxNumber: '93815/08152', bundesland: 'BW' },
  establishment: { designation: 'Filiale Mitte', street: 'Königstraße', houseNumber: '7', postcode: '70173', town: 'Stuttgart' },
};

/** The same on the `provision` command line. */
export const MASTER_DATA_FLAGS = [
  '--legal-name',
  MASTER_DATA.taxpayer.legalName,
  '--tax-number',
  MASTER_DATA.taxpayer.taxNumber,
  '--bundesland',
  MASTER_DATA.taxpayer.bundesland,
  '--designation',
  MASTER_DATA.establishment.designation!,
  '--street',
  MASTER_DATA.establishment.street,
  '--house-number',
  MASTER_DATA.establishment.houseNumber,
  '--postcode',
  MASTER_DATA.establishment.postcode,
  '--town',
  MASTER_DATA.establishment.town,
];

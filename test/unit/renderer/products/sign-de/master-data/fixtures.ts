import type { MasterDataDraft } from '../../../../../../renderer/src/products/sign-de/master-data/master-data-draft';

/** A store's master data as the technician types it (Baden-Württemberg, printed Steuernummer, VAT ID with spaces). */
export const fullMasterData: MasterDataDraft = {
  legalName: 'Müller Backwaren GmbH',
  taxNumber: '93815/08152',
  bundesland: 'BW',
  vatId: 'DE 123 456 789',
  designation: 'Filiale Köln-Süd',
  street: 'Bonner Straße',
  houseNumber: '12',
  houseNumberSuffix: 'a',
  postcode: '50677',
  town: 'Köln',
};

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../main/cli/exit-codes';
import { storePlanFromFlags } from '../../../../main/cli/store-flags';
import { MASTER_DATA } from '../../../support/master-data';

const masterFlags = {
  'legal-name': MASTER_DATA.taxpayer.legalName,
  'tax-number': MASTER_DATA.taxpayer.taxNumber,
  bundesland: MASTER_DATA.taxpayer.bundesland,
  designation: MASTER_DATA.establishment.designation!,
  street: MASTER_DATA.establishment.street,
  'house-number': MASTER_DATA.establishment.houseNumber,
  postcode: MASTER_DATA.establishment.postcode,
  town: MASTER_DATA.establishment.town,
};

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('one store from the command line', () => {
  it('takes the technician’s serials, the master data, and the till details for every till', () => {
    const plan = storePlanFromFlags(
      { store: 'Filiale Mitte', client: ['KA-1', 'KA-2'], ...masterFlags, kind: '1', software: 'Kasse', 'acquisition-date': '01.03.2026', 'no-receipt': true },
      'live',
    );
    expect(plan).toEqual({
      storeName: 'Filiale Mitte',
      environment: 'live',
      testReceipt: false,
      masterData: MASTER_DATA,
      clients: [
        { serialNumber: 'KA-1', kind: '1', software: 'Kasse', acquisitionDate: '2026-03-01' },
        { serialNumber: 'KA-2', kind: '1', software: 'Kasse', acquisitionDate: '2026-03-01' },
      ],
    });
  });

  it('invents serials only from --clients N (the command allows it in the sandbox alone), unique to the store', () => {
    const plan = storePlanFromFlags({ store: 'Nord', clients: '2' }, 'sandbox');
    expect(plan.clients.map((c) => c.serialNumber)).toEqual([expect.stringMatching(/^NORD-[0-9A-F]{4}-01$/), expect.stringMatching(/^NORD-[0-9A-F]{4}-02$/)]);
    expect(plan.masterData).toBeUndefined();
  });

  it.each([
    [{ client: ['K-1'] }, 'test', /^a TEST store needs its taxpayer and Betriebsstätte: add --legal-name --tax-number --bundesland --street --house-number --postcode --town/],
    [{ client: ['K-1'], town: 'Kiel' }, 'sandbox', /^master data given in part: add --legal-name/],
    [{ client: ['K-1'], ...masterFlags, bundesland: 'XX' }, 'test', /^--bundesland: .*, not "XX"$/],
    [{ client: ['K-1'], ...masterFlags, 'vat-id': 'DE12' }, 'test', /^--vat-id: a German USt-IdNr is DE and 9 digits, not "DE12"$/],
    [{ client: ['K-1'], 'commissioning-date': '2026-13-01' }, 'sandbox', /^--commissioning-date: "2026-13-01" is not a date/],
    [{ clients: '0' }, 'sandbox', /^--clients takes a whole number from 1 to 199/],
  ])('refuses %j in %s, naming the flag', (flags, environment, message) => {
    expect(refusal(() => storePlanFromFlags(flags, environment as 'test'))).toMatch(message);
  });
});

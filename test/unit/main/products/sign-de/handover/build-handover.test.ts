import { describe, expect, it } from 'vitest';
import { buildHandover, berlinOffsetTime } from '../../../../../../main/products/sign-de/handover';
import { Elster146aHandoverSchema } from '../../../../../../preload/contract/sign-de/handover-schema';
import { bareStoreRecord, fullStoreRecord } from './store-record-fixture';

const NOW = new Date('2026-05-20T10:15:00Z');

describe('buildHandover', () => {
  it('maps the full store record to elster146a-handover/2, valid against the schema', () => {
    const handover = buildHandover(fullStoreRecord(), NOW);
    expect(Elster146aHandoverSchema.parse(handover)).toEqual(handover);
    expect(handover.schema).toBe('elster146a-handover/2');
    expect(handover.generated_at).toBe('2026-05-20T12:15:00+02:00');
    expect(handover.taxpayer).toEqual({ name: 'Müller & Söhne GmbH', tax_number_elster: '2893081508152', bundesland: 'BW', vat_id: 'DE123456789' });
    expect(handover.establishment).toEqual({
      designation: 'Filiale 3',
      street: 'Große Straße',
      house_number: '12',
      house_number_suffix: 'a',
      zip_code: '50667',
      town: 'Köln',
      eas_count: 2,
      decommissioning_date: null,
    });
    expect(handover.eas[0]).toEqual({
      art: '1',
      software: 'ExamplePOS',
      software_version: '4.2.0',
      serial_number: 'ERS 3f6c-01',
      manufacturer: 'Example GmbH',
      model: 'Terminal X',
      acquisition_date: '20.02.2026',
      commissioning_date: '02.03.2026',
      decommissioning_date: null,
      decommissioning_reason: null,
      tse: { serial_number: fullStoreRecord().tss.serialNumber, bsi_certification_id: 'BSI-K-TR-0717-2025', activation_date: '02.03.2026', art: '3' },
      fiskaly: { tss_id: '9a1f0c2e-4b3d-4e5f-8a7b-6c5d4e3f2a1b', client_id: '0b7c9f1e-6c1e-4a50-9a5e-2f7c1d3e4a5b', env: 'LIVE' },
    });
    expect(handover.test_postings).toEqual([{ transaction_number: 1, signature_counter: '7', client_serial_number: 'ERS 3f6c-01', time: '2026-03-02T09:15:00.000Z', env: 'LIVE' }]);
  });

  it('lists a decommissioned till with its date and reason but does not count it', () => {
    const handover = buildHandover(fullStoreRecord(), NOW);
    expect(handover.eas).toHaveLength(3);
    expect(handover.establishment.eas_count).toBe(2);
    expect(handover.eas[1]).toMatchObject({ serial_number: 'ERS 3f6c-02', decommissioning_date: '10.04.2026', decommissioning_reason: 'Defekt (Wasserschaden)' });
    // No commissioning date given: the commissioning run's date (Berlin).
    expect(handover.eas[1]?.commissioning_date).toBe('02.03.2026');
  });

  it('activates the TSE for a till added later on its registration day, and commissions it then', () => {
    const added = buildHandover(fullStoreRecord(), NOW).eas[2]!;
    expect(added.tse.activation_date).toBe('20.05.2026');
    expect(added.commissioning_date).toBe('20.05.2026');
  });

  it('is due a month after the latest acquisition (or a later decommissioning)', () => {
    expect(buildHandover(fullStoreRecord(), NOW).due_date).toBe('15.06.2026');
    const record = fullStoreRecord();
    record.tss.decommissioning = { date: '2026-07-31', reason: 'Filiale geschlossen' };
    expect(buildHandover(record, NOW).due_date).toBe('31.08.2026');
    const noAcquisition = fullStoreRecord();
    noAcquisition.tills = noAcquisition.tills.slice(0, 1).map(({ acquisitionDate: _a, ...till }) => till);
    expect(buildHandover(noAcquisition, NOW).due_date).toBe('02.04.2026');
  });

  it('keeps every key, null where nothing was given', () => {
    const handover = buildHandover(bareStoreRecord(), NOW);
    expect(Elster146aHandoverSchema.parse(handover)).toEqual(handover);
    expect(handover.taxpayer).toEqual({ name: null, tax_number_elster: null, bundesland: null, vat_id: null });
    expect(Object.values(handover.establishment)).toEqual([null, null, null, null, null, null, 1, null]);
    expect(handover.eas[0]).toEqual({
      art: null,
      software: null,
      software_version: null,
      serial_number: 'SBX-1',
      manufacturer: null,
      model: null,
      acquisition_date: null,
      commissioning_date: null,
      decommissioning_date: null,
      decommissioning_reason: null,
      tse: { serial_number: '', bsi_certification_id: null, activation_date: null, art: '3' },
      fiskaly: { tss_id: '11111111-2222-4333-8444-555555555555', client_id: '66666666-7777-4888-9999-aaaaaaaaaaaa', env: 'SANDBOX' },
    });
    expect(handover.due_date).toBeNull();
    expect(JSON.parse(JSON.stringify(handover))).toEqual(handover);
  });

  it('the schema refuses a missing key, an extra key and a date not TT.MM.JJJJ', () => {
    const handover = buildHandover(fullStoreRecord(), NOW);
    const { due_date: _due, ...missing } = handover;
    expect(Elster146aHandoverSchema.safeParse(missing).success).toBe(false);
    expect(Elster146aHandoverSchema.safeParse({ ...handover, extra: 1 }).success).toBe(false);
    expect(Elster146aHandoverSchema.safeParse({ ...handover, due_date: '2026-06-15' }).success).toBe(false);
  });

  it('writes Berlin time with its offset in winter and summer', () => {
    expect(berlinOffsetTime(new Date('2026-01-15T09:00:00Z'))).toBe('2026-01-15T10:00:00+01:00');
    expect(berlinOffsetTime(new Date('2026-07-15T22:30:00Z'))).toBe('2026-07-16T00:30:00+02:00');
  });
});

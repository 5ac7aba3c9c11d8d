import { describe, expect, it } from 'vitest';
import { buildHandover } from '../../../../../../main/products/sign-de/handover';
import { renderHandoverHtml } from '../../../../../../main/products/sign-de/handover/handover-html';
import { handoverXml } from '../../../../../../main/products/sign-de/handover/handover-xml';
import { Elster146aHandoverSchema } from '../../../../../../preload/contract/sign-de/handover-schema';
import { fullStoreRecord, migratedStoreRecord } from './store-record-fixture';

const NOW = new Date('2026-11-30T21:30:00Z');

describe('buildHandover of a store migrated from V1', () => {
  it('names the old TSE decommissioned, its export and each till V1 → V2 client', () => {
    const handover = buildHandover(migratedStoreRecord(), NOW);
    expect(Elster146aHandoverSchema.parse(handover)).toEqual(handover);
    expect(handover.replaced_tse).toEqual({
      serial_number: 'v1-cert-serial-0042',
      bsi_certification_id: null,
      activation_date: '28.09.2020',
      decommissioning_date: '30.11.2026',
      decommissioning_reason: 'TSE-Tausch: Umstellung von fiskaly SIGN DE V1 auf V2',
      art: '3',
      fiskaly: { tss_id: '812487af-04f7-489d-9fdd-cfdfbd4e0019', api: 'v1', env: 'LIVE' },
      export: { file: 'v1-Filiale-12-812487af-2026-11-30.tar', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      tills: [
        { serial_number: 'KASSE-01', v1_serial_number: null, v1_client_id: 'v1c-1', v2_client_id: 'aaaaaaaa-0000-4000-8000-000000000001' },
        { serial_number: 'KASSE-02', v1_serial_number: 'KASSE_02', v1_client_id: 'v1c-2', v2_client_id: 'aaaaaaaa-0000-4000-8000-000000000002' },
      ],
    });
  });

  it('lists the same tills with the new TSE, commissioned when they started on V1, not on the swap day', () => {
    const handover = buildHandover(migratedStoreRecord(), NOW);
    expect(handover.establishment.eas_count).toBe(2);
    expect(handover.eas.map((eas) => [eas.serial_number, eas.commissioning_date, eas.tse.serial_number, eas.tse.activation_date])).toEqual([
      // V1 client made 2020-09-28T22:30Z: 29 September in Berlin.
      ['KASSE-01', '29.09.2020', 'b'.repeat(64), '30.11.2026'],
      // No V1 registration known: left for the technician, not the swap day.
      ['KASSE-02', null, 'b'.repeat(64), '30.11.2026'],
    ]);
  });

  it('makes the notification due a month after the swap, not after the old acquisition', () => {
    expect(buildHandover(migratedStoreRecord(), NOW).due_date).toBe('30.12.2026');
  });

  it('is due a month after the old TSE decommissioning where that came later than the new one', () => {
    const record = migratedStoreRecord();
    record.replacedTse!.decommissioning = { date: '2027-01-31', reason: 'TSE-Tausch' };
    // 31 January + a month: the end of February.
    expect(buildHandover(record, NOW).due_date).toBe('28.02.2027');
  });

  it('leaves the export and decommissioning empty before the cut-over', () => {
    const record = migratedStoreRecord();
    delete record.replacedTse!.export;
    delete record.replacedTse!.decommissioning;
    const replaced = buildHandover(record, NOW).replaced_tse;
    expect(replaced).toMatchObject({ export: null, decommissioning_date: null, decommissioning_reason: null });
    expect(Elster146aHandoverSchema.parse(buildHandover(record, NOW)).replaced_tse).toEqual(replaced);
    const html = renderHandoverHtml(buildHandover(record, NOW), { storeName: 'Filiale 12', tseDecommissioning: null });
    expect(html).toContain('Die alte TSE ist noch nicht außer Betrieb genommen');
    expect(html).not.toContain('Die alte TSE wurde außer Betrieb genommen');
  });

  it('has no replaced TSE for a store provisioned anew', () => {
    expect(buildHandover(fullStoreRecord(), NOW).replaced_tse).toBeNull();
  });

  it('prints both TSEs, the export with its hash and the client mapping on the PDF page', () => {
    const handover = buildHandover(migratedStoreRecord(), NOW);
    const html = renderHandoverHtml(handover, { storeName: 'Filiale 12', tseDecommissioning: null });
    expect(html).toContain('TSE-Tausch: ersetzte TSE (fiskaly SIGN DE V1)');
    expect(html).toContain('v1-cert-serial-0042');
    expect(html).toContain('b'.repeat(64));
    expect(html).toContain('v1-Filiale-12-812487af-2026-11-30.tar');
    expect(html).toContain('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(html).toContain('KASSE-02 (V1: KASSE_02)');
    expect(html).toContain('v1c-2');
    expect(html).toContain('Die alte TSE wurde außer Betrieb genommen');
    expect(renderHandoverHtml(buildHandover(fullStoreRecord(), NOW), { storeName: 'x', tseDecommissioning: null })).not.toContain('ersetzte TSE');
  });

  it('keeps the ELSTER XML to the systems with the new TSE (the form has no field for the old one)', () => {
    const xml = handoverXml(buildHandover(migratedStoreRecord(), NOW));
    expect(xml).toContain(`<SeriennummerTSE>${'b'.repeat(64)}</SeriennummerTSE>`);
    expect(xml).not.toContain('v1-cert-serial-0042');
  });
});

/**
 * The handover a store keeps for its § 146a(4) AO notification, one per Betriebsstätte, as the JSON file
 * `elster146a-handover/1` (elster-146a-notification.md §5.5): same keys, every key present, null where the
 * technician has not given it. Dates TT.MM.JJJJ as ELSTER takes them. The PDF and the experimental XML are
 * made from the same object.
 */
export const HANDOVER_SCHEMA = 'elster146a-handover/1';

export interface HandoverTse {
  serial_number: string;
  /** As fiskaly names it, e.g. "BSI-K-TR-0717-2025" (the form wants "0717-2025" after its fixed prefix). */
  bsi_certification_id: string | null;
  activation_date: string | null;
  /** Art / Bauform: 3 = Cloud (fiskaly SIGN DE). */
  art: '3';
}

export interface HandoverEas {
  art: string | null;
  software: string | null;
  software_version: string | null;
  serial_number: string;
  manufacturer: string | null;
  model: string | null;
  acquisition_date: string | null;
  commissioning_date: string | null;
  decommissioning_date: string | null;
  decommissioning_reason: string | null;
  tse: HandoverTse;
  fiskaly: { tss_id: string; client_id: string; env: 'SANDBOX' | 'TEST' | 'LIVE' };
}

export interface Elster146aHandover {
  schema: typeof HANDOVER_SCHEMA;
  /** ISO 8601 with the Berlin offset. */
  generated_at: string;
  taxpayer: { name: string | null; tax_number_elster: string | null; bundesland: string | null; vat_id: string | null };
  establishment: {
    designation: string | null;
    street: string | null;
    house_number: string | null;
    house_number_suffix: string | null;
    zip_code: string | null;
    town: string | null;
    /** All EAS held at the site and not finally decommissioned. */
    eas_count: number;
    decommissioning_date: string | null;
  };
  eas: HandoverEas[];
  /** The commissioning test posting, so the store's process documentation can explain it. */
  test_postings: Array<{ transaction_number: number; signature_counter: string | null; client_serial_number: string; time: string; env: 'SANDBOX' | 'TEST' | 'LIVE' }>;
  /** When the notification is due (a month after the latest acquisition, or commissioning if none is given). */
  due_date: string | null;
}

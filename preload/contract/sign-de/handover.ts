/**
 * The handover a store keeps for its § 146a(4) AO notification, one per Betriebsstätte, as the JSON file
 * `elster146a-handover/2` (elster-146a-notification.md §5.5): same keys, every key present, null where the
 * technician has not given it. Dates TT.MM.JJJJ as ELSTER takes them. The PDF and the experimental XML are
 * made from the same object.
 */
export const HANDOVER_SCHEMA = 'elster146a-handover/2';

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

/**
 * The TSE a migration from SIGN DE V1 took out of use (a TSE swap): the form has no field for it, the new
 * notification lists the tills with the new TSE; this names the old one, its decommissioning and the V1
 * export archive (reference sign-de-v1-and-migration.md §6 points 5–7).
 */
export interface HandoverReplacedTse {
  serial_number: string | null;
  bsi_certification_id: string | null;
  activation_date: string | null;
  decommissioning_date: string | null;
  decommissioning_reason: string | null;
  art: '3';
  fiskaly: { tss_id: string; api: 'v1'; env: 'SANDBOX' | 'TEST' | 'LIVE' };
  /** The V1 export kept (file name and SHA-256), to be retained ten years (§ 147 AO). */
  export: { file: string; sha256: string } | null;
  /** Per till: the same EAS on the new TSE, its V1 client replaced by the V2 client. */
  tills: Array<{ serial_number: string; v1_serial_number: string | null; v1_client_id: string; v2_client_id: string }>;
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
  /** The old TSE where this TSS replaced a SIGN DE V1 TSS; null otherwise. */
  replaced_tse: HandoverReplacedTse | null;
  /** When the notification is due (a month after the latest acquisition, or commissioning if none is given). */
  due_date: string | null;
}

import type { EnvironmentId } from '../../../../preload/contract/core/settings';
import { berlinIsoDate } from '../../../../preload/contract/sign-de/german-format';
import { HANDOVER_SCHEMA, type Elster146aHandover, type HandoverEas, type HandoverReplacedTse } from '../../../../preload/contract/sign-de/handover';
import { dueDate } from '../../../../preload/contract/sign-de/master-data';
import type { ReplacedTse, StoreRecord, StoreTill } from '../../../../preload/contract/sign-de/store-record';
import { toElsterTaxNumber } from '../../../../preload/contract/sign-de/tax-number';

/**
 * The handover of one Betriebsstätte (elster-146a-notification.md §5.5) from its store record: every key
 * present, null where the technician has not given it, dates TT.MM.JJJJ. The PDF, the JSON and the XML are
 * all made from this one object.
 */
export function buildHandover(record: StoreRecord, now: Date): Elster146aHandover {
  const taxpayer = record.masterData?.taxpayer;
  const site = record.masterData?.establishment;
  const elster = taxpayer ? toElsterTaxNumber(taxpayer.taxNumber, taxpayer.bundesland) : undefined;
  const commissionedOn = commissioningDate(record);
  const eas = record.tills.map((till) => easOf(record, till, commissionedOn));
  return {
    schema: HANDOVER_SCHEMA,
    generated_at: berlinOffsetTime(now),
    taxpayer: {
      name: taxpayer?.legalName ?? null,
      tax_number_elster: elster?.ok ? elster.elster : null,
      bundesland: taxpayer?.bundesland ?? null,
      vat_id: taxpayer?.vatId ?? null,
    },
    establishment: {
      designation: site?.designation ?? null,
      street: site?.street ?? null,
      house_number: site?.houseNumber ?? null,
      house_number_suffix: site?.houseNumberSuffix ?? null,
      zip_code: site?.postcode ?? null,
      town: site?.town ?? null,
      eas_count: record.tills.filter((till) => !till.decommissioning).length,
      // The site given up: not recorded by this app (a store record is one TSS, not a whole site's end).
      decommissioning_date: null,
    },
    eas,
    test_postings: record.testPostings.map((posting) => ({
      transaction_number: posting.transactionNumber,
      signature_counter: posting.signatureCounter ?? null,
      client_serial_number: posting.clientSerialNumber,
      time: posting.time,
      env: envName(posting.environment),
    })),
    replaced_tse: record.replacedTse ? replacedTseOf(record, record.replacedTse) : null,
    due_date: handoverDueDate(record, commissionedOn),
  };
}

/** The old TSE of a migration from V1, with its tills' V1 → V2 clients in the record's till order. */
function replacedTseOf(record: StoreRecord, replaced: ReplacedTse): HandoverReplacedTse {
  const v1Of = new Map(replaced.tills.map((till) => [till.clientId, till]));
  return {
    serial_number: replaced.serialNumber ?? null,
    bsi_certification_id: replaced.bsiCertificationId ?? null,
    activation_date: germanDate(unixBerlinDate(replaced.timeInit)),
    decommissioning_date: germanDate(replaced.decommissioning?.date),
    decommissioning_reason: replaced.decommissioning?.reason ?? null,
    art: '3',
    fiskaly: { tss_id: replaced.tssId, api: 'v1', env: envName(record.environment) },
    export: replaced.export ? { file: replaced.export.file, sha256: replaced.export.sha256 } : null,
    tills: record.tills.flatMap((till) => {
      const v1 = v1Of.get(till.clientId);
      return v1 ? [{ serial_number: till.serialNumber, v1_serial_number: v1.v1SerialNumber ?? null, v1_client_id: v1.v1ClientId, v2_client_id: till.clientId }] : [];
    }),
  };
}

function easOf(record: StoreRecord, till: StoreTill, commissionedOn: string | undefined): HandoverEas {
  return {
    art: till.kind ?? null,
    software: till.software ?? null,
    software_version: till.softwareVersion ?? null,
    serial_number: till.serialNumber,
    manufacturer: till.manufacturer ?? null,
    model: till.model ?? null,
    acquisition_date: germanDate(till.acquisitionDate),
    commissioning_date: germanDate(easCommissioning(record, till, commissionedOn)),
    decommissioning_date: germanDate(till.decommissioning?.date),
    decommissioning_reason: till.decommissioning?.reason ?? null,
    tse: {
      serial_number: record.tss.serialNumber ?? '',
      bsi_certification_id: record.tss.bsiCertificationId ?? null,
      activation_date: germanDate(tseActivation(record, till)),
      art: '3',
    },
    fiskaly: { tss_id: record.tssId, client_id: till.clientId, env: envName(record.environment) },
  };
}

/**
 * The TSE's activation for this EAS: the later of the TSS's time_init and the till's registration (a till
 * added to an initialised TSS starts using it then), as a Berlin calendar date. VERIFY (reference §5.3).
 */
function tseActivation(record: StoreRecord, till: StoreTill): string | undefined {
  const initialised = unixBerlinDate(record.tss.timeInit);
  const registered = tillRegisteredOn(till);
  if (!initialised) return registered;
  return registered && registered > initialised ? registered : initialised;
}

/**
 * Inbetriebnahme in this Betriebsstätte: the technician's date, else the till's registration, else the
 * commissioning run's date. A till a migration moved from V1 was in use long before: its V1 client's
 * registration, or nothing (the technician adds it), never the day of the TSE swap.
 */
function easCommissioning(record: StoreRecord, till: StoreTill, commissionedOn: string | undefined): string | undefined {
  if (till.commissioningDate) return till.commissioningDate;
  const migrated = record.replacedTse?.tills.find((v1) => v1.clientId === till.clientId);
  if (migrated) return migrated.v1RegisteredAt ? berlinIsoDate(migrated.v1RegisteredAt) : undefined;
  return tillRegisteredOn(till) ?? commissionedOn;
}

function unixBerlinDate(seconds: number | undefined): string | undefined {
  return seconds === undefined ? undefined : berlinIsoDate(new Date(seconds * 1000).toISOString());
}

function tillRegisteredOn(till: StoreTill): string | undefined {
  return till.registeredAt ? berlinIsoDate(till.registeredAt) : undefined;
}

/** The commissioning run's date (Berlin): its change entry, else the TSS's initialisation. */
function commissioningDate(record: StoreRecord): string | undefined {
  const commissioned = record.changes.find((change) => change.what === 'commissioned');
  if (commissioned) return berlinIsoDate(commissioned.at);
  return unixBerlinDate(record.tss.timeInit);
}

/**
 * A month after the latest notifiable event: the latest acquisition (or, where none is given, commissioning),
 * or a later decommissioning of a till or the TSE, or a TSE swap, which is due within a month too (§ 146a(4) AO).
 */
function handoverDueDate(record: StoreRecord, commissionedOn: string | undefined): string | null {
  const acquisitions = record.tills.flatMap((till) => (till.acquisitionDate ? [till.acquisitionDate] : []));
  const commissionings = record.tills.map((till) => easCommissioning(record, till, commissionedOn));
  const start = acquisitions.length > 0 ? acquisitions : commissionings.filter(isDate);
  const decommissionings = [...record.tills.map((till) => till.decommissioning?.date), record.tss.decommissioning?.date].filter(isDate);
  // A TSE swap is notifiable too: the new TSE's commissioning and the old one's decommissioning.
  const swap = record.replacedTse ? [commissionedOn, record.replacedTse.decommissioning?.date].filter(isDate) : [];
  const latest = [...start, ...decommissionings, ...swap].sort().at(-1);
  return latest ? germanDate(dueDate(latest)) : null;
}

const isDate = (date: string | undefined): date is string => Boolean(date);

/** "2026-03-02" → "02.03.2026", as ELSTER takes dates; null when there is none. */
export function germanDate(isoDate: string | undefined): string | null {
  if (!isoDate) return null;
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

function envName(environment: EnvironmentId): 'SANDBOX' | 'TEST' | 'LIVE' {
  return environment.toUpperCase() as 'SANDBOX' | 'TEST' | 'LIVE';
}

/** ISO 8601 in Berlin wall-clock time with its offset: "2026-03-02T10:15:00+01:00". */
export function berlinOffsetTime(now: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const wall = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const offsetMinutes = Math.round((Date.parse(`${wall}Z`) - Math.floor(now.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

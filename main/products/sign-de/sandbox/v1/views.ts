import type { V1ClientRecord, V1ExportRecord, V1TransactionRecord, V1TssRecord } from './state';

/** VERIFY (§4.1, §9.3): the real `_version` string of V1 is unknown. */
export const V1_VERSION = '1.0.0-sandbox';
/** VERIFY (§4.1, §9.3): whether V1 used V2's algorithm and timestamp names. */
export const V1_SIGNATURE_ALGORITHM = 'ecdsa-plain-SHA256';
/** VERIFY (§4.3): XENTRAL defaults to `utcTime`, V2 answers `unixTime`. */
export const V1_TIMESTAMP_FORMAT = 'unixTime';

const optional = <T>(name: string, value: T | undefined): Record<string, T> => (value === undefined ? {} : { [name]: value });

/** §4.1; counters are numbers in V1 (strings in V2). */
export function tssView(tss: V1TssRecord): Record<string, unknown> {
  return {
    _id: tss.id,
    _type: 'TSS',
    _env: tss.env,
    _version: V1_VERSION,
    ...optional('description', tss.description),
    state: tss.state,
    time_creation: tss.timeCreation,
    ...optional('time_init', tss.timeInit),
    ...optional('time_disable', tss.timeDisable),
    certificate: tss.certificate,
    certificate_serial: tss.certificateSerial,
    public_key: tss.publicKey,
    signature_counter: tss.signatureCounter,
    signature_algorithm: V1_SIGNATURE_ALGORITHM,
    signature_timestamp_format: V1_TIMESTAMP_FORMAT,
    transaction_counter: tss.transactionCounter,
  };
}

/** §4.2: no state in V1. */
export function clientView(client: V1ClientRecord): Record<string, unknown> {
  return {
    _id: client.id,
    _type: 'CLIENT',
    _env: client.env,
    _version: V1_VERSION,
    tss_id: client.tssId,
    serial_number: client.serialNumber,
    time_creation: client.timeCreation,
    time_update: client.timeUpdate,
  };
}

/** §4.3, at its latest revision. */
export function transactionView(tx: V1TransactionRecord, tss: V1TssRecord, client: V1ClientRecord | undefined): Record<string, unknown> {
  const last = tx.steps[tx.steps.length - 1]!;
  return {
    _id: tx.id,
    _type: 'TRANSACTION',
    _env: tx.env,
    _version: V1_VERSION,
    tss_id: tx.tssId,
    client_id: tx.clientId,
    client_serial_number: client?.serialNumber ?? '',
    certificate_serial: tss.certificateSerial,
    number: tx.number,
    state: tx.state,
    time_start: tx.timeStart,
    ...optional('time_end', tx.timeEnd),
    revision: last.revision,
    latest_revision: last.revision,
    ...optional('schema', tx.schema),
    ...optional('metadata', tx.metadata),
    log: { operation: last.operation, timestamp: last.timestamp, timestamp_format: V1_TIMESTAMP_FORMAT },
    signature: { value: last.signature.value, algorithm: V1_SIGNATURE_ALGORITHM, counter: last.signature.counter, public_key: tss.publicKey },
    qr_code_data: qrCodeData(tx, client, last.signature),
  };
}

/** The V0 receipt code as V2 builds it; VERIFY (§4.3): V1's own QR layout was not seen. */
function qrCodeData(tx: V1TransactionRecord, client: V1ClientRecord | undefined, signature: { value: string; counter: number }): string {
  const processType = tx.schema ? 'Kassenbeleg-V1' : '';
  return ['V0', client?.serialNumber ?? '', processType, '', tx.number, signature.counter, tx.timeStart, tx.timeEnd ?? '', V1_SIGNATURE_ALGORITHM, V1_TIMESTAMP_FORMAT, signature.value].join(';');
}

/** §4.4 (XENTRAL's fields). VERIFY: what `href` means; the sandbox points it at the file. */
export function exportView(record: V1ExportRecord): Record<string, unknown> {
  return {
    _id: record.id,
    _type: 'EXPORT',
    _env: record.env,
    _version: V1_VERSION,
    tss_id: record.tssId,
    state: record.state,
    ...(record.state === 'COMPLETED' ? { href: `/api/v1/tss/${record.tssId}/export/${record.id}/file` } : {}),
    time_request: record.timeRequest,
    ...optional('time_start', record.timeStart),
    ...optional('time_end', record.timeEnd),
  };
}

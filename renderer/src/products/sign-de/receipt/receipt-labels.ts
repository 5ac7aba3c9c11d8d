/**
 * The printed receipt's own words. The receipt is German whatever the app's language (these are the
 * field names of fiskaly's receipt-data page), so the preview shows exactly what the paper will say.
 */
export const receiptLabels = {
  nameMissing: '(Name fehlt / name missing)',
  addressMissing: '(Anschrift fehlt / address missing)',
  date: 'Datum',
  timeZone: 'Zeitzone',
  total: 'SUMME',
  vat: 'MwSt',
  net: 'Netto',
  gross: 'Brutto',
  payment: 'Zahlart',
  transaction: 'TSE-Transaktion',
  start: 'TSE-Start',
  stop: 'TSE-Stop',
  tseSerial: 'TSE-Seriennummer',
  signatureCounter: 'TSE-Signaturzähler',
  signature: 'TSE-Signatur',
  timeFormat: 'TSE-Zeitformat',
  hashAlgorithm: 'TSE-Hashalgorithmus',
  publicKey: 'TSE-PublicKey',
  processType: 'TSE-Prozesstyp',
  processData: 'TSE-Prozessdaten',
  clientSerial: 'Kassen-Seriennummer',
  tssId: 'TSS-ID',
  bsi: 'BSI-Zertifizierung',
  signatureCheck: 'Signaturprüfung',
  valid: 'gültig',
  invalid: 'UNGÜLTIG',
} as const;

import { describe, expect, it } from 'vitest';
import type { ReceiptModel } from '../../../../../../preload/contract/sign-de/receipt';
import { buildReceiptModel, receiptPlainText, receiptTextLayout } from '../../../../../../main/products/sign-de/receipt';
import { MASTER_DATA, WINTER_START, signedTestReceipt } from './signed-receipt';

const allLines = (model: ReceiptModel, columns: number) => {
  const layout = receiptTextLayout(model, columns);
  return [...layout.header, ...layout.body, ...layout.footer];
};
const squeezed = (text: string) => text.replace(/\s+/g, '');

/** The value printed for a label: on the label's line, or the full lines below it put together. */
function printedValue(lines: string[], label: string, length: number): string {
  const at = lines.findIndex((line) => line === label || line.startsWith(`${label} `));
  expect(at, label).toBeGreaterThanOrEqual(0);
  const line = lines[at] ?? '';
  if (line !== label) return line.slice(label.length).trimStart();
  const columns = Math.max(...lines.map((l) => [...l].length));
  return lines.slice(at + 1, at + 1 + Math.ceil(length / columns)).join('');
}

/** Every value the receipt must show, as it must appear (spaces aside). */
function requiredValues(model: ReceiptModel): string[] {
  return [
    model.seller.name,
    ...model.seller.addressLines,
    model.tse.serialNumber,
    model.tse.clientSerialNumber,
    model.tse.signature,
    model.tse.publicKey,
    model.tse.processData,
    model.tse.signatureAlgorithm,
    model.tse.logTimeFormat,
    model.tse.tssId,
    String(model.tse.signatureCounter),
  ];
}

describe('receipt text', () => {
  const model = buildReceiptModel({
    ...signedTestReceipt(),
    storeName: 'Bäckerei & Konditorei Müller-Lüdenscheidt GmbH, Filiale Hauptbahnhof Süd',
    storeAddress: 'Bahnhofsvorplatz 1 (Ladenpassage, Ebene −1)\n50667 Köln',
  });

  for (const columns of [32, 48]) {
    it(`keeps every line within ${columns} columns and cuts no value`, () => {
      const lines = allLines(model, columns);
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
      const text = squeezed(lines.join('\n'));
      for (const value of requiredValues(model)) expect(text).toContain(squeezed(value));
    });
  }

  for (const columns of [32, 48]) {
    it(`prints each TSE value character for character at ${columns} columns`, () => {
      const lines = allLines(model, columns);
      const data: Array<[string, string]> = [
        ['TSE-Transaktion', String(model.transactionNumber)],
        ['TSE-Seriennummer', model.tse.serialNumber],
        ['TSE-Signaturzähler', String(model.tse.signatureCounter)],
        ['TSE-Signatur', model.tse.signature],
        ['TSE-Zeitformat', model.tse.logTimeFormat],
        ['TSE-Hashalgorithmus', model.tse.signatureAlgorithm],
        ['TSE-PublicKey', model.tse.publicKey],
        ['TSE-Prozessdaten', model.tse.processData],
        ['Kassen-Seriennummer', model.tse.clientSerialNumber],
        ['TSS-ID', model.tse.tssId],
        ['BSI-Zertifizierung', 'BSI-K-TR-0490-2021'],
      ];
      for (const [label, value] of data) expect(printedValue(lines, label, value.length), label).toBe(value);
    });
  }

  it('wraps a long value onto whole lines below its label, in order and complete', () => {
    const lines = allLines(model, 32);
    const at = lines.indexOf('TSE-Signatur');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3)).toEqual([model.tse.signature.slice(0, 32), model.tse.signature.slice(32, 64)]);
    expect(lines[at + 3]).toBe(model.tse.signature.slice(64));
    const serial = lines.indexOf('TSE-Seriennummer');
    expect(lines.slice(serial + 1, serial + 3).join('')).toBe(model.tse.serialNumber);
  });

  it('puts short values on the label line, right-aligned', () => {
    const lines = allLines(model, 48);
    expect(lines).toContain(`TSE-Transaktion${' '.repeat(48 - 15 - 1)}7`);
    expect(lines).toContain(`TSE-Signaturzähler${' '.repeat(48 - 18 - 2)}42`);
    expect(lines).toContain(`TSE-Zeitformat${' '.repeat(48 - 14 - 8)}unixTime`);
    expect(lines).toContain(`TSE-Hashalgorithmus${' '.repeat(48 - 19 - 18)}ecdsa-plain-SHA256`);
  });

  it('shows the labels fiskaly names for receipts, the goods, tax and payment', () => {
    const text = allLines(model, 48).join('\n');
    for (const label of [
      'TSE-Transaktion',
      'TSE-Start',
      'TSE-Stop',
      'TSE-Seriennummer',
      'TSE-Signaturzähler',
      'TSE-Signatur',
      'TSE-Zeitformat',
      'TSE-Hashalgorithmus',
      'TSE-PublicKey',
      'Kassen-Seriennummer',
      'BSI-Zertifizierung',
    ]) {
      expect(text).toMatch(new RegExp(`^${label}\\b`, 'm'));
    }
    expect(text).toContain('1 x Testbeleg / test receipt');
    expect(text).toMatch(/^ {2}1 x 1,00 +1,00 EUR A$/m);
    expect(text).toMatch(/^SUMME +1,00 EUR$/m);
    expect(text).toMatch(/^MwSt A 19 % +0,16$/m);
    expect(text).toMatch(/^Netto A 19 % +0,84$/m);
    expect(text).toMatch(/^Brutto A 19 % +1,00$/m);
    expect(text).toMatch(/^Zahlart Bar +1,00 EUR$/m);
    expect(text).toMatch(/^Signaturprüfung +gültig$/m);
    expect(text).toContain('TRAININGSBELEG – kein steuerlicher Beleg');
  });

  it('shows times in Berlin local time and says so (summer: MESZ)', () => {
    const text = allLines(model, 48).join('\n');
    expect(text).toMatch(/^Datum +18\.08\.2026$/m);
    expect(text).toMatch(/^Zeitzone +Europe\/Berlin \(MESZ\)$/m);
    expect(text).toMatch(/^TSE-Start +18\.08\.2026 20:38:19$/m);
    expect(text).toMatch(/^TSE-Stop +18\.08\.2026 20:38:21$/m);
  });

  it('shows winter times as MEZ (UTC+1)', () => {
    const winter = buildReceiptModel(signedTestReceipt({ timeStart: WINTER_START }));
    const text = allLines(winter, 32).join('\n');
    expect(text).toMatch(/^Zeitzone +Europe\/Berlin \(MEZ\)$/m);
    expect(text).toMatch(/^TSE-Start +20\.01\.2026 19:27:22$/m);
  });

  it('prints the legal name and the Betriebsstätte address from the master data', () => {
    const text = allLines(buildReceiptModel({ ...signedTestReceipt({ environment: 'test' }), masterData: MASTER_DATA }), 32).join('\n');
    expect(text).toMatch(/^ *Bäckerei Müller GmbH & Co\. KG *$/m);
    expect(text).toMatch(/^ *Filiale Süd *$/m);
    expect(squeezed(text)).toContain(squeezed('Große Straße 12a, 50667 Köln'));
    expect(text).not.toContain('fehlt');
  });

  it('prints a gap where the address is missing instead of leaving it out silently', () => {
    const { storeAddress: _a, ...input } = signedTestReceipt();
    const text = allLines(buildReceiptModel(input), 32).join('\n');
    expect(text).toContain('(Anschrift fehlt / address');
  });

  it('writes the QR data out in full in the plain-text version', () => {
    const text = receiptPlainText(model, 32);
    expect(squeezed(text)).toContain(squeezed(model.qrCodeData));
    const lines = text.split('\n');
    expect(printedValue(lines, 'QR-Code (DSFinV-K)', model.qrCodeData.length)).toBe(model.qrCodeData);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(32);
  });

  it('refuses a column count no receipt printer has', () => {
    expect(() => receiptTextLayout(model, 10)).toThrow(/24 to 64/);
  });
});

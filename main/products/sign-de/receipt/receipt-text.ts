import { RECEIPT_TIME_ZONE, berlinDate, berlinDateTime, berlinZoneName, germanAmount, germanPercent } from '../../../../preload/contract/sign-de/german-format';
import type { ReceiptModel } from '../../../../preload/contract/sign-de/receipt';
import { centredLines, labelledData, labelledLines, ruleLine, wrapText } from '../../../printing/text-wrap';
import { type PrintLayout, checkColumns } from '../../../printing';

/**
 * The receipt as fixed-width lines with German labels (fiskaly's receipt-data names: TSE-Transaktion,
 * TSE-Start, …). Printed receipts put the QR code between `body` and `footer`.
 */

/** Header: headline, environment, seller, centred. Body: date, goods, amounts, TSE data. Footer: after the QR. */
export type ReceiptTextLayout = PrintLayout;

export function receiptTextLayout(model: ReceiptModel, columns: number): ReceiptTextLayout {
  checkColumns(columns);
  const row = (label: string, value: string) => labelledLines(label, value, columns);
  const data = (label: string, value: string) => labelledData(label, value, columns);
  const rule = ruleLine(columns);
  const zone = berlinZoneName(model.endTime);

  const header = [
    ...centredLines(model.headline, columns),
    ...centredLines(model.headlineEnglish, columns),
    ...centredLines(model.environmentLabel, columns),
    '',
    ...centredLines(model.seller.name || '(Name fehlt / name missing)', columns),
    ...(model.seller.addressLines.length > 0
      ? model.seller.addressLines.flatMap((line) => centredLines(line, columns))
      : centredLines('(Anschrift fehlt / address missing)', columns)),
    rule,
  ];

  const body = [
    ...row('Datum', berlinDate(model.endTime)),
    ...row('Zeitzone', `${RECEIPT_TIME_ZONE} (${zone})`),
    rule,
    ...model.items.flatMap((item) => [
      ...wrapText(`${item.quantity} x ${item.description}`, columns),
      ...row(`  ${item.quantity} x ${germanAmount(item.unitPrice)}`, `${germanAmount(item.total)} ${model.currency} ${item.vatRate.letter}`),
    ]),
    rule,
    ...row('SUMME', `${germanAmount(model.total)} ${model.currency}`),
    ...model.vat.flatMap((vat) => {
      const rate = `${vat.rate.letter} ${germanPercent(vat.rate.percent)}`;
      return [
        ...row(`MwSt ${rate}`, germanAmount(vat.tax)),
        ...row(`Netto ${rate}`, germanAmount(vat.net)),
        ...row(`Brutto ${rate}`, germanAmount(vat.gross)),
      ];
    }),
    ...model.payments.flatMap((payment) => row(`Zahlart ${payment.type}`, `${germanAmount(payment.amount)} ${payment.currency}`)),
    rule,
    ...data('TSE-Transaktion', String(model.transactionNumber)),
    ...row('TSE-Start', berlinDateTime(model.startTime)),
    ...row('TSE-Stop', berlinDateTime(model.endTime)),
    ...data('TSE-Seriennummer', model.tse.serialNumber),
    ...data('TSE-Signaturzähler', String(model.tse.signatureCounter)),
    ...data('TSE-Signatur', model.tse.signature),
    ...data('TSE-Zeitformat', model.tse.logTimeFormat),
    ...data('TSE-Hashalgorithmus', model.tse.signatureAlgorithm),
    ...data('TSE-PublicKey', model.tse.publicKey),
    ...data('TSE-Prozesstyp', model.tse.processType),
    ...data('TSE-Prozessdaten', model.tse.processData),
    ...data('Kassen-Seriennummer', model.tse.clientSerialNumber),
    ...data('TSS-ID', model.tse.tssId),
    ...(model.tse.bsiCertificationId ? data('BSI-Zertifizierung', model.tse.bsiCertificationId) : []),
    ...row('Signaturprüfung', model.signatureCheck.valid ? 'gültig' : 'UNGÜLTIG'),
  ];

  const footer = model.training ? [rule, ...centredLines(model.headline, columns)] : [rule];
  return { columns, header, body, footer };
}

/** The whole receipt as text, the QR code's content written out where the printout has the symbol. */
export function receiptPlainText(model: ReceiptModel, columns: number): string {
  const layout = receiptTextLayout(model, columns);
  const qr = labelledData('QR-Code (DSFinV-K)', model.qrCodeData, columns);
  return [...layout.header, ...layout.body, ruleLine(columns), ...qr, ...layout.footer].join('\n') + '\n';
}


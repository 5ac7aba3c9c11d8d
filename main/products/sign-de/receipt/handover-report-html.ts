import { RECEIPT_TIME_ZONE, berlinDateTime, berlinZoneName, germanAmount, germanPercent } from '../../../../preload/contract/sign-de/german-format';
import { escapeHtml } from '../../../printing/html-escape';
import { qrSvg } from '../../../printing/qr-symbol';
import type { ReceiptEnvironment, ReceiptModel } from '../../../../preload/contract/sign-de/receipt';

/**
 * The A4 page a store keeps after provisioning: what was set up (TSS, clients, test receipt) and the
 * facts its operator needs for the notification under §146a (4) AO through ELSTER. German, with English
 * subtitles for the technician. Self-contained like the receipt: no URL, nothing loaded.
 */

export interface HandoverReportInput {
  storeName: string;
  /** One line per line; absent when the plan has none. */
  storeAddress?: string;
  environment: ReceiptEnvironment;
  tssId: string;
  /** Taken from the test receipt when absent or empty. */
  tssSerialNumber?: string;
  bsiCertificationId?: string;
  /** Unix seconds of the TSS initialization (time_init): the TSE's commissioning date. */
  timeInit?: number;
  clients: Array<{ serialNumber: string; clientId?: string }>;
  /** The verified test receipt, when the run made one. */
  testReceipt?: ReceiptModel;
  /** When the report is made; now by default. */
  createdAt?: Date;
}

/** On an A4 laser or inkjet page the QR code can have a comfortable 0.6 mm module. */
const REPORT_QR_MODULE_MM = 0.6;
const TSE_KIND = 'Cloud-TSE fiskaly SIGN DE';
const ENVIRONMENT_NAMES: Record<ReceiptEnvironment, string> = {
  sandbox: 'Sandbox (lokal, keine echte TSE)',
  test: 'fiskaly TEST (keine echte TSE)',
  live: 'fiskaly LIVE',
};

export async function renderHandoverReportHtml(input: HandoverReportInput): Promise<string> {
  const createdAt = (input.createdAt ?? new Date()).toISOString();
  const live = input.environment === 'live';
  const addressLines = (input.storeAddress ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const receipt = input.testReceipt;
  const qr = receipt ? await qrSvg(receipt.qrCodeData, REPORT_QR_MODULE_MM, 'QR-Code des Testbelegs (DSFinV-K)') : '';
  const timeInitIso = input.timeInit === undefined ? undefined : new Date(input.timeInit * 1000).toISOString();

  const tseRows: Array<[string, string, string]> = [
    ['Art der TSE', 'Kind of TSS', TSE_KIND],
    ['BSI-Zertifizierungs-ID', 'BSI certification ID', input.bsiCertificationId ?? 'nicht bekannt / not known'],
    ['Seriennummer der TSE', 'TSS serial number', input.tssSerialNumber || receipt?.tse.serialNumber || 'nicht bekannt / not known'],
    ['Datum der Inbetriebnahme (Initialisierung)', 'Commissioning date (initialization)', timeInitIso ? localTime(timeInitIso) : 'nicht bekannt / not known'],
    ['TSS-ID bei fiskaly', 'fiskaly TSS id', input.tssId],
    ['Umgebung', 'Environment', ENVIRONMENT_NAMES[input.environment]],
  ];

  const html = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`Übergabeprotokoll TSE – ${input.storeName}`)}</title>
<style>
@page { size: A4; margin: 15mm; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 16pt; margin: 0 0 1mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 0.3mm solid #000; page-break-after: avoid; }
.en { display: block; font-size: 9pt; font-weight: normal; color: #333; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 1mm 2mm 1mm 0; border-bottom: 0.2mm solid #999; }
th { width: 38%; font-weight: normal; }
.value { font-family: "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace; overflow-wrap: anywhere; }
.warning { border: 0.6mm solid #000; padding: 2mm 3mm; margin: 4mm 0; font-weight: bold; }
.receipt { display: flex; gap: 6mm; align-items: flex-start; }
.receipt table { flex: 1; }
.receipt svg { flex: none; display: block; }
ul { margin: 1mm 0; padding-left: 5mm; }
.small { font-size: 8.5pt; color: #333; }
</style>
</head>
<body>
<header>
<h1>Übergabeprotokoll TSE<span class="en">TSS handover report</span></h1>
<p><strong>${escapeHtml(input.storeName)}</strong>${addressLines.map((l) => `<br>${escapeHtml(l)}`).join('')}${addressLines.length === 0 ? '<br><em>Anschrift nicht hinterlegt / no address on file</em>' : ''}</p>
<p class="small">Erstellt am / created on ${escapeHtml(localTime(createdAt))}. Alle Zeiten in ${RECEIPT_TIME_ZONE} / all times in ${RECEIPT_TIME_ZONE}.</p>
</header>
${
  live
    ? ''
    : `<p class="warning">${escapeHtml(input.environment === 'sandbox' ? 'SANDBOX' : 'TEST')}: Diese TSS ist keine echte TSE. Nicht an das Finanzamt melden.<span class="en">This is not a live TSS. Do not report it to the tax office.</span></p>`
}
<section>
<h2>Technische Sicherheitseinrichtung (TSE)<span class="en">Technical security system (TSS)</span></h2>
<table>${tseRows.map(([de, en, value]) => row(de, en, value)).join('')}</table>
</section>
<section>
<h2>Elektronische Aufzeichnungssysteme (Kassen)<span class="en">Electronic recording systems (POS clients)</span></h2>
<p>Anzahl / number: ${input.clients.length}</p>
<table>
<tr><th>Seriennummer des Aufzeichnungssystems (Kassen-Seriennummer)<span class="en">Serial number of the recording system (client serial number)</span></th><th>Client-ID bei fiskaly<span class="en">fiskaly client id</span></th></tr>
${input.clients.map((c) => `<tr><td class="value">${escapeHtml(c.serialNumber)}</td><td class="value">${escapeHtml(c.clientId ?? '')}</td></tr>`).join('\n')}
</table>
</section>
${receipt ? receiptSection(receipt, qr) : ''}
<section>
<h2>Mitteilung nach § 146a Abs. 4 AO (ELSTER)<span class="en">Notification to the tax office under section 146a (4) AO (ELSTER)</span></h2>
${live ? '' : '<p><strong>Gilt erst für die LIVE-TSS.</strong><span class="en">Applies to the LIVE TSS only.</span></p>'}
<ul>
<li>Der Betreiber teilt dem Finanzamt seine elektronischen Aufzeichnungssysteme und TSE mit: in Mein ELSTER mit dem Formular „Mitteilung über elektronische Aufzeichnungssysteme (§ 146a Absatz 4 AO)“ oder über eine Software mit ERiC-Schnittstelle.<span class="en">The operator notifies the tax office of its recording systems and TSS: in Mein ELSTER with the form “Mitteilung über elektronische Aufzeichnungssysteme (§ 146a Absatz 4 AO)”, or through software with an ERiC interface.</span></li>
<li>Frist: innerhalb eines Monats nach Anschaffung oder Außerbetriebnahme.<span class="en">Deadline: within one month of acquisition or decommissioning.</span></li>
<li>Eine Mitteilung je Betriebsstätte, immer mit <em>allen</em> Systemen dieser Betriebsstätte. Jede Änderung (neue Kasse, TSE getauscht, Umzug) erfordert eine neue vollständige Mitteilung.<span class="en">One notification per establishment, always listing all of its systems; every change (new register, TSS replaced, move) needs a new full notification.</span></li>
<li>Aus diesem Protokoll: Art der TSE, BSI-Zertifizierungs-ID, Seriennummer der TSE, Datum der Inbetriebnahme der TSE und die Seriennummer jedes Aufzeichnungssystems (siehe oben).<span class="en">From this report: kind of TSS, BSI certification ID, TSS serial number, TSS commissioning date and each recording system's serial number (see above).</span></li>
<li>Vom Betreiber zu ergänzen: Name und Steuernummer, Anschrift der Betriebsstätte, Art des Aufzeichnungssystems (z. B. PC-Kassensystem), Software und Version, Hersteller und Modell, Anschaffungsdatum und Datum der Inbetriebnahme jeder Kasse.<span class="en">To be added by the operator: name and tax number, address of the establishment, kind of recording system (e.g. PC-based POS), software and version, manufacturer and model, acquisition date and commissioning date of each register.</span></li>
</ul>
<p class="small">Hinweis, keine Steuerberatung: im Zweifel mit der steuerlichen Beratung klären.<span class="en">For information only, not tax advice: check with a tax advisor when in doubt.</span></p>
</section>
</body>
</html>
`;
  return html;
}

function receiptSection(receipt: ReceiptModel, qr: string): string {
  const rows: Array<[string, string, string]> = [
    ['Belegart', 'Receipt type', `${receipt.headline} (${receipt.bonTyp})`],
    ['TSE-Transaktion', 'Transaction number', String(receipt.transactionNumber)],
    ['TSE-Start', 'Start', localTime(receipt.startTime)],
    ['TSE-Stop', 'End', localTime(receipt.endTime)],
    ...receipt.items.map((item): [string, string, string] => ['Ware', 'Goods', `${item.quantity} × ${item.description}, ${germanAmount(item.total)} ${receipt.currency}`]),
    ...receipt.vat.map((vat): [string, string, string] => [
      `MwSt ${germanPercent(vat.rate.percent)}`,
      `VAT ${vat.rate.percent} %`,
      `Brutto ${germanAmount(vat.gross)}, Netto ${germanAmount(vat.net)}, MwSt ${germanAmount(vat.tax)} ${receipt.currency}`,
    ]),
    ...receipt.payments.map((p): [string, string, string] => [`Zahlart ${p.type}`, `Payment ${p.type === 'Bar' ? 'cash' : 'non-cash'}`, `${germanAmount(p.amount)} ${p.currency}`]),
    ['Kassen-Seriennummer', 'Client serial number', receipt.tse.clientSerialNumber],
    ['TSE-Signaturzähler', 'Signature counter', String(receipt.tse.signatureCounter)],
    ['TSE-Signatur', 'Signature', receipt.tse.signature],
    ['Signaturprüfung', 'Signature check', receipt.signatureCheck.valid ? 'gültig / valid' : `UNGÜLTIG / INVALID: ${receipt.signatureCheck.failed.join('; ')}`],
  ];
  return `<section>
<h2>Testbeleg<span class="en">Test receipt</span></h2>
<div class="receipt">
<table>${rows.map(([de, en, value]) => row(de, en, value)).join('')}</table>
${qr}
</div>
</section>`;
}

function row(german: string, english: string, value: string): string {
  return `<tr><th>${escapeHtml(german)}<span class="en">${escapeHtml(english)}</span></th><td class="value">${escapeHtml(value)}</td></tr>\n`;
}

function localTime(iso: string): string {
  return `${berlinDateTime(iso)} ${berlinZoneName(iso)}`;
}

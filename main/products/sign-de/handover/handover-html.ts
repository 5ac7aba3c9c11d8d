import { berlinDateTime, berlinZoneName } from '../../../../preload/contract/sign-de/german-format';
import type { Elster146aHandover, HandoverEas, HandoverReplacedTse } from '../../../../preload/contract/sign-de/handover';
import { BUNDESLAENDER, type Bundesland } from '../../../../preload/contract/sign-de/tax-number';
import { escapeHtml } from '../../../printing/html-escape';
import { formBsiId } from './handover-xml';

/**
 * The printable handover (A4) in the order and with the labels of the ELSTER form "Mitteilung über
 * elektronische Aufzeichnungssysteme (§ 146a Absatz 4 AO)" (elster-146a-notification.md §2): the taxpayer,
 * the Betriebsstätte, then per EAS its fields and its TSE's. Made from the handover object, like the JSON and
 * the XML. German, as the form is. Self-contained: no URL, nothing loaded.
 */
export interface HandoverPageNotes {
  storeName: string;
  /** The TSE taken out of use (the TSS disabled), TT.MM.JJJJ: the form has no field for it. */
  tseDecommissioning: { date: string; reason: string } | null;
}

export const EAS_KIND_LABELS: Record<string, string> = {
  '1': 'Computergestützte/PC-Kassensysteme',
  '2': 'Tablet-/App-Kassen-Systeme',
  '3': 'Elektronische Registrierkassen',
  '4': 'Taxameter',
  '5': 'Wegstreckenzähler',
};
const TSE_KIND_LABELS: Record<string, string> = { '1': 'SD-Karte', '2': 'USB-Stick', '3': 'Cloud' };
const MISSING = 'nicht angegeben – bitte ergänzen';
const OPTIONAL = 'optional';

type Row = [label: string, value: string | null, note?: string];

export function renderHandoverHtml(handover: Elster146aHandover, notes: HandoverPageNotes): string {
  const { taxpayer, establishment: site } = handover;
  const environments = new Set(handover.eas.map((eas) => eas.fiskaly.env));
  const notLive = [...environments].filter((env) => env !== 'LIVE');
  const taxpayerRows: Row[] = [
    ['Name / Firma', taxpayer.name],
    ['Steuernummer (ELSTER-Format, 13 Stellen)', taxpayer.tax_number_elster],
    ['Finanzamt (Bundesfinanzamtsnummer)', taxpayer.tax_number_elster?.slice(0, 4) ?? null, 'die ersten vier Stellen der Steuernummer'],
    ['Bundesland', taxpayer.bundesland ? `${landName(taxpayer.bundesland)} (${taxpayer.bundesland})` : null],
    ['Umsatzsteuer-Identifikationsnummer', taxpayer.vat_id, OPTIONAL],
    ['Identifikationsnummer (§ 139b AO)', null, OPTIONAL],
    ['Wirtschafts-Identifikationsnummer', null, 'sobald vergeben'],
    ['Anschrift des Steuerpflichtigen', null, 'im Formular anzugeben, auch wenn gleich der Betriebsstätte'],
  ];
  const siteRows: Row[] = [
    ['Bezeichnung der Betriebsstätte', site.designation, OPTIONAL],
    ['Straße', site.street],
    ['Hausnummer', site.house_number],
    ['Hausnummerzusatz', site.house_number_suffix, OPTIONAL],
    ['Postleitzahl', site.zip_code],
    ['Ort', site.town],
    ['Anzahl der eAs', String(site.eas_count), 'alle eAs der Betriebsstätte, die nicht endgültig außer Betrieb genommen sind'],
    ['Außerbetriebnahme / Aufgabe der Betriebsstätte', site.decommissioning_date ?? '–', 'nur bei Aufgabe der Betriebsstätte'],
    ['Bemerkungen', null, OPTIONAL],
  ];

  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`Mitteilung nach § 146a Abs. 4 AO – ${notes.storeName}`)}</title>
<style>
@page {
  size: A4;
  margin: 15mm 15mm 18mm;
  @bottom-right { content: "Seite " counter(page) " von " counter(pages); font: 8.5pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
  @bottom-left { content: ${cssString(`${notes.storeName} – Mitteilung § 146a Abs. 4 AO`)}; font: 8.5pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
}
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; line-height: 1.25; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 12pt; margin: 5mm 0 1.5mm; border-bottom: 0.3mm solid #000; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 0.5mm; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 0.5mm 2mm 0.5mm 0; border-bottom: 0.2mm solid #999; }
th { width: 42%; font-weight: normal; }
.note { display: block; font-size: 7.5pt; color: #444; }
.part { font-size: 8pt; color: #333; margin: 1mm 0 0.5mm; }
.value { font-family: "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace; overflow-wrap: anywhere; }
.missing { color: #555; font-style: italic; }
.postings th { width: auto; }
.postings td, .postings th { white-space: nowrap; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.box { border: 0.5mm solid #000; padding: 2mm 3mm; margin: 3mm 0; }
.warning { border: 0.6mm solid #000; padding: 2mm 3mm; margin: 3mm 0; font-weight: bold; }
.signatures { display: flex; gap: 10mm; margin-top: 6mm; }
.signature { flex: 1; }
.line { border-bottom: 0.3mm solid #000; height: 10mm; margin-bottom: 1mm; }
.small { font-size: 8pt; color: #333; }
ul { margin: 1mm 0; padding-left: 5mm; }
</style>
</head>
<body>
<header>
<h1>Angaben für die Mitteilung über elektronische Aufzeichnungssysteme (§ 146a Absatz 4 AO)</h1>
<p><strong>${escapeHtml(notes.storeName)}</strong> · erstellt am ${escapeHtml(localTime(handover.generated_at))}</p>
</header>
${notLive.length > 0 ? `<p class="warning">${escapeHtml(notLive.join(', '))}: keine echte TSE. Diese Angaben nicht an das Finanzamt melden.</p>` : ''}
<div class="box keep">
<p><strong>Mitteilung fällig bis: ${escapeHtml(handover.due_date ?? MISSING)}</strong> (innerhalb eines Monats nach Anschaffung bzw. Außerbetriebnahme), über Mein ELSTER: Formular „Mitteilung über elektronische Aufzeichnungssysteme (§ 146a Absatz 4 AO)“.</p>
<p><strong>Eine Mitteilung je Betriebsstätte mit allen elektronischen Aufzeichnungssystemen (eAs) dieser Betriebsstätte</strong> – auch Kassen anderer Anbieter und Ersatz- oder Reservegeräte, nicht nur die hier eingerichteten. Jede Änderung (neue Kasse, Außerbetriebnahme, TSE-Tausch, Umzug) erfordert eine neue, vollständige Mitteilung.</p>
</div>
<section>
<div class="keep">
<h2>Angaben zum Steuerpflichtigen</h2>
${table(taxpayerRows)}
</div>
</section>
<section>
<div class="keep">
<h2>Angaben zur Betriebsstätte</h2>
${table(siteRows)}
</div>
</section>
<section>
<h2 class="keep">Elektronische Aufzeichnungssysteme und TSE</h2>
${handover.eas.map((eas, i) => easBlock(eas, i, handover.eas.length)).join('\n')}
${notes.tseDecommissioning ? tseDecommissioningBlock(notes.tseDecommissioning) : ''}
${handover.replaced_tse ? replacedTseBlock(handover.replaced_tse) : ''}
</section>
${testPostingsSection(handover)}
<section class="keep">
<h2>Bestätigung</h2>
<p>Die TSE und die oben genannten Kassen wurden eingerichtet und mit einer Testbuchung geprüft. Die Angaben wurden mit dem Betreiber abgestimmt; der Betreiber übermittelt die Mitteilung an das Finanzamt.</p>
<div class="signatures">
${signature('Techniker/in')}
${signature('Betreiber/in (Steuerpflichtige/r)')}
</div>
<p class="small">Hinweis, keine Steuerberatung: im Zweifel mit der steuerlichen Beratung klären. Maschinenlesbar dazu: die JSON-Datei (elster146a-handover/2) und die XML-Datei (experimentell – in Mein ELSTER prüfen).</p>
</section>
</body>
</html>
`;
}

function easBlock(eas: HandoverEas, index: number, count: number): string {
  const easRows: Row[] = [
    ['Art des eAs', eas.art ? `${eas.art} – ${EAS_KIND_LABELS[eas.art] ?? eas.art}` : null],
    ['Software des eAs', eas.software],
    ['Software-Version des eAs', eas.software_version],
    ['Seriennummer des eAs / Software-App', eas.serial_number, 'wie an die TSE übergeben (Client-Seriennummer)'],
    ['Hersteller des eAs', eas.manufacturer],
    ['Modell des eAs', eas.model],
    ['Anschaffung des eAs', eas.acquisition_date, 'Rechnung, Lieferschein oder Leasingbeginn'],
    ['Inbetriebnahme des eAs', eas.commissioning_date, 'in dieser Betriebsstätte'],
    ['Außerbetriebnahme des eAs', eas.decommissioning_date ?? '–', 'nur bei Außerbetriebnahme'],
    ['Grund der Außerbetriebnahme', eas.decommissioning_reason ?? '–'],
    ['Bemerkungen zum eAs', null, OPTIONAL],
    // Only taxameters and odometers have one. VERIFY (reference §2.3).
    ...(eas.art === '4' || eas.art === '5' ? [['Kfz-Kennzeichen', null] as Row] : []),
  ];
  const bsi = formBsiId(eas.tse.bsi_certification_id);
  const tseRows: Row[] = [
    ['Seriennummer der TSE', eas.tse.serial_number || null],
    ['BSI-Zertifizierungs-ID', bsi === null ? null : `BSI-K-TR-${bsi}`, bsi === null ? undefined : `im Formular nach „BSI-K-TR-“: ${bsi}`],
    ['Inbetriebnahme / Aktivierung der TSE', eas.tse.activation_date],
    ['Art / Bauform der TSE', `${TSE_KIND_LABELS[eas.tse.art] ?? eas.tse.art}`],
  ];
  const status = eas.decommissioning_date ? ' (außer Betrieb)' : '';
  return `<div class="keep">
<h3>eAs ${index + 1} von ${count}: ${escapeHtml(eas.serial_number)}${status}</h3>
<p class="part">Angaben zum elektronischen Aufzeichnungssystem</p>
${table(easRows)}
<p class="part">Angaben zur TSE</p>
${table(tseRows)}
<p class="small">fiskaly (nicht für ELSTER): TSS-ID <span class="value">${escapeHtml(eas.fiskaly.tss_id)}</span>, Client-ID <span class="value">${escapeHtml(eas.fiskaly.client_id)}</span>, ${escapeHtml(eas.fiskaly.env)}</p>
</div>`;
}

function tseDecommissioningBlock(decommissioning: { date: string; reason: string }): string {
  // The form has no field for it (reference §2.4): a TSE swap or removal goes in a new notification. VERIFY.
  return `<div class="keep box">
<h3>Außerbetriebnahme der TSE</h3>
${table([
  ['Außerbetriebnahme der TSE', decommissioning.date],
  ['Grund', decommissioning.reason],
])}
<p class="small">Das ELSTER-Formular hat hierfür kein eigenes Feld: Kassen mit neuer TSE werden mit deren Daten neu mitgeteilt; Kassen ohne TSE mit ihrer Außerbetriebnahme.</p>
</div>`;
}

function replacedTseBlock(replaced: HandoverReplacedTse): string {
  const bsi = formBsiId(replaced.bsi_certification_id);
  const rows: Row[] = [
    ['Seriennummer der alten TSE', replaced.serial_number, 'fiskaly SIGN DE V1: certificate_serial'],
    ['BSI-Zertifizierungs-ID', bsi === null ? null : `BSI-K-TR-${bsi}`, 'aus den Unterlagen der alten TSE'],
    ['Inbetriebnahme / Aktivierung der alten TSE', replaced.activation_date],
    ['Außerbetriebnahme der alten TSE', replaced.decommissioning_date, 'Deaktivierung der V1-TSS'],
    ['Grund', replaced.decommissioning_reason],
    ['V1-Export (Datei)', replaced.export?.file ?? null, 'vollständiger Export vor der Deaktivierung, 10 Jahre aufbewahren (§ 147 AO)'],
    ['V1-Export (SHA-256)', replaced.export?.sha256 ?? null],
  ];
  const tills = replaced.tills
    .map(
      (till) =>
        `<tr><td class="value">${escapeHtml(till.serial_number)}${till.v1_serial_number ? ` (V1: ${escapeHtml(till.v1_serial_number)})` : ''}</td><td class="value">${escapeHtml(till.v1_client_id)}</td><td class="value">${escapeHtml(till.v2_client_id)}</td></tr>`,
    )
    .join('\n');
  // The form has no field for the old TSE (reference §2.4): the new notification lists the tills with the new one. VERIFY.
  return `<div class="keep box">
<h3>TSE-Tausch: ersetzte TSE (fiskaly SIGN DE V1)</h3>
<p>Die Kassen oben sind dieselben wie vorher (gleiche Seriennummern, sofern nicht bei einer Kasse anders angegeben); sie signieren jetzt mit der neuen TSE. ${replaced.decommissioning_date ? 'Die alte TSE wurde außer Betrieb genommen.' : '<strong>Die alte TSE ist noch nicht außer Betrieb genommen</strong> (V1-TSS noch nicht deaktiviert).'}</p>
${table(rows)}
<table class="postings">
<tr><th>Kasse (Seriennummer)</th><th>V1-Client-ID</th><th>V2-Client-ID</th></tr>
${tills}
</table>
<p class="small">fiskaly (nicht für ELSTER): V1-TSS-ID <span class="value">${escapeHtml(replaced.fiskaly.tss_id)}</span>, ${escapeHtml(replaced.fiskaly.env)}</p>
</div>`;
}

function testPostingsSection(handover: Elster146aHandover): string {
  if (handover.test_postings.length === 0) return '';
  return `<section class="keep">
<h2>Testbuchung bei der Inbetriebnahme</h2>
<p>Zweck: Bei der Einrichtung hat der Techniker mit dieser Buchung geprüft, dass die TSE signiert und der Beleg mit QR-Code korrekt ist (Testbeleg). In TEST und LIVE ist sie ein echter, von der TSE signierter Vorgang mit fortlaufender Transaktionsnummer: bitte in der Verfahrensdokumentation der Betriebsstätte als Testbuchung bei der Inbetriebnahme erklären, damit sie bei einer Prüfung zugeordnet werden kann.</p>
<table class="postings">
<tr><th>Transaktionsnummer</th><th>Signaturzähler</th><th>Kasse (Seriennummer)</th><th>Zeit</th><th>Umgebung</th></tr>
${handover.test_postings
  .map(
    (posting) =>
      `<tr><td class="value">${posting.transaction_number}</td><td class="value">${escapeHtml(posting.signature_counter ?? '–')}</td><td class="value">${escapeHtml(posting.client_serial_number)}</td><td class="value">${escapeHtml(localTime(posting.time))}</td><td class="value">${escapeHtml(posting.env)}</td></tr>`,
  )
  .join('\n')}
</table>
</section>`;
}

function signature(who: string): string {
  return `<div class="signature">
<div class="line"></div><p class="small">Ort, Datum</p>
<div class="line"></div><p class="small">Name in Druckbuchstaben, ${escapeHtml(who)}</p>
<div class="line"></div><p class="small">Unterschrift ${escapeHtml(who)}</p>
</div>`;
}

function table(rows: Row[]): string {
  return `<table>${rows
    .map(([label, value, note]) => {
      // An optional field not given stays blank, to write in by hand; a needed one says it is missing.
      const shown = value !== null ? escapeHtml(value) : note === OPTIONAL ? '' : `<span class="missing">${escapeHtml(MISSING)}</span>`;
      return `<tr><th>${escapeHtml(label)}${note ? `<span class="note">${escapeHtml(note)}</span>` : ''}</th><td class="value">${shown}</td></tr>`;
    })
    .join('\n')}</table>`;
}

function landName(code: string): string {
  return code in BUNDESLAENDER ? BUNDESLAENDER[code as Bundesland].name : code;
}

function localTime(iso: string): string {
  return `${berlinDateTime(iso)} ${berlinZoneName(iso)}`;
}

/** A CSS string literal (for the page footer): quotes and backslashes escaped, no line breaks. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\s+/g, ' ').replace(/</g, '\\3c ')}"`;
}

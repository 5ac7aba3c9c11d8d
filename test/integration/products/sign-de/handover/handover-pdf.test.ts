import { type Browser, chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../../../../main/browser-shell/chromium';
import { createChromiumPrintPort } from '../../../../../main/browser-shell/chromium-print-port';
import { HandoverDocuments, buildHandover, formBsiId, renderHandoverHtml } from '../../../../../main/products/sign-de/handover';
import { Elster146aHandoverSchema } from '../../../../../preload/contract/sign-de/handover-schema';
import type { StoreRecord } from '../../../../../preload/contract/sign-de/store-record';
import { bareStoreRecord, fullStoreRecord } from '../../../../unit/main/products/sign-de/handover/store-record-fixture';

const NOW = new Date('2026-05-20T10:15:00Z');
const NO_EXTERNAL = [/https?:(?!\/\/finkonsens)/i, /\bsrc=/i, /\bhref=/i, /url\(/i, /@import/i, /<script/i, /<link/i, /<img/i, /<iframe/i];
const HEADINGS = ['Angaben zum Steuerpflichtigen', 'Angaben zur Betriebsstätte', 'Elektronische Aufzeichnungssysteme und TSE', 'Testbuchung bei der Inbetriebnahme', 'Bestätigung', 'Außerbetriebnahme der TSE'];

/** A store big enough for several pages: the fixture's three tills and five more like its first. */
function bigStore(): StoreRecord {
  const record = fullStoreRecord();
  const [first] = record.tills;
  for (let i = 4; i <= 8; i++) record.tills.push({ ...first!, serialNumber: `ERS 3f6c-0${i}`, clientId: `0b7c9f1e-6c1e-4a50-9a5e-2f7c1d3e4a${i}0` });
  record.tss.decommissioning = { date: '2026-05-19', reason: 'TSS deaktiviert: Kasse ersetzt' };
  return record;
}

/** pdftotext's text per page (form feeds between pages), with runs of blanks as one. */
function pdfPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim() !== '').map((page) => page.replace(/[ \t]+/g, ' '));
}

describe('handover PDF, JSON and XML files', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs() });
    dir = await mkdtemp(join(tmpdir(), 'handover-'));
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the page loads nothing and escapes the store name', () => {
    const handover = buildHandover(bigStore(), NOW);
    const html = renderHandoverHtml(handover, { storeName: 'Café <b>"Süd"</b> & Söhne', tseDecommissioning: null });
    for (const pattern of NO_EXTERNAL) expect(html).not.toMatch(pattern);
    expect(html).toContain('Café &lt;b&gt;&quot;Süd&quot;&lt;/b&gt; &amp; Söhne');
    expect(html).not.toContain('<b>"Süd"</b>');
  });

  it('says what is missing, and that a sandbox or TEST store is not to be notified', () => {
    const record = bareStoreRecord();
    const html = renderHandoverHtml(buildHandover(record, NOW), { storeName: record.storeName, tseDecommissioning: null });
    expect(html).toContain('SANDBOX: keine echte TSE. Diese Angaben nicht an das Finanzamt melden.');
    expect(html.match(/nicht angegeben – bitte ergänzen/g)?.length).toBeGreaterThan(10);
    const live = renderHandoverHtml(buildHandover(fullStoreRecord(), NOW), { storeName: 'x', tseDecommissioning: null });
    expect(live).not.toContain('nicht an das Finanzamt melden');
  });

  it('writes the three files; the PDF holds every field value, the due date, page numbers and no heading alone at a page end', async () => {
    const record = bigStore();
    const documents = new HandoverDocuments(dir, createChromiumPrintPort(() => browser, dir), { get: async () => record });
    const files = await documents.save(record.tssId, { now: NOW, outDir: join(dir, 'out') });

    expect(files.pdf.path).toBe(join(dir, 'out', 'elster-146a-Café-Süd-Söhne-2026-05-20.pdf'));
    for (const file of [files.pdf, files.json, files.xml]) expect((await stat(file.path)).size).toBe(file.bytes);
    const handover = Elster146aHandoverSchema.parse(JSON.parse(await readFile(files.json.path, 'utf8')));
    expect(handover).toEqual(buildHandover(record, NOW));
    expect(await readFile(files.xml.path, 'utf8')).toContain('<BSIID>0717-2025</BSIID>');

    const pages = pdfPages(files.pdf.path);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n').replace(/\s+/g, ' ');
    const values = [
      handover.taxpayer.name,
      handover.taxpayer.tax_number_elster,
      'Baden-Württemberg (BW)',
      handover.taxpayer.vat_id,
      ...Object.values(handover.establishment).map(String),
      ...handover.eas.flatMap((eas) => [
        eas.art,
        eas.software,
        eas.software_version,
        eas.serial_number,
        eas.manufacturer,
        eas.model,
        eas.acquisition_date,
        eas.commissioning_date,
        eas.decommissioning_date,
        eas.decommissioning_reason,
        eas.tse.serial_number,
        eas.tse.bsi_certification_id,
        formBsiId(eas.tse.bsi_certification_id),
        eas.tse.activation_date,
        'Cloud',
        eas.fiskaly.tss_id,
        eas.fiskaly.client_id,
      ]),
      handover.due_date,
      '10.04.2026',
      '19.05.2026',
      'TSS deaktiviert: Kasse ersetzt',
      'Computergestützte/PC-Kassensysteme',
      'Tablet-/App-Kassen-Systeme',
      'Elektronische Registrierkassen',
      '02.03.2026 10:15:00 MEZ',
    ].filter((value): value is string => value !== null && value !== 'null');
    // Long values (the 64-hex TSE serial, ids) wrap in their cells: compared without blanks.
    const compact = text.replace(/\s/g, '');
    const missing = values.filter((value) => !compact.includes(value.replace(/\s/g, '')));
    expect(missing).toEqual([]);

    for (const label of [
      ...HEADINGS,
      'Name / Firma',
      'Finanzamt (Bundesfinanzamtsnummer) 2893',
      'Identifikationsnummer (§ 139b AO)',
      'Anschrift des Steuerpflichtigen',
      'Steuernummer',
      'Bezeichnung der Betriebsstätte',
      'Anzahl der eAs',
      'Art des eAs',
      'Software-Version des eAs',
      'Seriennummer des eAs',
      'Hersteller des eAs',
      'Modell des eAs',
      'Anschaffung des eAs',
      'Inbetriebnahme des eAs',
      'Außerbetriebnahme des eAs',
      'Grund der Außerbetriebnahme',
      'Bemerkungen zum eAs',
      'Seriennummer der TSE',
      'BSI-Zertifizierungs-ID',
      'Inbetriebnahme / Aktivierung der TSE',
      'Art / Bauform der TSE',
      `Mitteilung fällig bis: ${handover.due_date}`,
      'auch Kassen anderer Anbieter und Ersatz- oder Reservegeräte',
      'Transaktionsnummer',
      'Signaturzähler',
      'Verfahrensdokumentation',
      'Unterschrift Techniker/in',
      'Unterschrift Betreiber/in',
      'Ort, Datum',
    ]) {
      expect(text, label).toContain(label);
    }
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Seite ${i + 1} von ${pages.length}`);
      // The last lines of a page's body (before its footer) are never a heading.
      const body = page.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.includes(`Seite ${i + 1} von`));
      const last = body.at(-1) ?? '';
      expect(HEADINGS.some((heading) => last.startsWith(heading)) || /^eAs \d+ von \d+/.test(last), `page ${i + 1} ends with "${last}"`).toBe(false);
    });
  });
});

import { type Browser, chromium } from '@playwright/test';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../../../../main/browser-shell/chromium';
import type { PaperWidth } from '../../../../../main/printing';
import type { ReceiptModel } from '../../../../../preload/contract/sign-de/receipt';
import { buildReceiptModel, renderHandoverReportHtml, renderReceiptHtml } from '../../../../../main/products/sign-de/receipt';
import { MASTER_DATA, signedTestReceipt } from '../../../../unit/main/products/sign-de/receipt/signed-receipt';

/** CSS pixels per mm in Chromium (96 px per inch). */
const PX_PER_MM = 96 / 25.4;
/** Screenshots at 4 device pixels per CSS pixel: about 7 pixels per 0.5 mm module. */
const SCALE = 4;

const NO_EXTERNAL = [/https?:/i, /\bsrc=/i, /\bhref=/i, /url\(/i, /@import/i, /<script/i, /<link/i, /<img/i, /<iframe/i];

describe('receipt HTML', () => {
  let browser: Browser;
  const model = buildReceiptModel({ ...signedTestReceipt({ environment: 'test' }), storeName: 'Café <b>"Zur Post"</b> & Söhne' });

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs() });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Renders the page, photographs the element and decodes any QR code in it. */
  async function decodeQr(html: string, selector: string): Promise<{ text: string | undefined; widthMm: number; overflowing: string[] }> {
    const context = await browser.newContext({ deviceScaleFactor: SCALE, javaScriptEnabled: true, offline: true });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
      });
      await page.setContent(html);
      const element = page.locator(selector).first();
      const widthMm = ((await element.boundingBox())?.width ?? 0) / PX_PER_MM;
      const overflowing = await page.$$eval('pre', (pres) => pres.filter((pre) => pre.scrollWidth > pre.clientWidth).map((pre) => pre.className));
      const png = (await element.screenshot()).toString('base64');
      expect(requests).toEqual([]);

      // Decode the PNG to pixels in a blank page (no CSP there), then read the QR code with jsQR.
      const blank = await context.newPage();
      const pixels = await blank.evaluate(async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context2d = canvas.getContext('2d');
        if (!context2d) throw new Error('no 2d context');
        context2d.drawImage(image, 0, 0);
        const { data, width, height } = context2d.getImageData(0, 0, canvas.width, canvas.height);
        let binary = '';
        for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
        return { rgba: btoa(binary), width, height };
      }, png);
      const rgba = new Uint8ClampedArray(Buffer.from(pixels.rgba, 'base64'));
      return { text: jsQR(rgba, pixels.width, pixels.height)?.data, widthMm, overflowing };
    } finally {
      await context.close();
    }
  }

  for (const paper of ['80mm', '58mm'] as PaperWidth[]) {
    it(`renders a ${paper} page whose SVG QR code decodes to exactly the qr_code_data`, async () => {
      const { html, pageWidthMm, qrModuleMm } = await renderReceiptHtml(model, { paper });
      expect(pageWidthMm).toBe(paper === '80mm' ? 80 : 58);
      const decoded = await decodeQr(html, '.qr svg');
      expect(decoded.text).toBe(model.qrCodeData);
      // at least 0.5 mm (4 dots at 203 dpi) per module, quiet zone included
      expect(qrModuleMm).toBeGreaterThanOrEqual(4 * (25.4 / 203));
      const modules = Number(/viewBox="0 0 (\d+) \1"/.exec(html)?.[1]);
      expect(decoded.widthMm).toBeCloseTo(modules * qrModuleMm, 1);
      expect(decoded.widthMm).toBeLessThanOrEqual(paper === '80mm' ? 72 : 48);
      expect(decoded.overflowing).toEqual([]);
    });
  }

  it('is one standalone document: page size, no margins, monospace, nothing external, values escaped', async () => {
    const { html, pageHeightMm } = await renderReceiptHtml(model, { paper: '58mm' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`@page { size: 58mm ${pageHeightMm}mm; margin: 0; }`);
    expect(html).toMatch(/font-family:[^;]*monospace/);
    expect(html).toContain("default-src 'none'");
    for (const pattern of NO_EXTERNAL) expect(html).not.toMatch(pattern);
    expect(html).toContain('Café &lt;b&gt;&quot;Zur Post&quot;&lt;/b&gt; &amp; Söhne');
    expect(html).not.toContain('<b>');
    for (const value of [model.tse.serialNumber.slice(0, 32), 'TSE-Signaturzähler', 'Kassen-Seriennummer', 'TRAININGSBELEG']) expect(html).toContain(value);
  });

  it('heads the page with the legal name and the Betriebsstätte address from the master data, escaped', async () => {
    const legalName = 'Müller & Söhne <GmbH>';
    const withMasterData = buildReceiptModel({ ...signedTestReceipt({ environment: 'test' }), masterData: { ...MASTER_DATA, taxpayer: { ...MASTER_DATA.taxpayer, legalName } } });
    const { html } = await renderReceiptHtml(withMasterData, { paper: '80mm' });
    const header = /<pre class="header">([\s\S]*?)<\/pre>/.exec(html)![1]!;
    expect(header).toContain('Müller &amp; Söhne &lt;GmbH&gt;');
    expect(header).toContain('Große Straße 12a, 50667 Köln');
    expect(html).toContain('<title>Trainingsbeleg Müller &amp; Söhne &lt;GmbH&gt; – TSE-Transaktion 7</title>');
  });

  it('prints to a PDF page of the receipt size', async () => {
    const { html, pageHeightMm } = await renderReceiptHtml(model, { paper: '80mm' });
    const page = await browser.newPage();
    try {
      await page.setContent(html);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
      expect(Number(box?.[1]) / 72 * 25.4).toBeCloseTo(80, 0);
      expect(Number(box?.[2]) / 72 * 25.4).toBeCloseTo(pageHeightMm, 0);
      expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    } finally {
      await page.close();
    }
  });

  describe('handover report', () => {
    const receipt: ReceiptModel = buildReceiptModel(signedTestReceipt({ environment: 'live' }));
    const input = {
      storeName: 'Filiale <Süd> & Co',
      storeAddress: 'Große Straße 12\n50667 Köln',
      environment: 'live' as const,
      tssId: receipt.tse.tssId,
      tssSerialNumber: receipt.tse.serialNumber,
      bsiCertificationId: 'BSI-K-TR-0490-2021',
      timeInit: 1_787_078_000,
      clients: [
        { serialNumber: 'KASSE-01 Filiale Koeln', clientId: '0b7c9f1e-6c1e-4a50-9a5e-2f7c1d3e4a5b' },
        { serialNumber: 'KASSE-02', clientId: '5d0f3e7a-1b2c-4d5e-8f90-a1b2c3d4e5f6' },
      ],
      testReceipt: receipt,
      createdAt: new Date('2026-08-18T18:45:00Z'),
    };

    it('lists what the store needs for its §146a (4) AO notification, in German with English subtitles', async () => {
      const html = await renderHandoverReportHtml(input);
      for (const pattern of NO_EXTERNAL) expect(html).not.toMatch(pattern);
      expect(html).toContain('@page { size: A4');
      expect(html).toContain('Filiale &lt;Süd&gt; &amp; Co');
      for (const fact of [
        receipt.tse.serialNumber,
        'BSI-K-TR-0490-2021',
        receipt.tse.tssId,
        'KASSE-01 Filiale Koeln',
        'KASSE-02',
        '18.08.2026 20:33:20 MESZ',
        'Cloud-TSE fiskaly SIGN DE',
        'fiskaly LIVE',
        '§ 146a Abs. 4 AO',
        'ELSTER',
        'innerhalb eines Monats',
        'Eine Mitteilung je Betriebsstätte',
        'Steuernummer',
        'Notification to the tax office',
        'TSS serial number',
      ]) {
        expect(html).toContain(fact);
      }
      expect(html).not.toContain('Nicht an das Finanzamt melden');
    });

    it('warns that a TEST or sandbox TSS is not to be reported', async () => {
      const html = await renderHandoverReportHtml({ ...input, environment: 'test', testReceipt: undefined });
      expect(html).toContain('Nicht an das Finanzamt melden');
      expect(html).not.toContain('<svg');
    });

    it('shows the test receipt with a QR code that decodes to its qr_code_data', async () => {
      const html = await renderHandoverReportHtml(input);
      const decoded = await decodeQr(html, '.receipt svg');
      expect(decoded.text).toBe(receipt.qrCodeData);
    });
  });
});

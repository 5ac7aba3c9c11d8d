import { type Browser, chromium } from '@playwright/test';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../../../../main/browser-shell/chromium';
import type { PaperWidth } from '../../../../../main/printing';
import { buildReceiptModel, renderReceiptHtml } from '../../../../../main/products/sign-de/receipt';
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
});

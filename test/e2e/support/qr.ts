import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Reads the QR code in a PNG (a screenshot or a rendered page) the way a phone would: from pixels. */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/**
 * Renders a PDF's pages with poppler (pdftoppm) and reads the first QR code found: with zbarimg where it
 * is installed (it copes with a full A4 page of text), else with jsQR.
 */
export function decodeQrPdf(pdfPath: string, dpi = 200): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'tss-pdf-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdfPath, join(dir, 'page')]);
    for (const page of readdirSync(dir).filter((f) => f.endsWith('.png')).sort()) {
      const file = join(dir, page);
      const found = existsSync(ZBARIMG) ? zbar(file) : decodeQrPng(readFileSync(file));
      if (found) return found;
    }
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ZBARIMG = '/usr/bin/zbarimg';

function zbar(file: string): string | null {
  try {
    return execFileSync(ZBARIMG, ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('latin1').replace(/\n$/, '') || null;
  } catch {
    return null;
  }
}

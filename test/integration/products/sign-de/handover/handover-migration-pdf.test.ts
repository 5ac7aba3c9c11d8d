import { type Browser, chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../../../../main/browser-shell/chromium';
import { createChromiumPrintPort } from '../../../../../main/browser-shell/chromium-print-port';
import { HandoverDocuments } from '../../../../../main/products/sign-de/handover';
import { Elster146aHandoverSchema } from '../../../../../preload/contract/sign-de/handover-schema';
import { migratedStoreRecord } from '../../../../unit/main/products/sign-de/handover/store-record-fixture';

const NOW = new Date('2026-11-30T21:30:00Z');

describe('handover of a store migrated from V1', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs() });
    dir = await mkdtemp(join(tmpdir(), 'handover-migration-'));
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the PDF lists the old TSE decommissioned, the new TSE, the V1 export and its hash; the JSON names both', async () => {
    const record = migratedStoreRecord();
    const documents = new HandoverDocuments(dir, createChromiumPrintPort(() => browser, dir), { get: async () => record });
    const files = await documents.save(record.tssId, { now: NOW, outDir: join(dir, 'out') });

    const handover = Elster146aHandoverSchema.parse(JSON.parse(await readFile(files.json.path, 'utf8')));
    expect(handover.replaced_tse?.serial_number).toBe('v1-cert-serial-0042');
    expect(handover.eas.every((eas) => eas.tse.serial_number === 'b'.repeat(64))).toBe(true);

    // Long values wrap in their cells: compared without blanks.
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', files.pdf.path, '-'], { encoding: 'utf8' }).replace(/\s/g, '');
    for (const value of [
      'TSE-Tausch: ersetzte TSE (fiskaly SIGN DE V1)',
      'v1-cert-serial-0042',
      'b'.repeat(64),
      '28.09.2020',
      'Außerbetriebnahme der alten TSE 30.11.2026',
      'v1-Filiale-12-812487af-2026-11-30.tar',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'KASSE-02 (V1: KASSE_02)',
      '812487af-04f7-489d-9fdd-cfdfbd4e0019',
    ]) {
      expect(text, value).toContain(value.replace(/\s/g, ''));
    }
  });
});

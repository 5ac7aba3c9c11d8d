import { type Browser, chromium } from '@playwright/test';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../../main/browser-shell/chromium';
import { createChromiumPrintPort } from '../../../main/browser-shell/chromium-print-port';
import { lazyChromiumPrintPort } from '../../../main/cli/cli-print-port';
import { handoverCommand } from '../../../main/cli/handover-command';
import type { CommandIo } from '../../../main/cli/command-io';
import { parseCommandLine } from '../../../main/cli/program';
import { HandoverDocuments } from '../../../main/products/sign-de/handover';
import type { Services } from '../../../main/services';
import { Elster146aHandoverSchema } from '../../../preload/contract/sign-de/handover-schema';
import { fullStoreRecord } from '../../unit/main/products/sign-de/handover/store-record-fixture';
import { makeTempDir } from '../../support/temp-dir';

const RUN_ID = '4f1d2c3b-5a69-4788-9a0b-1c2d3e4f5a6b';

describe('tss-companion handover', () => {
  const dir = makeTempDir();
  let browser: Browser;
  const record = fullStoreRecord();

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs() });
  });
  afterAll(async () => {
    await browser?.close();
    dir.remove();
  });

  /** The command on services whose store records hold the fixture's store, and whose one run made it. */
  async function handover(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const handoverDocuments = new HandoverDocuments(dir.path, createChromiumPrintPort(() => browser, dir.path), {
      get: async (tssId) => {
        if (tssId !== record.tssId) throw new Error(`no store ${tssId}`);
        return record;
      },
    });
    const documents = { finishedRunTss: async (runId: string) => (runId === RUN_ID ? record.tssId : Promise.reject(new Error('no run'))) };
    const io: CommandIo = {
      env: {},
      dataDir: dir.path,
      dataDirGiven: true,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      services: () => ({ signDe: { handover: handoverDocuments, documents } }) as unknown as Services,
    };
    const { parsed } = await parseCommandLine(['handover', ...args]);
    const code = await handoverCommand(parsed.values, io);
    return { code, out, err };
  }

  it('writes the PDF, JSON and XML into --out and prints their paths', async () => {
    const outDir = join(dir.path, 'by-tss');
    const result = await handover(['--tss', record.tssId, '--out', outDir]);
    expect(result.code).toBe(0);
    expect(result.out.map((path) => path.split('.').at(-1))).toEqual(['pdf', 'json', 'xml']);
    expect((await readdir(outDir)).sort()).toEqual(result.out.map((path) => path.slice(outDir.length + 1)).sort());
    expect((await readFile(result.out[0]!)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readFile(result.out[2]!, 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="no"\?>/);
  });

  it('with --json prints the handover JSON itself (the paths go to stderr); --run finds the store by its run', async () => {
    const result = await handover(['--run', RUN_ID, '--out', join(dir.path, 'by-run'), '--json']);
    expect(result.code).toBe(0);
    const printed = Elster146aHandoverSchema.parse(JSON.parse(result.out.join('\n')));
    expect(printed.eas.map((eas) => eas.serial_number)).toEqual(record.tills.map((till) => till.serialNumber));
    expect(result.err).toHaveLength(3);
    expect(JSON.parse(await readFile(result.err[1]!, 'utf8'))).toEqual(printed);
  });

  it('refuses a wrong combination or id before anything is made', async () => {
    for (const args of [
      ['--out', dir.path],
      ['--run', RUN_ID, '--tss', record.tssId, '--out', dir.path],
      ['--tss', record.tssId],
      ['--tss', 'not-a-uuid', '--out', dir.path],
      ['--tss', record.tssId, '--out', dir.path, 'extra'],
    ]) {
      await expect(handover(args), args.join(' ')).rejects.toThrow(/usage: tss-companion handover|is not a (run|TSS) id|too many arguments/);
    }
  });

  it("the CLI's print port starts Chromium on the first PDF only, and closes it", async () => {
    const port = lazyChromiumPrintPort(dir.path);
    await port.close();
    const pdf = await port.pdf('<!doctype html><p>Seite</p>', { a4: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await port.close();
    await expect(port.print('<p></p>', { printer: 'x', widthMm: 80, heightMm: 100 })).rejects.toThrow(/app window/);
  });
});

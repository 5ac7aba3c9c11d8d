import { join } from 'node:path';
import { writeFileAtomic, writePrivateFile } from '../../../core/durable/atomic-file';
import { fileNamePart } from '../../../core/file-name';
import type { PrintPort } from '../../../printing/print-port';
import type { Elster146aHandover } from '../../../../preload/contract/sign-de/handover';
import type { HandoverFiles, StoreRecord } from '../../../../preload/contract/sign-de/store-record';
import { berlinIsoDate } from '../../../../preload/contract/sign-de/german-format';
import { buildHandover, germanDate } from './build-handover';
import { renderHandoverHtml } from './handover-html';
import { handoverXml } from './handover-xml';

/** Where the store records come from (the wing's `storeRecords`). */
export interface StoreRecordSource {
  get(tssId: string): Promise<StoreRecord>;
}

/** The handover of one store in its three forms, from one handover object. */
export interface HandoverDocumentSet {
  record: StoreRecord;
  handover: Elster146aHandover;
  json: string;
  xml: string;
  pdf: Buffer;
}

/**
 * The handover files of a store: `elster-146a-<store>-<date>.pdf`, `.json` and `.xml` (experimental), written together
 * into `handover/` of the data folder, or into a folder the CLI names.
 */
export class HandoverDocuments {
  constructor(
    private readonly dataDir: string,
    private readonly port: PrintPort,
    private readonly records: StoreRecordSource,
  ) {}

  /** The three forms of the store's handover, made now. */
  async make(tssId: string, now = new Date()): Promise<HandoverDocumentSet> {
    const record = await this.records.get(tssId);
    const handover = buildHandover(record, now);
    const html = renderHandoverHtml(handover, {
      storeName: record.storeName,
      tseDecommissioning: record.tss.decommissioning ? { date: germanDate(record.tss.decommissioning.date) ?? '', reason: record.tss.decommissioning.reason } : null,
    });
    const pdf = await this.port.pdf(html, { a4: true });
    return { record, handover, json: `${JSON.stringify(handover, null, 2)}\n`, xml: handoverXml(handover), pdf };
  }

  /**
   * Makes and writes the three files into the data folder's `handover/` (owner-only), or into `outDir`
   * (the CLI's --out: files 0600, the folder left as the technician made it).
   */
  async save(tssId: string, options: { outDir?: string; now?: Date } = {}): Promise<HandoverFiles> {
    const now = options.now ?? new Date();
    return this.write(await this.make(tssId, now), { outDir: options.outDir, now });
  }

  /** Writes a made handover as `elster-146a-<store>-<date>.{pdf,json,xml}`. */
  async write(set: HandoverDocumentSet, options: { outDir?: string; now: Date }): Promise<HandoverFiles> {
    const dir = options.outDir ?? join(this.dataDir, 'handover');
    // The reference's name for the JSON (§5.5), for all three; a second handover the same day replaces the first.
    const base = join(dir, `elster-146a-${fileNamePart(set.record.storeName, 'store')}-${berlinIsoDate(options.now.toISOString())}`);
    const write = async (path: string, content: Buffer | string) => {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      await (options.outDir ? writeFileAtomic(path, bytes) : writePrivateFile(path, bytes));
      return { path, bytes: bytes.length };
    };
    return {
      pdf: await write(`${base}.pdf`, set.pdf),
      json: await write(`${base}.json`, set.json),
      xml: await write(`${base}.xml`, set.xml),
    };
  }
}

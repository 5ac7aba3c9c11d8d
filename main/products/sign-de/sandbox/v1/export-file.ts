import * as tar from 'tar-stream';
import type { V1ExportRecord, V1State, V1TssRecord } from './state';
import { clientView, transactionView, tssView } from './views';

/**
 * The V1 export's file: a small TAR (§8: its content need not match V2's TAR; VERIFY §4.4/§9.5 for the
 * real layout) with the TSS, its certificate and one JSON file per transaction signed up to the export's
 * request. Every entry's mtime is the request time, so the same export always gives the same bytes.
 */
export async function buildV1ExportFile(v1: V1State, tss: V1TssRecord, record: V1ExportRecord): Promise<Buffer> {
  const clientFilter = record.filters.client_id?.toLowerCase();
  const transactions = Object.values(v1.transactions)
    .filter((tx) => tx.tssId === tss.id && (clientFilter === undefined || tx.clientId === clientFilter))
    .map((tx) => ({ ...tx, steps: tx.steps.filter((step) => step.signature.counter <= record.upToSignatureCounter) }))
    .filter((tx) => tx.steps.length > 0)
    .sort((a, b) => a.number - b.number);
  const entries: { name: string; data: Buffer }[] = [
    { name: 'tss.json', data: json(tssView(tss)) },
    { name: `${tss.certificateSerial}_X509.cer`, data: Buffer.from(tss.certificate, 'base64') },
    ...transactions.map((tx) => ({
      name: `transactions/${String(tx.number).padStart(8, '0')}_${tx.id}.json`,
      data: json(transactionView(tx, tss, v1.clients[tx.clientId])),
    })),
    {
      name: 'clients.json',
      data: json(Object.values(v1.clients).filter((c) => c.tssId === tss.id).sort((a, b) => a.timeCreation - b.timeCreation || a.id.localeCompare(b.id)).map(clientView)),
    },
  ];
  const pack = tar.pack();
  const mtime = new Date(record.timeRequest * 1000);
  for (const entry of entries) pack.entry({ name: entry.name, size: entry.data.byteLength, mode: 0o644, mtime }, entry.data);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

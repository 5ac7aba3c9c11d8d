import * as tar from 'tar-stream';
import type { V1ExportRecord, V1State, V1TssRecord } from './state';
import { V1_SIGNATURE_ALGORITHM } from './views';

/**
 * The V1 export's file: a small TAR (§8: its content need not match V2's TAR; VERIFY §4.4/§9.5 for the
 * real layout) with the TSS, its certificate and one file per transaction step (Start, Update, Finish)
 * signed up to the export's request. Every entry's mtime is the request time, so the same export always
 * gives the same bytes.
 */
export async function buildV1ExportFile(v1: V1State, tss: V1TssRecord, record: V1ExportRecord): Promise<Buffer> {
  const clientFilter = record.filters.client_id?.toLowerCase();
  // One file per signed step up to the request, written from the step alone: a later step changes nothing in it.
  const steps = Object.values(v1.transactions)
    .filter((tx) => tx.tssId === tss.id && (clientFilter === undefined || tx.clientId === clientFilter))
    .flatMap((tx) => tx.steps.filter((step) => step.signature.counter <= record.upToSignatureCounter).map((step) => ({ tx, step })))
    .sort((a, b) => a.step.signature.counter - b.step.signature.counter);
  const entries: { name: string; data: Buffer }[] = [
    // Only what never changes: a description changed later must not change the file.
    { name: 'tss.json', data: json({ _id: tss.id, certificate_serial: tss.certificateSerial, public_key: tss.publicKey }) },
    { name: `${tss.certificateSerial}_X509.cer`, data: Buffer.from(tss.certificate, 'base64') },
    ...steps.map(({ tx, step }) => ({
      name: `transactions/Sig-${step.signature.counter}_No-${tx.number}_${step.operation}_${tx.id}.json`,
      data: json({
        tx_id: tx.id,
        number: tx.number,
        client_id: tx.clientId,
        revision: step.revision,
        operation: step.operation,
        state: step.state,
        timestamp: step.timestamp,
        time_start: tx.timeStart,
        // A finished transaction's schema no longer changes.
        ...(step.operation === 'Finish' && tx.schema ? { schema: tx.schema } : {}),
        signature: { value: step.signature.value, counter: step.signature.counter, algorithm: V1_SIGNATURE_ALGORITHM, public_key: tss.publicKey },
      }),
    })),
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

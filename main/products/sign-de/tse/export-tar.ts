import * as tar from 'tar-stream';
import { certificateSerialNumber } from './certificate';
import { type SignedLog, readLogFile } from './log-file';

/**
 * A TSS export as TR-03151/TR-03153 lays it out: one file per signed log, named after what it holds,
 * the certificates and an info.csv. ustar, with a PAX header only for names longer than 99 characters.
 */

export interface ExportTss {
  serialNumber: string;
  publicKey: string;
  /** base64 DER, as in the TSS's `certificate`. */
  certificate: string;
  description?: string;
  signatureAlgorithm?: string;
}

export interface ExportContents {
  tss: ExportTss;
  /** Full DER log files (SEQUENCE with signatureValue), in the order they should appear. */
  logs: Uint8Array[];
  /** Further certificates to ship, base64 DER (for instance the issuing CA). */
  chain?: string[];
  /** Unix seconds; also the mtime of every entry so the same export gives the same bytes. */
  exportTime: number;
}

export interface TarEntry {
  name: string;
  data: Buffer;
}

/**
 * info.csv is this project's own layout (fiskaly's is unknown): a header row and one row for the TSS.
 */
export const INFO_CSV_COLUMNS = [
  'tss_serial_number',
  'description',
  'public_key',
  'certificate_serial_number',
  'signature_algorithm',
  'export_time',
] as const;

export async function buildExportTar(contents: ExportContents): Promise<Buffer> {
  const entries: TarEntry[] = [
    ...logEntries(contents.logs),
    { name: `${contents.tss.serialNumber.toLowerCase()}_X509.cer`, data: Buffer.from(contents.tss.certificate, 'base64') },
    ...(contents.chain ?? []).map((certificate) => {
      const der = Buffer.from(certificate, 'base64');
      return { name: `${certificateSerialNumber(der)}_X509.cer`, data: der };
    }),
    { name: 'info.csv', data: Buffer.from(infoCsv(contents), 'utf8') },
  ];
  const pack = tar.pack();
  const mtime = new Date(contents.exportTime * 1000);
  for (const entry of entries) pack.entry({ name: entry.name, size: entry.data.byteLength, mode: 0o644, mtime }, entry.data);
  pack.finalize();
  return collect(pack);
}

export async function readExportTar(archive: Uint8Array): Promise<TarEntry[]> {
  const extract = tar.extract();
  const entries: TarEntry[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const data = await collect(entry);
      if (entry.header.type === 'file') entries.push({ name: entry.header.name, data });
    }
  })();
  extract.end(Buffer.from(archive));
  await done;
  return entries;
}

/** `Unixt_<t>_Sig-<n>_Log-Tra_No-<tx>_<Start|Update|Finish>_Client-<client>.log` or `…_Log-Sys_<event>.log`. */
export function logFileName(log: SignedLog): string {
  const prefix = `Unixt_${log.logTime}_Sig-${log.signatureCounter}`;
  if (log.kind === 'system') return `${prefix}_Log-Sys_${safeNamePart(log.operationType)}`;
  const operation = log.operationType.replace(/Transaction$/, '');
  return `${prefix}_Log-Tra_No-${log.transactionNumber}_${operation}_Client-${safeNamePart(log.clientId)}`;
}

function logEntries(logs: Uint8Array[]): TarEntry[] {
  const seen = new Map<string, number>();
  return logs.map((bytes) => {
    const base = logFileName(readLogFile(bytes));
    // TR-03151's file counter keeps two logs that would share a name apart.
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { name: count === 1 ? `${base}.log` : `${base}_Fc-${count}.log`, data: Buffer.from(bytes) };
  });
}

/** A client serial may hold "/" and other characters file systems dislike; they become "-". */
function safeNamePart(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return value.replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '-');
}

function infoCsv(contents: ExportContents): string {
  const row = [
    contents.tss.serialNumber.toLowerCase(),
    contents.tss.description ?? '',
    contents.tss.publicKey,
    certificateSerialNumber(Buffer.from(contents.tss.certificate, 'base64')),
    contents.tss.signatureAlgorithm ?? 'ecdsa-plain-SHA256',
    String(contents.exportTime),
  ];
  return [INFO_CSV_COLUMNS.join(','), row.map(csvField).join(',')].map((line) => `${line}\r\n`).join('');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

type EntryStream = tar.ExtractEvents['entry'][1];

function collect(stream: tar.Pack | EntryStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    stream.on('data', (chunk) => {
      chunks.push(chunk as Uint8Array);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

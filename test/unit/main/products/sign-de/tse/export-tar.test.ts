import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxCa, issueTssCertificate, sandboxCaCertificate, certificateSerialNumber } from '../../../../../../main/products/sign-de/tse/certificate';
import { buildExportTar, readExportTar } from '../../../../../../main/products/sign-de/tse/export-tar';
import { readLogFile } from '../../../../../../main/products/sign-de/tse/log-file';
import { type TssKey, generateTssKey, signLog, verifyLogSignature } from '../../../../../../main/products/sign-de/tse/signer';
import { type SystemLogInput, encodeSystemLog, encodeSystemLogFile } from '../../../../../../main/products/sign-de/tse/system-log';
import { type TransactionLogInput, encodeTransactionLog, encodeTransactionLogFile } from '../../../../../../main/products/sign-de/tse/transaction-log';
import { makeTempDir } from '../../../../../support/temp-dir';

const LONG_CLIENT = `ERS ${'x'.repeat(66)}`;

function signedTransactionLog(tss: TssKey, input: Omit<TransactionLogInput, 'serialNumber'>): Uint8Array {
  const full = { ...input, serialNumber: tss.serialNumber };
  return encodeTransactionLogFile(full, Buffer.from(signLog(tss.privateKey, encodeTransactionLog(full)), 'base64'));
}

function signedSystemLog(tss: TssKey, input: Omit<SystemLogInput, 'serialNumber'>): Uint8Array {
  const full = { ...input, serialNumber: tss.serialNumber };
  return encodeSystemLogFile(full, Buffer.from(signLog(tss.privateKey, encodeSystemLog(full)), 'base64'));
}

describe('the export TAR', () => {
  const tss = generateTssKey();
  const dir = makeTempDir();
  let archive: Buffer;
  let certificate: string;
  let caCertificate: string;

  beforeAll(async () => {
    const ca = await createSandboxCa();
    certificate = await issueTssCertificate(ca, tss.publicKey);
    caCertificate = sandboxCaCertificate(ca);
    const tx = { clientId: 'Kasse/1', transactionNumber: 1, processType: 'Kassenbeleg-V1' };
    const logs = [
      signedSystemLog(tss, { operationType: 'UpdateDevice', systemOperationData: 'UNINITIALIZED', signatureCounter: 24, logTime: 1700000000 }),
      signedSystemLog(tss, { operationType: 'AuthenticateUser', systemOperationData: 'admin', signatureCounter: 25, logTime: 1700000001 }),
      signedTransactionLog(tss, { ...tx, operationType: 'StartTransaction', processType: '', processData: '', signatureCounter: 26, logTime: 1700000010 }),
      signedTransactionLog(tss, { ...tx, operationType: 'UpdateTransaction', processData: 'Beleg^1.00_0.00_0.00_0.00_0.00^', signatureCounter: 27, logTime: 1700000011 }),
      signedTransactionLog(tss, {
        ...tx,
        operationType: 'FinishTransaction',
        processData: 'Beleg^1.00_0.00_0.00_0.00_0.00^1.00:Bar',
        signatureCounter: 28,
        logTime: 1700000012,
      }),
      signedTransactionLog(tss, {
        clientId: LONG_CLIENT,
        transactionNumber: 2,
        operationType: 'StartTransaction',
        processType: '',
        processData: '',
        signatureCounter: 29,
        logTime: 1700000020,
      }),
    ];
    archive = await buildExportTar({
      tss: { serialNumber: tss.serialNumber, publicKey: tss.publicKey, certificate, description: 'Filiale 7, Kasse "A"' },
      logs: [...logs, logs[1]!],
      chain: [caCertificate],
      exportTime: 1700000100,
    });
  });
  afterAll(() => dir.remove());

  it('names every file as TR-03151 does', async () => {
    const names = (await readExportTar(archive)).map((entry) => entry.name);
    expect(names).toEqual([
      'Unixt_1700000000_Sig-24_Log-Sys_UpdateDevice.log',
      'Unixt_1700000001_Sig-25_Log-Sys_AuthenticateUser.log',
      'Unixt_1700000010_Sig-26_Log-Tra_No-1_Start_Client-Kasse-1.log',
      'Unixt_1700000011_Sig-27_Log-Tra_No-1_Update_Client-Kasse-1.log',
      'Unixt_1700000012_Sig-28_Log-Tra_No-1_Finish_Client-Kasse-1.log',
      `Unixt_1700000020_Sig-29_Log-Tra_No-2_Start_Client-${LONG_CLIENT}.log`,
      'Unixt_1700000001_Sig-25_Log-Sys_AuthenticateUser_Fc-2.log',
      `${tss.serialNumber}_X509.cer`,
      `${certificateSerialNumber(Buffer.from(caCertificate, 'base64'))}_X509.cer`,
      'info.csv',
    ]);
    expect(names[5]!.length).toBeGreaterThan(99);
  });

  it('holds logs whose signatures verify with the TSS key', async () => {
    const logs = (await readExportTar(archive)).filter((entry) => entry.name.endsWith('.log'));
    expect(logs).toHaveLength(7);
    for (const entry of logs) {
      const log = readLogFile(entry.data);
      expect(log.serialNumber).toBe(tss.serialNumber);
      expect(entry.name).toContain(`_Sig-${log.signatureCounter}_`);
      const signature = Buffer.from(log.signatureValue).toString('base64');
      expect(verifyLogSignature(tss.publicKey, log.signedData, signature, log.signatureAlgorithm), entry.name).toBe(true);
    }
  });

  it('holds the certificates as DER and an info.csv', async () => {
    const entries = await readExportTar(archive);
    const file = (name: string): Buffer => entries.find((entry) => entry.name === name)!.data;
    expect(file(`${tss.serialNumber}_X509.cer`).equals(Buffer.from(certificate, 'base64'))).toBe(true);
    const csv = file('info.csv').toString('utf8');
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, row, ...rest] = csv.split('\r\n');
    expect(header).toBe('tss_serial_number,description,public_key,certificate_serial_number,signature_algorithm,export_time');
    expect(rest).toEqual(['']);
    const [serial, description, publicKey, certificateSerial, algorithm, exportTime] = row!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect([serial, description, publicKey, algorithm, exportTime]).toEqual([
      tss.serialNumber,
      '"Filiale 7, Kasse ""A"""',
      tss.publicKey,
      'ecdsa-plain-SHA256',
      '1700000100',
    ]);
    expect(BigInt(`0x${certificateSerial}`)).toBe(BigInt(`0x${tss.serialNumber}`));
  });

  it('is a ustar archive with fixed entry times, that GNU tar can list too', async () => {
    expect(archive.subarray(257, 263).toString('latin1')).toBe('ustar\0');
    expect(archive.length % 512).toBe(0);
    expect((await buildExportTar({ tss: { serialNumber: tss.serialNumber, publicKey: tss.publicKey, certificate }, logs: [], exportTime: 5 })).equals(
      await buildExportTar({ tss: { serialNumber: tss.serialNumber, publicKey: tss.publicKey, certificate }, logs: [], exportTime: 5 }),
    )).toBe(true);
    if (!existsSync('/usr/bin/tar') && !existsSync('/bin/tar')) return;
    const path = join(dir.path, 'export.tar');
    writeFileSync(path, archive);
    const listed = execFileSync('tar', ['-tf', path], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual((await readExportTar(archive)).map((entry) => entry.name));
  });

  it('refuses a log that is not a TR-03151 log', async () => {
    await expect(
      buildExportTar({ tss: { serialNumber: tss.serialNumber, publicKey: tss.publicKey, certificate }, logs: [Buffer.from('nope')], exportTime: 1 }),
    ).rejects.toThrow();
  });

  it('rejects a damaged archive', async () => {
    const damaged = Buffer.from(archive);
    damaged[148] = 0x41;
    await expect(readExportTar(damaged)).rejects.toThrow();
  });
});

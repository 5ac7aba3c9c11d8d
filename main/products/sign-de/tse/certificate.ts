import 'reflect-metadata';
import { createPrivateKey } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { serialNumberOfPublicKey } from './serial-number';
import { publicKeyFromRawPoint } from './signer';

/**
 * The sandbox's stand-in for fiskaly's certificate chain, shaped like the real TEST certificates:
 * a P-384 CA signing with ECDSA-SHA384 and a one-year certificate per TSS whose serial number is the TSS
 * serial_number.
 */

x509.cryptoProvider.set(globalThis.crypto);

const CA_SUBJECT = 'CN=TSS Companion Sandbox CA,O=TSS Companion';
const TSS_SUBJECT = 'CN=TSS Companion Sandbox TSE,O=TSS Companion';
const CA_KEY_ALGORITHM: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-384' };
const SIGNING_ALGORITHM: EcdsaParams = { name: 'ECDSA', hash: 'SHA-384' };
const CA_VALIDITY_YEARS = 25;
const TSS_VALIDITY_YEARS = 1;

/** Plain PEM text, so a sandbox can store it and load the same CA on every start. */
export interface SandboxCa {
  certificatePem: string;
  privateKeyPem: string;
}

export async function createSandboxCa(now: Date = new Date()): Promise<SandboxCa> {
  const keys = (await crypto.subtle.generateKey(CA_KEY_ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = wholeSeconds(now);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumber(),
    name: CA_SUBJECT,
    notBefore,
    notAfter: yearsLater(notBefore, CA_VALIDITY_YEARS),
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    certificatePem: certificate.toString('pem'),
    privateKeyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
  };
}

/**
 * Issues the certificate for a TSS public key (base64 raw point, as in the TSS's public_key). Its serial
 * number is the TSS serial_number. Returns base64 DER without PEM armour, like fiskaly's `certificate`.
 */
export async function issueTssCertificate(ca: SandboxCa, tssPublicKey: string, now: Date = new Date()): Promise<string> {
  const point = new Uint8Array(Buffer.from(tssPublicKey, 'base64'));
  const subjectKey = publicKeyFromRawPoint(point);
  const caCertificate = new x509.X509Certificate(ca.certificatePem);
  const caKeyId = caCertificate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  if (!caKeyId) throw new Error('the CA certificate has no subject key identifier');
  const signingKey = await crypto.subtle.importKey('pkcs8', pkcs8Der(ca.privateKeyPem), CA_KEY_ALGORITHM, false, ['sign']);
  const notBefore = wholeSeconds(now);

  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumberOfPublicKey(point),
    subject: TSS_SUBJECT,
    issuer: caCertificate.subjectName,
    notBefore,
    notAfter: yearsLater(notBefore, TSS_VALIDITY_YEARS),
    publicKey: new Uint8Array(subjectKey.export({ type: 'spki', format: 'der' })),
    signingKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.AuthorityKeyIdentifierExtension(caKeyId),
    ],
  });
  return Buffer.from(certificate.rawData).toString('base64');
}

/** The CA certificate as base64 DER, e.g. for the certificate chain in an export. */
export function sandboxCaCertificate(ca: SandboxCa): string {
  return Buffer.from(new x509.X509Certificate(ca.certificatePem).rawData).toString('base64');
}

/** Lowercase hex of the INTEGER's value (no sign byte, no leading zero bytes). */
export function certificateSerialNumber(der: Uint8Array): string {
  return new x509.X509Certificate(Uint8Array.from(der)).serialNumber.toLowerCase();
}

function pkcs8Der(pem: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createPrivateKey({ key: pem, format: 'pem' }).export({ type: 'pkcs8', format: 'der' }));
}

function randomSerialNumber(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

function yearsLater(date: Date, years: number): Date {
  const later = new Date(date);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return later;
}

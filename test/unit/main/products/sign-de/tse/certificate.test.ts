import 'reflect-metadata';
import { X509Certificate, createHash, createPublicKey } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SandboxCa, createSandboxCa, issueTssCertificate, sandboxCaCertificate } from '../../../../../../main/products/sign-de/tse/certificate';
import { generateTssKey } from '../../../../../../main/products/sign-de/tse/signer';
import { spkiPublicKey } from './hand-made-log';

const serialValue = (hex: string): bigint => BigInt(`0x${hex}`);
const issuedAt = new Date('2026-03-01T10:20:30.456Z');

describe('the sandbox certificates', () => {
  let ca: SandboxCa;
  let caCertificate: X509Certificate;
  beforeAll(async () => {
    ca = await createSandboxCa(issuedAt);
    caCertificate = new X509Certificate(ca.certificatePem);
  });

  it('has a P-384 CA that signs itself with ECDSA-SHA384', () => {
    expect(caCertificate.subject).toBe('CN=TSS Companion Sandbox CA\nO=TSS Companion');
    expect(caCertificate.issuer).toBe(caCertificate.subject);
    expect(caCertificate.ca).toBe(true);
    expect(caCertificate.publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
    expect(caCertificate.verify(caCertificate.publicKey)).toBe(true);
    expect(ca.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('issues a one-year TSS certificate for the TSS key, with the TSS serial number as certificate serial', async () => {
    const tss = generateTssKey();
    const der = Buffer.from(await issueTssCertificate(ca, tss.publicKey, issuedAt), 'base64');
    expect(der[0]).toBe(0x30);
    const certificate = new X509Certificate(der);

    expect(certificate.verify(caCertificate.publicKey)).toBe(true);
    expect(certificate.checkIssued(caCertificate)).toBe(true);
    expect(certificate.subject).toBe('CN=TSS Companion Sandbox TSE\nO=TSS Companion');
    expect(certificate.issuer).toBe(caCertificate.subject);
    expect(certificate.ca).toBe(false);
    expect(serialValue(certificate.serialNumber)).toBe(serialValue(tss.serialNumber));

    const point = Buffer.from(tss.publicKey, 'base64');
    const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
    expect(spki.equals(spkiPublicKey(point, 'P-256').export({ type: 'spki', format: 'der' }))).toBe(true);
    expect(createHash('sha256').update(point).digest('hex')).toBe(tss.serialNumber);

    expect(new Date(certificate.validFrom).toISOString()).toBe('2026-03-01T10:20:30.000Z');
    expect(new Date(certificate.validTo).toISOString()).toBe('2027-03-01T10:20:30.000Z');
  });

  it('marks keyUsage digitalSignature and basicConstraints CA=false critical, and names the CA key', async () => {
    const tss = generateTssKey();
    const certificate = new x509.X509Certificate(await issueTssCertificate(ca, tss.publicKey));
    const keyUsage = certificate.getExtension(x509.KeyUsagesExtension);
    expect(keyUsage?.critical).toBe(true);
    expect(keyUsage?.usages).toBe(x509.KeyUsageFlags.digitalSignature);
    const basic = certificate.getExtension(x509.BasicConstraintsExtension);
    expect(basic?.critical).toBe(true);
    expect(basic?.ca).toBe(false);
    const authorityKey = certificate.getExtension(x509.AuthorityKeyIdentifierExtension);
    const caKey = new x509.X509Certificate(ca.certificatePem).getExtension(x509.SubjectKeyIdentifierExtension);
    expect(authorityKey?.keyId).toBeTruthy();
    expect(authorityKey?.keyId).toBe(caKey?.keyId);
    expect(certificate.signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-384' } });
  });

  it('keeps serial numbers whose top bit is set positive', async () => {
    let tss = generateTssKey();
    while (Number.parseInt(tss.serialNumber[0] ?? '0', 16) < 8) tss = generateTssKey();
    const certificate = new X509Certificate(Buffer.from(await issueTssCertificate(ca, tss.publicKey), 'base64'));
    expect(certificate.serialNumber.toLowerCase().replace(/^0+/, '')).toBe(tss.serialNumber.replace(/^0+/, ''));
  });

  it('issues from a CA loaded back from its PEM text', async () => {
    const stored: SandboxCa = JSON.parse(JSON.stringify(ca));
    const certificate = new X509Certificate(Buffer.from(await issueTssCertificate(stored, generateTssKey().publicKey), 'base64'));
    expect(certificate.verify(caCertificate.publicKey)).toBe(true);
    expect(Buffer.from(sandboxCaCertificate(stored), 'base64').equals(caCertificate.raw)).toBe(true);
  });

  it('refuses a public key that is not a raw P-256 point', async () => {
    const spki = createPublicKey(generateTssKey().privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
    await expect(issueTssCertificate(ca, spki)).rejects.toThrow();
  });
});

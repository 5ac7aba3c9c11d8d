import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_WARNING_DAYS, certificateExpiry } from '../../../../../../main/products/sign-de/store/certificate-expiry';
import { createSandboxCa, issueTssCertificate } from '../../../../../../main/products/sign-de/tse';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A TSS public key as fiskaly gives it: the raw uncompressed P-256 point, base64. */
function tssPublicKey(): string {
  const spki = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'der' });
  return spki.subarray(spki.length - 65).toString('base64');
}

describe('the TSS certificate’s expiry', () => {
  it('reads notAfter from the base64 DER certificate, counts the days left and warns when near', async () => {
    const issued = new Date('2026-01-10T12:00:00Z');
    const certificate = await issueTssCertificate(await createSandboxCa(issued), tssPublicKey(), issued);
    const fresh = certificateExpiry(certificate, new Date('2026-02-01T00:00:00Z'))!;
    expect(fresh.notAfter).toBe('2027-01-10T12:00:00.000Z');
    expect(fresh.warning).toBe(false);
    const near = certificateExpiry(certificate, new Date(Date.parse(fresh.notAfter) - 10 * DAY_MS - 1000))!;
    expect(near).toMatchObject({ daysLeft: 10, warning: true });
    expect(certificateExpiry(certificate, new Date(Date.parse(fresh.notAfter) - (CERTIFICATE_WARNING_DAYS + 1) * DAY_MS - 1000))!.warning).toBe(false);
    expect(certificateExpiry(certificate, new Date(Date.parse(fresh.notAfter) + DAY_MS))!.daysLeft).toBeLessThan(0);
  });

  it('is null without a certificate or with one that does not parse', () => {
    expect(certificateExpiry(undefined)).toBeNull();
    expect(certificateExpiry('bm90IGEgY2VydGlmaWNhdGU=')).toBeNull();
  });
});

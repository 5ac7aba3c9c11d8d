import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import type { CertificateExpiry } from '../../../../preload/contract/sign-de/tss';

/**
 * A TSS certificate's end of validity, from fiskaly's `certificate` (base64 DER; the sandbox issues the
 * same shape). VERIFY: fiskaly's TSE certificates are valid for a fixed period from their issue; the
 * technician renews in time (a new TSS) and the overview warns this many days ahead.
 */
export const CERTIFICATE_WARNING_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** null when there is no certificate (a TSS not yet deployed) or it does not parse. */
export function certificateExpiry(base64Der: string | undefined, now: Date = new Date()): CertificateExpiry | null {
  if (!base64Der) return null;
  let notAfter: Date;
  try {
    notAfter = new x509.X509Certificate(new Uint8Array(Buffer.from(base64Der, 'base64'))).notAfter;
  } catch {
    return null;
  }
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
  return { notAfter: notAfter.toISOString(), daysLeft, warning: daysLeft <= CERTIFICATE_WARNING_DAYS };
}

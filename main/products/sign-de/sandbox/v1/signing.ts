import type { KeyObject } from 'node:crypto';
import { signLog, tssKeyFromPkcs8Pem } from '../../tse';
import type { V1Signature, V1TssRecord } from './state';

const keys = new Map<string, KeyObject>();

/**
 * Signs one V1 transaction step with the TSS's key and raises its signature counter. V1's signed-data
 * layout is not known (and not needed for a migration): the sandbox signs a plain text of the step.
 */
export function signV1Step(tss: V1TssRecord, text: string): V1Signature {
  let key = keys.get(tss.id);
  if (!key) {
    key = tssKeyFromPkcs8Pem(tss.privateKeyPem).privateKey;
    keys.set(tss.id, key);
  }
  const counter = tss.signatureCounter + 1;
  const value = signLog(key, new TextEncoder().encode(`${tss.certificateSerial};${counter};${text}`));
  tss.signatureCounter = counter;
  return { value, counter };
}

/** After a reset. */
export function forgetV1SigningKeys(): void {
  keys.clear();
}

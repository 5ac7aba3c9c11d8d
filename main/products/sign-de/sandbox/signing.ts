import type { KeyObject } from 'node:crypto';
import {
  type SystemLogOperation,
  type TransactionLogInput,
  encodeSystemLog,
  encodeTransactionLog,
  signLog,
  tssKeyFromPkcs8Pem,
  wrapSignedLogData,
} from '../tse';
import type { SandboxContext } from './context';
import type { TssRecord } from './state';

const keys = new Map<string, KeyObject>();

/** The TSS signing key, parsed once per TSS. */
function signingKey(tss: TssRecord): KeyObject {
  let key = keys.get(tss.id);
  if (!key) {
    key = tssKeyFromPkcs8Pem(tss.privateKeyPem).privateKey;
    keys.set(tss.id, key);
  }
  return key;
}

export interface Signature {
  value: string;
  counter: number;
  time: number;
}

/**
 * Every system event (admin login, logout, PIN change, state change, client registration) is a signed
 * system log that raises the TSS's one signature counter, as on the real TSS.
 */
export function signSystemLog(ctx: SandboxContext, tss: TssRecord, operation: SystemLogOperation, data: string): Signature {
  const counter = tss.signatureCounter + 1;
  const time = ctx.now();
  const input = {
    operationType: operation,
    systemOperationData: data,
    serialNumber: tss.serialNumber,
    signatureCounter: counter,
    logTime: time,
  };
  return keep(tss, 'system', counter, time, encodeSystemLog(input));
}

/** Signs one transaction log (Start, Update or Finish) with the next counter value and keeps it for exports. */
export function signTransactionLog(
  ctx: SandboxContext,
  tss: TssRecord,
  log: Omit<TransactionLogInput, 'serialNumber' | 'signatureCounter' | 'logTime'>,
): Signature {
  const counter = tss.signatureCounter + 1;
  const time = ctx.now();
  const input: TransactionLogInput = { ...log, serialNumber: tss.serialNumber, signatureCounter: counter, logTime: time };
  return keep(tss, 'transaction', counter, time, encodeTransactionLog(input));
}

/** Signs encoded log bytes, raises the counter and keeps the whole log file for exports. */
function keep(tss: TssRecord, kind: 'system' | 'transaction', counter: number, time: number, signed: Uint8Array): Signature {
  const value = signLog(signingKey(tss), signed);
  tss.signatureCounter = counter;
  const file = wrapSignedLogData(signed, Buffer.from(value, 'base64'));
  tss.logs.push({ kind, counter, time, file: Buffer.from(file).toString('base64') });
  return { value, counter, time };
}

/** Forgets parsed keys, after a reset. */
export function forgetSigningKeys(): void {
  keys.clear();
}

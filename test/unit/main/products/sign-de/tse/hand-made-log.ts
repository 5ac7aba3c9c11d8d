import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * A Finish log assembled byte by byte, without the encoder under test, so that tests can check the
 * encoder and the signer against something independent.
 */
export interface HandMadeFinish {
  clientId: string;
  processData: string;
  processType: string;
  transactionNumber: number;
  publicKey: Buffer;
  signatureCounter: number;
  logTime: number;
  sha384?: boolean;
}

export function handMadeFinishLog(fields: HandMadeFinish): Buffer {
  const serial = createHash('sha256').update(fields.publicKey).digest();
  return Buffer.concat([
    Buffer.from('020102', 'hex'),
    Buffer.from('060904007f000703070101', 'hex'),
    shortTlv(0x80, Buffer.from('FinishTransaction')),
    shortTlv(0x81, Buffer.from(fields.clientId)),
    shortTlv(0x82, Buffer.from(fields.processData)),
    shortTlv(0x83, Buffer.from(fields.processType)),
    shortTlv(0x85, integerContent(fields.transactionNumber)),
    shortTlv(0x04, serial),
    Buffer.from(fields.sha384 ? '300c060a04007f00070101040104' : '300c060a04007f00070101040103', 'hex'),
    shortTlv(0x02, integerContent(fields.signatureCounter)),
    shortTlv(0x02, integerContent(fields.logTime)),
  ]);
}

/** Big-endian bytes, plus a 00 when the top bit is set (positive two's complement). */
function integerContent(value: number): Buffer {
  let text = value.toString(16);
  if (text.length % 2) text = `0${text}`;
  const bytes = Buffer.from(text, 'hex');
  return (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
}

function shortTlv(tag: number, content: Buffer): Buffer {
  if (content.length >= 128) throw new Error('hand-made logs use short lengths only');
  return Buffer.concat([Buffer.from([tag, content.length]), content]);
}

/** SubjectPublicKeyInfo for a raw point, from fixed DER prefixes (RFC 5480). */
export function spkiPublicKey(point: Buffer, curve: 'P-256' | 'P-384' | 'brainpoolP384r1'): KeyObject {
  const prefix = {
    'P-256': '3059301306072a8648ce3d020106082a8648ce3d030107034200',
    'P-384': '3076301006072a8648ce3d020106052b81040022036200',
    brainpoolP384r1: '307a301406072a8648ce3d020106092b240303020801010b036200',
  }[curve];
  return createPublicKey({ key: Buffer.concat([Buffer.from(prefix, 'hex'), point]), format: 'der', type: 'spki' });
}

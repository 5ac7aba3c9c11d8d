import * as asn1js from 'asn1js';
import { serialNumberBytes } from './serial-number';
import { type SignatureAlgorithm, signatureAlgorithmFromOid, signatureAlgorithmOid } from './signature-algorithm';

/**
 * The TR-03151 LogMessage: what a TSS signs and what an export TAR stores.
 *
 * The signature covers the concatenation of the DER TLVs of every field but the last (no outer SEQUENCE);
 * a log file is SEQUENCE { those fields, signatureValue OCTET STRING }.
 */

const LOG_MESSAGE_VERSION = 2;
const CONTEXT_SPECIFIC = 3;

/** One element of certifiedData: an IMPLICIT context tag [tag] over the raw content bytes. */
export interface TaggedField {
  tag: number;
  content: Uint8Array;
}

export interface LogMessageFields {
  certifiedDataType: string;
  certifiedData: TaggedField[];
  /** SHA-256 of the TSS public key, 32 bytes. */
  serialNumber: Uint8Array;
  signatureAlgorithm: SignatureAlgorithm;
  signatureCounter: number;
  /** Unix seconds; only the unixTime format is supported. */
  logTime: number;
}

export interface ParsedLogMessage extends LogMessageFields {
  version: number;
  seAuditData?: Uint8Array;
  signatureValue: Uint8Array;
  /** The exact bytes of the file that the signature covers. */
  signedData: Uint8Array;
}

export class LogMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogMessageError';
  }
}

/** What every log carries after its own data: which TSS, which algorithm, which counter, when. */
export interface LogTrailerInput {
  /** The TSS serial_number (64 hex digits). */
  serialNumber: string;
  signatureAlgorithm?: SignatureAlgorithm;
  signatureCounter: number;
  /** Unix seconds. */
  logTime: number;
}

export function logTrailer(input: LogTrailerInput): Pick<LogMessageFields, 'serialNumber' | 'signatureAlgorithm' | 'signatureCounter' | 'logTime'> {
  return {
    serialNumber: serialNumberBytes(input.serialNumber),
    signatureAlgorithm: input.signatureAlgorithm ?? 'ecdsa-plain-SHA256',
    signatureCounter: input.signatureCounter,
    logTime: input.logTime,
  };
}

/**
 * The bytes a TSS signs for these fields. The sandbox signs one per request, so the constant parts (the
 * two OIDs, encoded once by asn1js) are memoized and the variable TLVs are written directly.
 */
export function encodeSignedLogData(fields: LogMessageFields): Uint8Array {
  if (fields.serialNumber.byteLength !== 32) throw new LogMessageError('serialNumber must be the 32-byte SHA-256 of the public key');
  return concat([
    tlv(0x02, integerContent(LOG_MESSAGE_VERSION)),
    memoizedDer(`oid:${fields.certifiedDataType}`, () => new asn1js.ObjectIdentifier({ value: fields.certifiedDataType })),
    ...fields.certifiedData.map((field) => tlv(contextTag(field.tag), field.content)),
    tlv(0x04, fields.serialNumber),
    // TR-03111 algorithms take no parameters, so the SEQUENCE holds the OID alone.
    memoizedDer(`alg:${fields.signatureAlgorithm}`, () => new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: signatureAlgorithmOid(fields.signatureAlgorithm) })] })),
    tlv(0x02, integerContent(fields.signatureCounter)),
    tlv(0x02, integerContent(fields.logTime)),
  ]);
}

/** A complete log file as stored in an export TAR. */
export function encodeLogFile(fields: LogMessageFields, signatureValue: Uint8Array): Uint8Array {
  return wrapSignedLogData(encodeSignedLogData(fields), signatureValue);
}

const derCache = new Map<string, Uint8Array>();
function memoizedDer(key: string, block: () => asn1js.BaseBlock): Uint8Array {
  let bytes = derCache.get(key);
  if (!bytes) {
    bytes = new Uint8Array(block().toBER());
    derCache.set(key, bytes);
  }
  return bytes;
}

/** An IMPLICIT context-specific primitive tag [n] (low-tag form, n < 31). */
function contextTag(tag: number): number {
  if (!Number.isInteger(tag) || tag < 0 || tag > 30) throw new LogMessageError(`unsupported context tag [${tag}]`);
  return 0x80 | tag;
}

function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concat([Uint8Array.of(tag), derLength(content.length), content]);
}

/**
 * The log file for bytes already encoded by encodeSignedLogData: SEQUENCE { signed fields, signature }.
 * Same bytes as encodeLogFile, without encoding the fields a second time (the sandbox signs on a hot path).
 */
export function wrapSignedLogData(signedData: Uint8Array, signatureValue: Uint8Array): Uint8Array {
  const signature = concat([Uint8Array.of(0x04), derLength(signatureValue.length), signatureValue]);
  return concat([Uint8Array.of(0x30), derLength(signedData.length + signature.length), signedData, signature]);
}

function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** Minimal two's-complement content bytes of a non-negative INTEGER, as used under an implicit tag. */
export function integerContent(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new LogMessageError(`not a non-negative integer: ${value}`);
  const hex = value.toString(16);
  const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  // A leading 1 bit would read as negative: DER puts a 0x00 in front.
  return (bytes[0] ?? 0) & 0x80 ? concat([Uint8Array.of(0), bytes]) : new Uint8Array(bytes);
}

export function parseLogFile(bytes: Uint8Array): ParsedLogMessage {
  const decoded = asn1js.fromBER(bytes);
  if (decoded.offset === -1) throw new LogMessageError(`not DER: ${decoded.result.error}`);
  if (decoded.offset !== bytes.byteLength) throw new LogMessageError('trailing bytes after the log message');
  if (!(decoded.result instanceof asn1js.Sequence)) throw new LogMessageError('a log message must be a SEQUENCE');

  const elements = decoded.result.valueBlock.value;
  const reader = new ElementReader(elements);
  const version = reader.integer('version');
  if (version !== LOG_MESSAGE_VERSION) throw new LogMessageError(`unsupported version ${version}`);
  const certifiedDataType = reader.oid('certifiedDataType');

  const certifiedData: TaggedField[] = [];
  while (reader.peekIsContextPrimitive()) certifiedData.push(reader.taggedField());

  const serialNumber = reader.octetString('serialNumber');
  const signatureAlgorithm = reader.signatureAlgorithm();
  const seAuditData = reader.peekIsOctetStringFollowedByIntegers() ? reader.octetString('seAuditData') : undefined;
  const signatureCounter = reader.integer('signatureCounter');
  const logTime = reader.integer('logTime (only unixTime is supported)');
  const signatureValue = reader.octetString('signatureValue');
  reader.expectEnd();

  const signedData = concat(elements.slice(0, -1).map((element) => new Uint8Array(element.valueBeforeDecodeView)));
  return {
    version,
    certifiedDataType,
    certifiedData,
    serialNumber,
    signatureAlgorithm,
    ...(seAuditData === undefined ? {} : { seAuditData }),
    signatureCounter,
    logTime,
    signatureValue,
    signedData,
  };
}



/** Reads a non-negative INTEGER from its two's-complement content bytes. */
export function integerFromContent(content: Uint8Array, name: string): number {
  if (content.byteLength === 0) throw new LogMessageError(`${name}: empty INTEGER`);
  if ((content[0] ?? 0) & 0x80) throw new LogMessageError(`${name}: negative INTEGER`);
  const value = BigInt(`0x${Buffer.from(content).toString('hex')}`);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new LogMessageError(`${name}: INTEGER too large`);
  return Number(value);
}

class ElementReader {
  private index = 0;

  constructor(private readonly elements: asn1js.AsnType[]) {}

  integer(name: string): number {
    const element = this.next(name);
    if (!(element instanceof asn1js.Integer)) throw new LogMessageError(`${name}: expected an INTEGER`);
    return integerFromContent(new Uint8Array(element.valueBlock.valueHexView), name);
  }

  oid(name: string): string {
    const element = this.next(name);
    if (!(element instanceof asn1js.ObjectIdentifier)) throw new LogMessageError(`${name}: expected an OBJECT IDENTIFIER`);
    return element.getValue();
  }

  octetString(name: string): Uint8Array {
    const element = this.next(name);
    if (!(element instanceof asn1js.OctetString) || element.idBlock.isConstructed) {
      throw new LogMessageError(`${name}: expected a primitive OCTET STRING`);
    }
    return new Uint8Array(element.valueBlock.valueHexView);
  }

  taggedField(): TaggedField {
    const element = this.next('certifiedData');
    if (!(element instanceof asn1js.Primitive)) throw new LogMessageError('certifiedData: expected a primitive context-specific field');
    return { tag: element.idBlock.tagNumber, content: new Uint8Array(element.valueBlock.valueHexView) };
  }

  signatureAlgorithm(): SignatureAlgorithm {
    const element = this.next('signatureAlgorithm');
    const [oid] = element instanceof asn1js.Sequence ? element.valueBlock.value : [];
    if (!(oid instanceof asn1js.ObjectIdentifier)) throw new LogMessageError('signatureAlgorithm: expected SEQUENCE { OBJECT IDENTIFIER }');
    const algorithm = signatureAlgorithmFromOid(oid.getValue());
    if (!algorithm) throw new LogMessageError(`signatureAlgorithm: unsupported OID ${oid.getValue()}`);
    return algorithm;
  }

  peekIsContextPrimitive(): boolean {
    const element = this.elements[this.index];
    return element !== undefined && element.idBlock.tagClass === CONTEXT_SPECIFIC && !element.idBlock.isConstructed;
  }

  /** seAuditData is optional and only recognisable by what follows it: counter, time, signature. */
  peekIsOctetStringFollowedByIntegers(): boolean {
    return this.elements[this.index] instanceof asn1js.OctetString && this.elements[this.index + 1] instanceof asn1js.Integer;
  }

  expectEnd(): void {
    if (this.index !== this.elements.length) throw new LogMessageError('unexpected fields after signatureValue');
  }

  private next(name: string): asn1js.AsnType {
    const element = this.elements[this.index];
    if (element === undefined) throw new LogMessageError(`${name}: missing`);
    this.index += 1;
    return element;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

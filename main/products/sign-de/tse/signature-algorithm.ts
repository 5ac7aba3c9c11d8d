/** The TR-03151 names a TSS prints on receipts; fiskaly only ever uses the SHA-256 one. */
export const SIGNATURE_ALGORITHMS = ['ecdsa-plain-SHA256', 'ecdsa-plain-SHA384'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

interface AlgorithmInfo {
  /** BSI TR-03111 OID, as it appears inside the signed log. */
  oid: string;
  /** node:crypto digest name. */
  hash: 'sha256' | 'sha384';
}

const INFO: Record<SignatureAlgorithm, AlgorithmInfo> = {
  'ecdsa-plain-SHA256': { oid: '0.4.0.127.0.7.1.1.4.1.3', hash: 'sha256' },
  'ecdsa-plain-SHA384': { oid: '0.4.0.127.0.7.1.1.4.1.4', hash: 'sha384' },
};

export function isSignatureAlgorithm(value: string): value is SignatureAlgorithm {
  return (SIGNATURE_ALGORITHMS as readonly string[]).includes(value);
}

export function signatureAlgorithmOid(algorithm: SignatureAlgorithm): string {
  return INFO[algorithm].oid;
}

export function signatureAlgorithmHash(algorithm: SignatureAlgorithm): 'sha256' | 'sha384' {
  return INFO[algorithm].hash;
}

export function signatureAlgorithmFromOid(oid: string): SignatureAlgorithm | undefined {
  return SIGNATURE_ALGORITHMS.find((name) => INFO[name].oid === oid);
}

import { type SandboxCa, generateTssKey, issueTssCertificate, tssKeyToPkcs8Pem } from '../tse';

const REFILL_DELAY_MS = 1000;

export interface PooledKey {
  privateKeyPem: string;
  publicKey: string;
  serialNumber: string;
  certificate: string;
}

/**
 * Keys and certificates made ahead of time, as fiskaly does (its certificates predate the TSS): a
 * createTss then costs a lookup instead of a key generation and a CA signature.
 */
export class KeyPool {
  private readonly ready: PooledKey[] = [];
  private filling = false;
  private closed = false;

  constructor(
    private readonly ca: SandboxCa,
    private readonly now: () => Date,
    private readonly size = 3,
  ) {
    this.refill();
  }

  async take(): Promise<PooledKey> {
    const key = this.ready.shift() ?? (await this.make());
    this.refill();
    return key;
  }

  close(): void {
    this.closed = true;
  }

  private async make(): Promise<PooledKey> {
    const key = generateTssKey();
    const certificate = await issueTssCertificate(this.ca, key.publicKey, this.now());
    return { privateKeyPem: tssKeyToPkcs8Pem(key), publicKey: key.publicKey, serialNumber: key.serialNumber, certificate };
  }

  /**
   * Tops the pool up one key at a time, a moment after it was drawn from, so the work (a CA signature,
   * some 20 ms of CPU) does not land on the requests that follow a createTss.
   */
  private refill(): void {
    if (this.filling || this.closed || this.ready.length >= this.size) return;
    this.filling = true;
    setTimeout(() => {
      void this.make()
        .then((key) => {
          if (!this.closed) this.ready.push(key);
        })
        .catch(() => {})
        .finally(() => {
          this.filling = false;
          this.refill();
        });
    }, this.ready.length === 0 ? 0 : REFILL_DELAY_MS);
  }
}

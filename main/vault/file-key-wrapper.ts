import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';
import { IV_BYTES, KEY_BYTES, TAG_BYTES, open, randomKey, seal, zero } from './aead';
import type { KeyWrapper } from './key-wrapper';

export const FILE_KEY_NAME = 'vault-keychain.key';
const VERSION = 1;
const AAD = Buffer.from('tss-companion/file-key-wrapper/v1', 'utf8');

/**
 * The keychain's stand-in where there is no OS keychain to trust (tests, the CLI, the browser shell): a
 * random 256-bit key in a 0600 file in the given folder, AES-256-GCM. Like a keychain, unwrap fails when
 * the key is gone or different (a deleted or replaced key file): the key is read afresh for every use and
 * never kept in memory. It protects no more than the folder's permissions do; the passphrase wrap is the
 * real safeguard there.
 */
export class FileKeyWrapper implements KeyWrapper {
  readonly id = 'file';
  readonly #keyFile: string;

  constructor(folder: string) {
    this.#keyFile = join(folder, FILE_KEY_NAME);
  }

  available(): boolean {
    return this.unavailableReason() === null;
  }

  unavailableReason(): string | null {
    try {
      zero(this.#readOrCreateKey());
      return null;
    } catch {
      return `the key file ${this.#keyFile} cannot be read or created`;
    }
  }

  wrap(bytes: Buffer): Buffer {
    const key = this.#readOrCreateKey();
    try {
      const { iv, tag, ct } = seal(key, bytes, AAD);
      return Buffer.concat([Buffer.from([VERSION]), iv, tag, ct]);
    } finally {
      zero(key);
    }
  }

  unwrap(bytes: Buffer): Buffer {
    if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) throw new Error('not wrapped by a file key wrapper');
    const iv = bytes.subarray(1, 1 + IV_BYTES);
    const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const ct = bytes.subarray(1 + IV_BYTES + TAG_BYTES);
    const key = this.#readKey(); // never creates: a missing key file means the wrap is lost
    try {
      const plain = open(key, { iv, tag, ct }, AAD);
      if (!plain) throw new Error('the file key does not unwrap these bytes');
      return plain;
    } finally {
      zero(key);
    }
  }

  #readKey(): Buffer {
    const key = readFileSync(this.#keyFile);
    if (key.length !== KEY_BYTES) {
      zero(key);
      throw new Error('the key file is not a 32-byte key');
    }
    return key;
  }

  #readOrCreateKey(): Buffer {
    try {
      return this.#readKey();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    mkdirSync(dirname(this.#keyFile), { recursive: true, mode: 0o700 });
    // Written whole to a temp file, then linked into place: a crash never leaves a short key file, and
    // link() fails when another process got there first, so two first runs never hold different keys.
    const temp = `${this.#keyFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const key = randomKey();
    try {
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, key);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      linkSync(temp, this.#keyFile);
      return key;
    } catch (error) {
      zero(key);
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return this.#readKey();
      throw error;
    } finally {
      rmSync(temp, { force: true });
    }
  }

  toJSON(): Record<string, string> {
    return { wrapper: this.id, keyFile: this.#keyFile };
  }

  [inspect.custom](): string {
    return `FileKeyWrapper { keyFile: ${JSON.stringify(this.#keyFile)} }`;
  }
}

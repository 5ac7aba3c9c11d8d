import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileKeyWrapper } from '../../../../main/vault';
import { open, randomKey, seal } from '../../../../main/vault/aead';
import { canonicalJson, fromB64 } from '../../../../main/vault/encoding';
import { entryAad, openSecret, sealSecret } from '../../../../main/vault/entry-codec';
import { FILE_KEY_NAME } from '../../../../main/vault/file-key-wrapper';
import { makeTempDir } from '../../../support/temp-dir';
import { KINDS, TSS_A, TSS_B } from './vault-test-kit';

describe('AES-256-GCM primitives', () => {
  it('uses a fresh IV per seal and refuses any changed byte of iv, tag, ciphertext or aad', () => {
    const key = randomKey();
    const aad = Buffer.from('aad');
    const a = seal(key, Buffer.from('secret'), aad);
    const b = seal(key, Buffer.from('secret'), aad);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(open(key, a, aad)?.toString()).toBe('secret');
    const flip = (buf: Buffer): Buffer => Buffer.from(buf.map((x, i) => (i === 0 ? x ^ 1 : x)));
    expect(open(key, { ...a, iv: flip(a.iv) }, aad)).toBeNull();
    expect(open(key, { ...a, tag: flip(a.tag) }, aad)).toBeNull();
    expect(open(key, { ...a, ct: flip(a.ct) }, aad)).toBeNull();
    expect(open(key, a, Buffer.from('aae'))).toBeNull();
    expect(open(randomKey(), a, aad)).toBeNull();
  });

  it('seals an entry to its id and kind: moved to another id or kind it does not open', () => {
    const dek = randomKey();
    const sealed = sealSecret(dek, TSS_A, 'admin-puk', { puk: '123456' });
    expect(openSecret(dek, TSS_A, 'admin-puk', sealed, KINDS['admin-puk'])).toEqual({ puk: '123456' });
    expect(openSecret(dek, TSS_B, 'admin-puk', sealed, KINDS['admin-puk'])).toBeNull();
    expect(openSecret(dek, TSS_A, 'admin-pin', sealed, KINDS['admin-pin'])).toBeNull();
    expect(entryAad(TSS_A, 'admin-puk').equals(entryAad(TSS_A, 'admin-pin'))).toBe(false);
  });

  it('canonical JSON sorts keys at every depth and drops undefined, so formatting does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('strict base64: anything that does not round-trip is refused', () => {
    expect(fromB64('AAEC')?.equals(Buffer.from([0, 1, 2]))).toBe(true);
    expect(fromB64('AAE')).toBeNull();
    expect(fromB64('AA=C')).toBeNull();
    expect(fromB64('AA!C')).toBeNull();
  });
});

describe('FileKeyWrapper', () => {
  let keys: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    keys = makeTempDir('tss-file-key-');
  });
  afterEach(() => keys.remove());

  it('keeps a random 32-byte key in a 0600 file and wraps with AES-GCM', () => {
    const wrapper = new FileKeyWrapper(keys.path);
    expect(wrapper.available()).toBe(true);
    const secret = randomKey();
    const wrapped = wrapper.wrap(secret);
    expect(wrapped.includes(secret)).toBe(false);
    expect(new FileKeyWrapper(keys.path).unwrap(wrapped).equals(secret)).toBe(true);
    const file = join(keys.path, FILE_KEY_NAME);
    expect(readFileSync(file)).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('fails like a reset keychain when its key file is deleted or replaced, or the wrap altered', () => {
    const wrapper = new FileKeyWrapper(keys.path);
    const wrapped = wrapper.wrap(Buffer.from('data key'));
    const altered = Buffer.from(wrapped);
    altered[altered.length - 1]! ^= 1;
    expect(() => wrapper.unwrap(altered)).toThrow();
    writeFileSync(join(keys.path, FILE_KEY_NAME), randomKey());
    expect(() => wrapper.unwrap(wrapped)).toThrow();
    rmSync(join(keys.path, FILE_KEY_NAME));
    expect(() => wrapper.unwrap(wrapped)).toThrow(); // unwrap never makes a new key
    expect(wrapper.available()).toBe(true); // but a new wrap may
  });

  it('reports unavailable with a reason when the folder cannot hold a key', () => {
    const blocker = join(keys.path, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const wrapper = new FileKeyWrapper(blocker);
    expect(wrapper.available()).toBe(false);
    expect(wrapper.unavailableReason()).toMatch(/cannot be read or created/);
  });
});

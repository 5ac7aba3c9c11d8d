import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EntryInput, FileKeyWrapper, Vault } from '../../../../main/vault';
import { makeTempDir } from '../../../support/temp-dir';
import { FAST, type Kinds, PASSPHRASE, readVaultJson, vaultFile } from './vault-test-kit';

const pukFor = (tssId: string, puk: string): EntryInput<Kinds, 'admin-puk'> => ({
  id: tssId,
  kind: 'admin-puk',
  labels: { environment: 'sandbox', storeName: `Store ${tssId.slice(0, 4)}` },
  secret: { puk },
});

/**
 * Two Vault objects on one folder stand for two processes (the app and a CLI run): each has its own copy
 * in memory, as separate processes do. The real cross-process runs are in test/integration/concurrency.
 */
describe('Vault: several writers on one data folder', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let wrapper: FileKeyWrapper;
  beforeEach(() => {
    dir = makeTempDir('tss-vault-conc-');
    wrapper = new FileKeyWrapper(dir.path);
  });
  afterEach(() => dir.remove());

  it('entries another writer added since this one read the file stay (no last-writer-wins)', async () => {
    const app = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    const cli = await Vault.open(dir.path, wrapper, FAST);
    const [a, b] = [randomUUID(), randomUUID()];
    await cli.put(pukFor(a, 'PUK-FROM-CLI-1'));
    await app.put(pukFor(b, 'PUK-FROM-APP-1')); // the app's copy in memory never saw the CLI's entry
    const reopened = await Vault.open(dir.path, wrapper, FAST);
    expect(await reopened.get(a, 'admin-puk')).toEqual({ puk: 'PUK-FROM-CLI-1' });
    expect(await reopened.get(b, 'admin-puk')).toEqual({ puk: 'PUK-FROM-APP-1' });
    // And the app sees the CLI's entry without reopening.
    expect((await app.list()).map((e) => e.id).sort()).toEqual([a, b].sort());
    expect(await app.get(a, 'admin-puk')).toEqual({ puk: 'PUK-FROM-CLI-1' });
  });

  it('many puts at once from two writers: every PUK arrives, generations count every write, .prev is the one before', async () => {
    const one = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    const two = await Vault.open(dir.path, wrapper, FAST);
    const ids = Array.from({ length: 24 }, () => randomUUID());
    await Promise.all(ids.map((id, i) => (i % 2 ? one : two).put(pukFor(id, `PUK-${i}`))));
    const reopened = await Vault.open(dir.path, wrapper, FAST);
    for (const [i, id] of ids.entries()) expect(await reopened.get(id, 'admin-puk')).toEqual({ puk: `PUK-${i}` });
    const current = readVaultJson(dir.path);
    expect(current.generation).toBe(1 + ids.length);
    const previous = readVaultJson(dir.path, `${vaultFile(dir.path)}.prev`);
    expect(previous.generation).toBe(ids.length);
    expect(previous.entries).toHaveLength(ids.length - 1);
    expect(readdirSync(dir.path).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
  });

  it('a change to an entry another writer changed meanwhile goes on top of the newest one', async () => {
    const one = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    const two = await Vault.open(dir.path, wrapper, FAST);
    const tss = randomUUID();
    await one.put(pukFor(tss, 'PUK-FIRST'));
    await two.put({ id: tss, kind: 'admin-pin', labels: { environment: 'sandbox' }, secret: { pin: 'PIN-SECOND' } });
    await one.put(pukFor(tss, 'PUK-THIRD'));
    const reopened = await Vault.open(dir.path, wrapper, FAST);
    expect(await reopened.get(tss, 'admin-puk')).toEqual({ puk: 'PUK-THIRD' });
    expect(await reopened.get(tss, 'admin-pin')).toEqual({ pin: 'PIN-SECOND' });
  });

  it('opening while another writer saves never takes its newer generations for a rollback', async () => {
    const writer = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    let writing = true;
    const writes = (async () => {
      for (let i = 0; i < 40; i++) await writer.put(pukFor(randomUUID(), `PUK-${i}`));
      writing = false;
    })();
    const outcomes: unknown[] = [];
    while (writing) {
      outcomes.push(await Vault.open(dir.path, wrapper, FAST).then(() => 'ok', (error: { code?: string }) => error.code));
    }
    await writes;
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
  });
});

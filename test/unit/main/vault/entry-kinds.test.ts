import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type EntryKinds, type EntryRegistry, FileKeyWrapper, Vault, combineRegistries, readRecoveryFile } from '../../../../main/vault';
import { makeTempDir } from '../../../support/temp-dir';
import { FAST, KINDS, PASSPHRASE, REGISTRY, TSS_A, failure, pinA, pukA, readVaultJson } from './vault-test-kit';

/** A kind another wing might register: a signature unit's key, per TSS-like id. */
const WITH_DEVICE_KEY = { ...KINDS, 'device-key': { secret: z.strictObject({ key: z.string().min(8) }), idLabel: 'tssId' } } as const satisfies EntryKinds;
const WIDER = { ...FAST, kinds: WITH_DEVICE_KEY, environments: [...REGISTRY.environments, 'at-test'] };
const deviceKey = { id: TSS_A, kind: 'device-key', labels: { environment: 'at-test', storeName: 'Filiale Graz' }, secret: { key: 'SCU-KEY-4711-0815' } } as const;

describe('Vault entry kinds, as the wings register them', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let keys: ReturnType<typeof makeTempDir>;
  let wrapper: FileKeyWrapper;
  beforeEach(() => {
    dir = makeTempDir('tss-vault-kinds-');
    keys = makeTempDir('tss-vault-keys-');
    wrapper = new FileKeyWrapper(keys.path);
  });
  afterEach(() => {
    dir.remove();
    keys.remove();
  });

  it('stores a registered kind, checked against its schema, its id filling the label its kind names', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, WIDER);
    const listing = await vault.put(deviceKey);
    expect(listing).toMatchObject({ id: TSS_A, kind: 'device-key', labels: { environment: 'at-test', tssId: TSS_A } });
    expect(listing.unknownKind).toBeUndefined();
    const key: { key: string } | null = await vault.get(TSS_A, 'device-key');
    expect(key).toEqual({ key: 'SCU-KEY-4711-0815' });

    const short = await failure(vault.put({ ...deviceKey, secret: { key: 'short' } }));
    expect(short).toMatchObject({ code: 'E_VAULT_INVALID_ENTRY', message: expect.stringContaining('the device-key secret is missing a field') });
    expect(short.message).not.toContain('short');
  });

  it('refuses a kind or an environment no wing registered, naming the registered kinds', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    const kind = await failure(vault.put(deviceKey as never));
    expect(kind).toMatchObject({ code: 'E_VAULT_INVALID_ENTRY', message: expect.stringContaining('kind must be api-credentials, admin-pin or admin-puk') });
    const environment = await failure(vault.put({ ...pukA, labels: { ...pukA.labels, environment: 'at-test' } }));
    expect(environment).toMatchObject({ code: 'E_VAULT_INVALID_ENTRY', message: expect.stringContaining('labels: environment') });
    await expect(vault.get(TSS_A, 'device-key' as never)).rejects.toMatchObject({ code: 'E_VAULT_INVALID_ENTRY' });
  });

  it('keeps an entry of a kind it does not know through saves, export and import: listed as unknown, never lost', async () => {
    const wide = await Vault.create(dir.path, PASSPHRASE, wrapper, WIDER);
    await wide.put(deviceKey);
    await wide.put(pukA);
    wide.lock();

    // A build without that wing: the vault opens, lists the entry as unknown, and saves around it.
    const narrow = await Vault.open(dir.path, wrapper, FAST);
    expect(narrow.isUnlocked).toBe(true);
    expect((await narrow.list()).map((e) => [e.kind, e.unknownKind ?? false])).toEqual([
      ['device-key', true],
      ['admin-puk', false],
    ]);
    await narrow.put(pinA);
    await narrow.unlockWithPassphrase(PASSPHRASE);
    const exported = join(dir.path, 'recovery', 'all.tsscr');
    expect(await narrow.exportRecoveryFile(exported, PASSPHRASE)).toMatchObject({ entries: 3 });
    expect(readVaultJson(dir.path).entries.map((e) => e.kind)).toEqual(['device-key', 'admin-puk', 'admin-pin']);
    narrow.lock();

    // The file stays in its format (no unknownKind in it), and a build with the wing reads everything back.
    const contents = await readRecoveryFile(exported, PASSPHRASE);
    expect(contents.entries.map((e) => Object.keys(e).sort())).toEqual(Array(3).fill(['createdAt', 'id', 'kind', 'labels', 'secret', 'updatedAt']));
    const again = await Vault.open(dir.path, wrapper, WIDER);
    expect(await again.get(TSS_A, 'device-key')).toEqual({ key: 'SCU-KEY-4711-0815' });
    expect(await again.get(TSS_A, 'admin-pin')).toEqual(pinA.secret);

    // Imported into a vault of a build without the wing, the unknown entry is kept as it came.
    const other = makeTempDir('tss-vault-kinds-other-');
    try {
      const target = await Vault.create(other.path, PASSPHRASE, wrapper, FAST);
      const summary = await target.importRecoveryFile(exported, PASSPHRASE, PASSPHRASE);
      expect(summary.added.map((e) => [e.kind, e.unknownKind ?? false])).toEqual([
        ['device-key', true],
        ['admin-puk', false],
        ['admin-pin', false],
      ]);
      const reopened = await Vault.open(other.path, wrapper, WIDER);
      expect(await reopened.get(TSS_A, 'device-key')).toEqual({ key: 'SCU-KEY-4711-0815' });
    } finally {
      other.remove();
    }
  });

  it('combines the wings’ registrations: one definition may come twice, two different ones are refused', () => {
    const signDe: EntryRegistry = REGISTRY;
    const austria: EntryRegistry = { kinds: { 'api-credentials': KINDS['api-credentials'], 'device-key': WITH_DEVICE_KEY['device-key'] }, environments: ['at-test'] };
    const combined = combineRegistries(signDe, austria);
    expect(Object.keys(combined.kinds)).toEqual(['api-credentials', 'admin-pin', 'admin-puk', 'device-key']);
    expect(combined.environments).toEqual(['sandbox', 'test', 'live', 'at-test']);
    const clash: EntryRegistry = { kinds: { 'admin-pin': { secret: z.string(), idLabel: 'tssId' } }, environments: [] };
    expect(() => combineRegistries(signDe, clash)).toThrow(/admin-pin/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_SERIAL_PATTERN } from '../../../../../../preload/contract/sign-de/store-rules';
import { Journal } from '../../../../../../main/products/sign-de/provisioning/journal';
import { describeDuplicate, duplicateSerials, findDuplicateSerials, knownSerials, sandboxSerials } from '../../../../../../main/products/sign-de/provisioning/serials';
import { parseStorePlan } from '../../../../../../main/products/sign-de/provisioning/store-plan';
import { makeTempDir } from '../../../../../support/temp-dir';

describe('sandbox serials', () => {
  it('names the store and differs per store, within the client serial rules', () => {
    expect(sandboxSerials('Filiale Mitte', 3, () => '3f9a')).toEqual(['FILIALE-MITTE-3F9A-01', 'FILIALE-MITTE-3F9A-02', 'FILIALE-MITTE-3F9A-03']);
    expect(sandboxSerials('Bäckerei Süß / Café Élan_2', 1, () => '0b1c')).toEqual(['BAECKEREI-SUESS-CAFE-ELAN-2-0B1C-01']);
    expect(sandboxSerials('日本', 1, () => 'aaaa')).toEqual(['KASSE-AAAA-01']);
    expect(sandboxSerials('Nord', 1)).not.toEqual(sandboxSerials('Nord', 1));
    for (const serial of [...sandboxSerials('x'.repeat(100), 199), ...sandboxSerials(' -- ', 2)]) expect(serial).toMatch(CLIENT_SERIAL_PATTERN);
    expect(sandboxSerials('Nord', 199).at(-1)).toMatch(/-199$/);
  });
});

describe('serials already used on this laptop', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('finds a new store’s serials in the other stores’ runs, whatever the case, and not in its own or abandoned ones', async () => {
    expect(await knownSerials(dir.path)).toEqual(new Map());
    await Journal.create(dir.path, parseStorePlan({ storeName: 'Nord', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-1' }, { serialNumber: 'N-2' }] }));
    const abandoned = await Journal.create(dir.path, parseStorePlan({ storeName: 'Alt', environment: 'sandbox', clients: [{ serialNumber: 'A-1' }] }));
    await abandoned.update((data) => {
      data.status = 'abandoned';
    });
    const plan = { storeName: 'Süd', clients: [{ serialNumber: 'kasse-1' }, { serialNumber: 'A-1' }, { serialNumber: 'S-3' }] };
    const duplicates = await findDuplicateSerials(plan, dir.path);
    expect(duplicates).toEqual([{ serialNumber: 'kasse-1', usedBy: [expect.objectContaining({ serialNumber: 'KASSE-1', storeName: 'Nord', environment: 'sandbox' })] }]);
    expect(describeDuplicate(duplicates[0]!)).toBe('the till serial kasse-1 is already used by the store Nord (SANDBOX) on this laptop');
    expect(duplicateSerials({ ...plan, storeName: 'Nord' }, await knownSerials(dir.path))).toEqual([]);
  });
});

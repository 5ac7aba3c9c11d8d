import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../../renderer/src/shell/state/app-store';
import { createFakeCompanion } from '../../fakes/fake-companion';
import { FAKE_PASSPHRASE } from '../../fakes/fake-main';

const TSS = '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d';

describe("a store's recovery file", () => {
  it("asks main for that TSS's entries only, named after the store; the vault screen's export stays whole", async () => {
    const fake = createFakeCompanion();
    const state = () => createAppStore(fake.api).getState();
    const folder = { folder: '/home/tech/Documents/TSS Companion/Filiale Süd' };
    expect(await state().exportRecovery(FAKE_PASSPHRASE, folder, { tssId: TSS, store: 'Filiale Süd' })).not.toBeNull();
    expect(fake.calls.at(-1)).toEqual({ channel: 'vault:export-recovery', payload: { passphrase: FAKE_PASSPHRASE, destination: folder, tssId: TSS, store: 'Filiale Süd' } });
    await state().exportRecovery(FAKE_PASSPHRASE, folder);
    expect(fake.calls.at(-1)).toEqual({ channel: 'vault:export-recovery', payload: { passphrase: FAKE_PASSPHRASE, destination: folder } });
  });
});

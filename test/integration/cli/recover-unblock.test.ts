import { describe, expect, it } from 'vitest';
import { markPinBlocked, pinBlockedSince } from '../../../main/products/sign-de/store/pin-blocks';
import { runCliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

describe('tss-companion recover unblock', () => {
  it('sets a new PIN with the PUK and ends the blocked-PIN warning the store overview shows', { timeout: 180_000 }, async () => {
    const dir = makeTempDir('tss-cli-unblock-');
    try {
      const env = { TSS_COMPANION_PASSPHRASE: 'a passphrase for the unblock test' };
      const provisioned = await runCliProcess(['provision', '--sandbox', '--client', 'KASSE-1', '--store', 'Filiale Unblock', '--no-receipt', '--json', '--data-dir', dir.path], { env });
      expect(provisioned.code, provisioned.stderr).toBe(0);
      const [store] = JSON.parse(provisioned.stdout) as Array<{ tssId: string }>;
      const tssId = store!.tssId;
      // As when fiskaly answered 423 to an admin action in the app.
      await markPinBlocked(dir.path, tssId);
      expect(await pinBlockedSince(dir.path, tssId)).not.toBeNull();

      const unblocked = await runCliProcess(['recover', 'unblock', tssId, '--sandbox', '--data-dir', dir.path], { env });
      expect(unblocked.code, unblocked.stderr).toBe(0);
      expect(await pinBlockedSince(dir.path, tssId)).toBeNull();
    } finally {
      dir.remove();
    }
  });
});

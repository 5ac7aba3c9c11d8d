import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services';
import { makeTempDir } from '../../support/temp-dir';

// The screens say why the keychain did not open the vault in the technician's language: main answers a code.
describe('why the keychain did not open the vault, as a code', () => {
  const dir = makeTempDir();
  afterEach(() => dir.remove());

  it('vault:status names the reason by code beside main’s own words', async () => {
    const first = createServices({ dataDir: dir.path, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 } });
    await first.dispatch('vault:setup', { passphrase: 'a passphrase long enough' });
    await first.close();
    const again = createServices({ dataDir: dir.path, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 } });
    expect(await again.dispatch('vault:status', undefined)).toMatchObject({
      ok: true,
      value: { unlocked: false, keychainProblem: 'no OS keychain in this process', keychainProblemCode: 'unavailable' },
    });
    await again.close();
  });
});

import { execFile } from 'node:child_process';
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TssOverview } from '../../../preload/contract/sign-de/tss';
import type { Services } from '../../../main/services';
import { TEST_PASSPHRASE } from '../../support/provisioning';
import { type ServicesWithVault, servicesWithVault } from '../../support/services';
import { makeTempDir } from '../../support/temp-dir';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('the sandbox reset and the store overview', () => {
  let under: ServicesWithVault;
  let services: Services;
  let call: ServicesWithVault['call'];

  beforeEach(async () => {
    under = await servicesWithVault('tss-sandbox-');
    ({ services, call } = under);
  });
  afterEach(() => under.close());

  const provision = (storeName: string) => under.provisionSandboxStore(storeName);

  it('shows the TSS certificate’s expiry, and a blocked admin PIN until the PUK recovery sets a new one', async () => {
    const tssId = await provision('Filiale Ost');
    const overview = await call<TssOverview>('tss:overview', { tssId });
    expect(overview.adminPinBlockedSince).toBeNull();
    // The sandbox issues one-year certificates, as fiskaly's TEST does.
    expect(overview.certificate).toMatchObject({ warning: false });
    expect(Math.abs(Date.parse(overview.certificate!.notAfter) - (Date.now() + 365 * DAY_MS))).toBeLessThan(2 * DAY_MS);

    // The vault's PIN goes wrong (as after a PIN change elsewhere): admin work fails until fiskaly blocks the PIN (423).
    const vault = await services.vault.unlocked();
    const labels = (await vault.list()).find((e) => e.id === tssId && e.kind === 'admin-pin')!.labels;
    await vault.put({ id: tssId, kind: 'admin-pin', labels, secret: { pin: '0000000000' } });
    const clientId = overview.clients[0]!.id;
    let code = '';
    for (let attempt = 0; attempt < 8 && code !== 'E_ADMIN_PIN_BLOCKED'; attempt++) {
      const result = await services.dispatch('tss:set-client-state', { tssId, clientId, state: 'DEREGISTERED' });
      code = result.ok ? 'ok' : result.error.code;
    }
    expect(code).toBe('E_ADMIN_PIN_BLOCKED');
    const blocked = await call<TssOverview>('tss:overview', { tssId });
    expect(blocked.adminPinBlockedSince).toMatch(/^\d{4}-\d\d-\d\dT/);

    await call('recovery:unblock', { tssId, passphrase: TEST_PASSPHRASE });
    expect((await call<TssOverview>('tss:overview', { tssId })).adminPinBlockedSince).toBeNull();
  });

  it('resets the sandbox while it runs: its TSS are gone, a new store works at once; a call without the confirmation is refused', async () => {
    const tssId = await provision('Filiale Süd');
    expect(await services.dispatch('sandbox:reset', {})).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    expect((await call<TssOverview>('tss:overview', { tssId })).state).toBe('INITIALIZED');

    await call('sandbox:reset', { confirm: 'reset' });
    const gone = await services.dispatch('tss:overview', { tssId });
    expect(gone.ok).toBe(false);
    const next = await provision('Filiale West');
    expect((await call<TssOverview>('tss:overview', { tssId: next })).state).toBe('INITIALIZED');
  });
});

describe.skipIf(process.platform === 'win32')('the sandbox folder', () => {
  it('is owner-only (0700, files 0600) under umask 000, after a start and a reset', { timeout: 60_000 }, async () => {
    const parent = makeTempDir('tss-sandbox-umask-');
    const dataDir = join(parent.path, 'TSS Companion');
    try {
      await promisify(execFile)(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sandbox-umask.child.ts'), dataDir], {
        env: { ...process.env, NODE_ENV: 'test' },
        timeout: 50_000,
      });
      const sandbox = join(dataDir, 'sandbox');
      expect((lstatSync(sandbox).mode & 0o777).toString(8)).toBe('700');
      const names = readdirSync(sandbox);
      expect(names).toContain('state.json');
      for (const name of names) {
        const info = lstatSync(join(sandbox, name));
        expect(`${name} ${(info.mode & 0o777).toString(8)}`).toBe(`${name} ${info.isDirectory() ? '700' : '600'}`);
      }
    } finally {
      parent.remove();
    }
  });
});

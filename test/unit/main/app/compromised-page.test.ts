import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../../../preload/contract';
import type { Result } from '../../../../preload/contract';
import { registerIpcHandlers } from '../../../../main/app/ipc';
import type { Sandbox } from '../../../../main/products/sign-de/sandbox/server';
import { type Services, createServices } from '../../../../main/services';
import { SIGN_DE_VAULT_REGISTRY } from '../../../../main/products/sign-de';
import { Vault, unavailableKeyWrapper } from '../../../../main/vault';
import { FakeWebContents, ipcMain } from '../../../fakes/electron';
import { TEST_PASSPHRASE } from '../../../support/provisioning';
import { type SandboxApi, startSandbox } from '../../../support/sandbox-api';
import { makeTempDir } from '../../../support/temp-dir';
import { nextEvent } from '../../../support/events';
import { MASTER_DATA } from '../../../support/master-data';

const VAULT_OPTIONS = { unsafeTestOnlyScryptLog2N: 10, ...SIGN_DE_VAULT_REGISTRY };
const WRONG = 'not the vault passphrase';

/**
 * What a compromised page would send, through the real IPC wrapper into the real services: every step
 * that costs money, cannot be undone or sets a secret needs the vault's passphrase, checked in main.
 */
describe('main confirms what a compromised page cannot', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let services: Services;
  let fiskaly: Sandbox;
  let fiskalyApi: SandboxApi;
  let page: FakeWebContents;

  beforeEach(async () => {
    dir = makeTempDir();
    ({ sandbox: fiskaly, api: fiskalyApi } = await startSandbox({ organizations: [{ apiKey: 'live-key', apiSecret: 'live-secret', env: 'LIVE' }] }));
    services = createServices({ dataDir: dir.path, version: '1', vaultOptions: VAULT_OPTIONS, fiskalyUrl: fiskaly.url });
    page = new FakeWebContents();
    for (const channel of channels) ipcMain.removeHandler(channel);
    registerIpcHandlers(ipcMain as never, () => page as never, services.dispatch);
  });
  afterEach(async () => {
    await services.close();
    await fiskaly.close();
    dir.remove();
  });

  /** The page's call: what `window.companion` would send over IPC. */
  const send = (channel: string, payload?: unknown) => ipcMain.invoke(channel, page, payload) as Promise<Result<unknown>>;
  async function call<T>(channel: string, payload?: unknown): Promise<T> {
    const result = await send(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }
  const refusedWith = (code: string) => ({ ok: false, error: { code, message: expect.not.stringContaining(WRONG) } });

  const finished = () => nextEvent(services.events, 'provisioning:finished');

  const plan = (extra: Record<string, unknown> = {}) => ({ storeName: 'Filiale Hamburg', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-1' }], ...extra });

  async function provisioned(): Promise<string> {
    const end = finished();
    await call('provisioning:start', { plan: plan() });
    const report = await end;
    expect(report.status).toBe('done');
    return report.tssId;
  }

  /** The admin PIN the vault holds for a TSS, read through a second vault handle. */
  async function storedPin(tssId: string): Promise<string | undefined> {
    const vault = await Vault.open(dir.path, unavailableKeyWrapper('test'), VAULT_OPTIONS);
    await vault.unlockWithPassphrase(TEST_PASSPHRASE);
    const pin = await vault.get(tssId, 'admin-pin');
    vault.lock();
    return pin?.pin;
  }

  const settingsFile = () => readFileSync(join(dir.path, 'settings.json'), 'utf8');

  it('switching to LIVE: refused without the passphrase and with a wrong one; nothing stored', async () => {
    expect(await send('settings:set', { environment: 'live', passphrase: TEST_PASSPHRASE })).toMatchObject(refusedWith('E_VAULT_NOT_INITIALIZED'));
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });

    expect(await send('settings:set', { environment: 'live' })).toMatchObject(refusedWith('E_CONFIRMATION_REQUIRED'));
    expect(await send('settings:set', { environment: 'live', passphrase: '' })).toMatchObject(refusedWith('E_CONFIRMATION_REQUIRED'));
    expect(await send('settings:set', { environment: 'live', confirmation: 'LIVE' })).toMatchObject(refusedWith('E_INVALID_REQUEST'));
    expect(await send('settings:set', { environment: 'live', language: 'en', passphrase: WRONG })).toMatchObject(refusedWith('E_CONFIRMATION_FAILED'));
    expect(services.settings.get()).toEqual({ language: 'de', environment: 'sandbox' });

    expect(await call('settings:set', { environment: 'live', passphrase: TEST_PASSPHRASE })).toEqual({ language: 'de', environment: 'live' });
    // Other changes while in LIVE, and leaving LIVE, need nothing.
    expect(await call('settings:set', { language: 'en', environment: 'live' })).toEqual({ language: 'en', environment: 'live' });
    expect(await call('settings:set', { environment: 'test' })).toEqual({ language: 'en', environment: 'test' });
    expect(settingsFile()).not.toContain(TEST_PASSPHRASE);
    expect(settingsFile()).not.toContain('passphrase');
  });

  it('starting a LIVE run: refused without the passphrase and with a wrong one; with it the run goes to LIVE', async () => {
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    const org = await call<{ id: string }>('orgs:save', { environment: 'live', label: 'Kette', apiKey: 'live-key', apiSecret: 'live-secret' });
    const live = { plan: plan({ environment: 'live', masterData: MASTER_DATA }), organizationId: org.id };

    expect(await send('provisioning:start', live)).toMatchObject(refusedWith('E_CONFIRMATION_REQUIRED'));
    expect(await send('provisioning:start', { ...live, passphrase: WRONG })).toMatchObject(refusedWith('E_CONFIRMATION_FAILED'));
    expect(await call('runs:list')).toEqual([]);
    await fiskalyApi.login('live-key', 'live-secret');
    expect((await fiskalyApi.request<{ data: unknown[] }>('GET', '/tss')).body.data).toEqual([]);

    const end = finished();
    await call('provisioning:start', { ...live, passphrase: TEST_PASSPHRASE });
    const report = await end;
    expect(report).toMatchObject({ status: 'done', environment: 'live' });
    expect((await fiskalyApi.request('GET', `/tss/${report.tssId}`)).body).toMatchObject({ state: 'INITIALIZED' });
  });

  it('a plan that brings its own admin PIN: refused without the passphrase; with it that PIN is set', async () => {
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    expect(await send('provisioning:start', { plan: plan({ adminPin: '24682468' }) })).toMatchObject(refusedWith('E_CONFIRMATION_REQUIRED'));
    expect(await send('provisioning:start', { plan: plan({ adminPin: '24682468' }), passphrase: WRONG })).toMatchObject(refusedWith('E_CONFIRMATION_FAILED'));
    expect(await call('runs:list')).toEqual([]);

    const end = finished();
    await call('provisioning:start', { plan: plan({ adminPin: '24682468' }), passphrase: TEST_PASSPHRASE });
    const { tssId, status } = await end;
    expect(status).toBe('done');
    expect(await storedPin(tssId)).toBe('24682468');
  });

  it('disabling a TSS: the old confirmation word is not enough, a wrong passphrase neither; the right one disables', async () => {
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    const tssId = await provisioned();

    expect(await send('tss:disable', { tssId, confirmation: 'DISABLE' })).toMatchObject(refusedWith('E_CONFIRMATION_REQUIRED'));
    expect(await send('tss:disable', { tssId, confirmation: 'Filiale Hamburg' })).toMatchObject(refusedWith('E_CONFIRMATION_REQUIRED'));
    expect(await send('tss:disable', { tssId, confirmation: 'DISABLE', passphrase: WRONG })).toMatchObject(refusedWith('E_CONFIRMATION_FAILED'));
    expect(await call('tss:overview', { tssId })).toMatchObject({ state: 'INITIALIZED' });

    // The typed store name still guards against the wrong TSS.
    expect(await send('tss:disable', { tssId, confirmation: 'wrong', passphrase: TEST_PASSPHRASE })).toMatchObject(refusedWith('E_CONFIRMATION_MISMATCH'));
    expect(await call('tss:disable', { tssId, confirmation: 'Filiale Hamburg', passphrase: TEST_PASSPHRASE })).toMatchObject({ state: 'DISABLED' });
  });

  it('setting a PIN with the PUK: refused without the passphrase, with or without a PIN of the page’s choosing', async () => {
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    const tssId = await provisioned();
    const before = await storedPin(tssId);

    expect(await send('recovery:unblock', { tssId, newPin: '13571357' })).toMatchObject(refusedWith('E_CONFIRMATION_REQUIRED'));
    expect(await send('recovery:unblock', { tssId })).toMatchObject(refusedWith('E_CONFIRMATION_REQUIRED'));
    expect(await send('recovery:unblock', { tssId, newPin: '13571357', passphrase: WRONG })).toMatchObject(refusedWith('E_CONFIRMATION_FAILED'));
    expect(await storedPin(tssId)).toBe(before);

    expect(await call('recovery:unblock', { tssId, newPin: '13571357', passphrase: TEST_PASSPHRASE })).toEqual({});
    expect(await storedPin(tssId)).toBe('13571357');
    // The vault's PIN is the one fiskaly (here the sandbox) now takes: an admin action works with it.
    const clientId = (await call<Array<{ clients: Array<{ clientId: string }> }>>('runs:list'))[0]!.clients[0]!.clientId;
    expect(await call('tss:set-client-state', { tssId, clientId, state: 'DEREGISTERED' })).toMatchObject({ registeredClients: 0 });
  });

  it('a locked vault: the passphrase confirms and unlocks it', async () => {
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    await services.close();
    services = createServices({ dataDir: dir.path, version: '1', vaultOptions: VAULT_OPTIONS, fiskalyUrl: fiskaly.url });
    for (const channel of channels) ipcMain.removeHandler(channel);
    registerIpcHandlers(ipcMain as never, () => page as never, services.dispatch);
    expect(await call('vault:status')).toMatchObject({ unlocked: false });
    expect(await send('settings:set', { environment: 'live', passphrase: WRONG })).toMatchObject(refusedWith('E_CONFIRMATION_FAILED'));
    expect(await call('settings:set', { environment: 'live', passphrase: TEST_PASSPHRASE })).toMatchObject({ environment: 'live' });
    expect(await call('vault:status')).toMatchObject({ unlocked: true });
  });

  it('the network printer action: 8.8.8.8:9100 and 127.0.0.1:22 are refused before anything else is done', async () => {
    // An unknown run: were the address rule not first, the answer would be about the run.
    const runId = randomUUID();
    expect(await send('print:escpos', { runId, host: '8.8.8.8', port: 9100, width: 80 })).toMatchObject(refusedWith('E_PRINTER_ADDRESS_NOT_ALLOWED'));
    expect(await send('print:escpos', { runId, host: '127.0.0.1', port: 22, width: 80 })).toMatchObject(refusedWith('E_PRINTER_PORT_NOT_ALLOWED'));
    expect(await send('print:escpos', { runId, host: '[2001:4860:4860::8888]', width: 80 })).toMatchObject(refusedWith('E_PRINTER_ADDRESS_NOT_ALLOWED'));
    expect(await send('print:escpos', { runId, host: '192.168.1.50', port: 9100, width: 80 })).toMatchObject(refusedWith('E_RUN_NOT_FOUND'));
  });
});

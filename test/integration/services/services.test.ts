import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeEvents, Result } from '../../../preload/contract';
import type { Sandbox } from '../../../main/products/sign-de/sandbox/server';
import { type Services, createServices } from '../../../main/services';
import { readExportTar } from '../../../main/products/sign-de/tse';
import { TEST_PASSPHRASE } from '../../support/provisioning';
import { type SandboxApi, startSandbox } from '../../support/sandbox-api';
import { makeTempDir } from '../../support/temp-dir';
import { nextEvent } from '../../support/events';
import { MASTER_DATA } from '../../support/master-data';

/** The bridge's handlers over the real engine, the built-in sandbox, and a second sandbox standing in for fiskaly. */
describe('the technician’s services', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let services: Services;
  let fiskaly: Sandbox;
  let fiskalyApi: SandboxApi;

  let exportClockAhead = 0;

  beforeEach(async () => {
    dir = makeTempDir();
    ({ sandbox: fiskaly, api: fiskalyApi } = await startSandbox({ organizations: [{ apiKey: 'store-key', apiSecret: 'store-secret', env: 'TEST' }] }));
    services = createServices({
      dataDir: dir.path,
      version: '1',
      vaultOptions: { unsafeTestOnlyScryptLog2N: 10 },
      fiskalyUrl: fiskaly.url,
      // The built-in sandbox's exports finish at once here (their durations and limits are tested in tss-exports.test.ts).
      sandbox: { exportDuration: { baseMs: 0, perLogMs: 0 } },
      // The export poller's clock runs ahead by what it sleeps; each 6 s wait between polls really takes 20 ms.
      exports: {
        now: () => Date.now() + exportClockAhead,
        sleep: (ms) => {
          exportClockAhead += ms;
          return new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20)));
        },
      },
    });
  });
  afterEach(async () => {
    await services.close();
    await fiskaly.close();
    dir.remove();
  });

  async function call<T = unknown>(channel: string, payload?: unknown): Promise<T> {
    const result = (await services.dispatch(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  const finished = () => nextEvent(services.events, 'provisioning:finished');

  const plan = (environment = 'sandbox') => ({
    storeName: 'Filiale Hamburg',
    storeAddress: 'Beispielweg 1\n20095 Hamburg',
    environment,
    ...(environment === 'sandbox' ? {} : { masterData: MASTER_DATA }),
    clients: [{ serialNumber: 'KASSE-1' }, { serialNumber: 'KASSE-2' }],
  });

  it('asks for the passphrase first, then provisions in the background with progress events', async () => {
    expect(await call('vault:status')).toMatchObject({ initialized: false });
    const refused = await services.dispatch('provisioning:start', { plan: plan() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_VAULT_NOT_INITIALIZED' } });
    expect(await services.dispatch('vault:setup', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    expect(await call('vault:setup', { passphrase: TEST_PASSPHRASE })).toMatchObject({ initialized: true, unlocked: true });

    const progress: number[] = [];
    services.events.subscribe((event, payload) => {
      if (event === 'provisioning:progress') progress.push((payload as { fraction: number }).fraction);
    });
    const end = finished();
    const { runId } = await call<{ runId: string }>('provisioning:start', { plan: plan() });
    const report = await end;
    expect(report).toMatchObject({ runId, status: 'done', storeName: 'Filiale Hamburg' });
    expect(progress.at(-1)).toBe(1);
    expect((await call<unknown[]>('runs:list')).length).toBe(1);

    const receipt = await call<{ qrCodeData: string; training: boolean }>('receipt:get', { runId });
    expect(receipt.training).toBe(true);
    expect(await call('receipt:verify', { qrCodeData: receipt.qrCodeData })).toMatchObject({ valid: true });
    expect(await call('receipt:verify', { qrCodeData: receipt.qrCodeData.replace('Beleg^1.00', 'Beleg^9.00') })).toMatchObject({ valid: false });
  });

  it('runs the store overview: clients, stale transactions, export, disable', async () => {
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    const end = finished();
    await call('provisioning:start', { plan: plan() });
    const { tssId } = await end;
    const overview = await call<{ state: string; clients: Array<{ id: string; state: string }>; registeredClients: number }>('tss:overview', { tssId });
    expect(overview).toMatchObject({ state: 'INITIALIZED', registeredClients: 2, storeName: 'Filiale Hamburg' });

    const after = await call<{ registeredClients: number }>('tss:set-client-state', { tssId, clientId: overview.clients[0]!.id, state: 'DEREGISTERED' });
    expect(after.registeredClients).toBe(1);

    expect(await call('tss:stale-preview', { tssId, olderThanHours: 24 })).toMatchObject({ tssId, olderThanHours: 24, tills: [], recent: 0 });
    expect(await services.dispatch('tss:stale-preview', { tssId, olderThanHours: 0 })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    // The page never decides alone: an id that is no stale transaction of this TSS is refused by main.
    expect(await services.dispatch('tss:close-stale', { tssId, olderThanHours: 24, transactionIds: [randomUUID()] })).toMatchObject({
      ok: false,
      error: { code: 'E_STALE_REFUSED' },
    });
    expect(await call('tss:export-status', { tssId })).toBeNull();
    const exportPhases: string[] = [];
    services.events.subscribe((event, payload) => {
      if (event === 'tss:export-progress') exportPhases.push((payload as BridgeEvents['tss:export-progress']).phase);
    });
    const saved = await call<{ path: string; bytes: number }>('tss:export', { tssId });
    const entries = await readExportTar(readFileSync(saved.path));
    expect(entries.some((e) => e.name.endsWith('.log'))).toBe(true);
    expect(exportPhases[0]).toBe('triggering');
    expect(exportPhases.slice(-2)).toEqual(['downloading', 'saved']);
    expect(await call('tss:export-status', { tssId })).toMatchObject({ phase: 'saved', file: saved });
    expect(await services.dispatch('tss:export-status', { tssId: '../../etc' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });

    expect(await services.dispatch('tss:disable', { tssId, confirmation: 'wrong', passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'E_CONFIRMATION_MISMATCH' } });
    expect(await call('tss:disable', { tssId, confirmation: 'Filiale Hamburg', passphrase: TEST_PASSPHRASE })).toMatchObject({ state: 'DISABLED' });
  });

  it('keeps a TEST organization in the vault and provisions with it', async () => {
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    expect(await services.dispatch('orgs:save', { environment: 'live', label: 'Kette', apiKey: 'store-key', apiSecret: 'store-secret' })).toMatchObject({
      ok: false,
      error: { code: 'E_WRONG_ENVIRONMENT' },
    });
    const org = await call<{ id: string }>('orgs:save', { environment: 'test', label: 'Kette', apiKey: 'store-key', apiSecret: 'store-secret' });
    expect(await call('orgs:list')).toEqual([{ id: org.id, environment: 'test', label: 'Kette', apiKeyHint: 'store-ke…' }]);
    expect(JSON.stringify(await call('orgs:list'))).not.toContain('store-secret');
    const end = finished();
    await call('provisioning:start', { plan: plan('test'), organizationId: org.id });
    const report = await end;
    expect(report.status).toBe('done');
    await fiskalyApi.login('store-key', 'store-secret');
    expect((await fiskalyApi.request('GET', `/tss/${report.tssId}`)).body).toMatchObject({ state: 'INITIALIZED' });
  });

  it('recovers a blocked PIN: list offline, reveal with the passphrase, unblock', async () => {
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    const end = finished();
    await call('provisioning:start', { plan: plan() });
    const { tssId } = await end;
    expect(await call('recovery:list')).toEqual([expect.objectContaining({ tssId, hasPuk: true, hasPin: true })]);
    expect(await services.dispatch('recovery:reveal', { tssId, passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'E_VAULT_WRONG_PASSPHRASE' } });
    const { puk } = await call<{ puk: string }>('recovery:reveal', { tssId, passphrase: TEST_PASSPHRASE });
    expect(puk).toMatch(/^\d{10}$/);
    expect(await call('recovery:unblock', { tssId, newPin: '11223344', passphrase: TEST_PASSPHRASE })).toEqual({});
  });

  it('exports a recovery file and another laptop imports it', async () => {
    await call('vault:setup', { passphrase: TEST_PASSPHRASE });
    const end = finished();
    await call('provisioning:start', { plan: plan() });
    await end;
    const saved = await call<{ path: string }>('vault:export-recovery', { passphrase: TEST_PASSPHRASE });
    expect(existsSync(saved.path)).toBe(true);
    const other = makeTempDir();
    const laptop = createServices({ dataDir: other.path, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 } });
    await laptop.dispatch('vault:setup', { passphrase: 'another laptop passphrase' });
    const imported = await laptop.dispatch('vault:import-recovery', {
      file: readFileSync(saved.path).toString('base64'),
      passphrase: TEST_PASSPHRASE,
      vaultPassphrase: 'another laptop passphrase',
    });
    expect(imported, JSON.stringify(imported)).toMatchObject({ ok: true, value: { added: 2 } });
    await laptop.close();
    other.remove();
  });

  it('refuses payloads that are not what a channel takes, and unknown runs', async () => {
    expect(await services.dispatch('runs:get', { runId: 'nope' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    expect(await services.dispatch('runs:get', { runId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'E_RUN_NOT_FOUND' } });
    expect(await services.dispatch('print:escpos', { runId: randomUUID(), host: 'x', port: 70000, width: 80 })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeEvents, Result } from '../../../preload/contract';
import type { Sandbox } from '../../../main/products/sign-de/sandbox/server';
import { type Services, type ServicesConfig, createServices } from '../../../main/services';
import { readExportTar } from '../../../main/products/sign-de/tse';
import { TEST_PASSPHRASE } from '../../support/provisioning';
import { type SandboxApi, startSandbox } from '../../support/sandbox-api';
import { makeTempDir } from '../../support/temp-dir';
import { MASTER_DATA } from '../../support/master-data';

/**
 * The export through the bridge's handlers, across an app restart: a second sandbox stands in for fiskaly
 * TEST, with a clock the test holds still (the export stays PENDING) and then moves on.
 */
describe('a TAR export across an app restart', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let fiskaly: Sandbox;
  let fiskalyApi: SandboxApi;
  const open: Services[] = [];
  afterEach(async () => {
    for (const services of open.splice(0)) await services.close();
    await fiskaly?.close();
    dir?.remove();
  });

  function start(config: Partial<ServicesConfig> = {}): Services {
    let ahead = 0;
    const services = createServices({
      dataDir: dir.path,
      version: '1',
      vaultOptions: { unsafeTestOnlyScryptLog2N: 10 },
      fiskalyUrl: fiskaly.url,
      // The poller's clock runs ahead by what it sleeps: a minute of waiting takes a fraction of a second.
      exports: {
        now: () => Date.now() + ahead,
        sleep: (ms) => {
          ahead += ms;
          return new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20)));
        },
        maxWaitMs: 60_000,
      },
      ...config,
    });
    open.push(services);
    return services;
  }

  async function call<T = unknown>(services: Services, channel: string, payload?: unknown): Promise<T> {
    const result = (await services.dispatch(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  it('keeps a pending export, shows it after the restart and resumes it there instead of triggering another', async () => {
    dir = makeTempDir();
    let fiskalyNow = Date.now();
    ({ sandbox: fiskaly, api: fiskalyApi } = await startSandbox(
      { organizations: [{ apiKey: 'store-key', apiSecret: 'store-secret', env: 'TEST' }] },
      { now: () => fiskalyNow },
    ));
    const first = start();
    await call(first, 'vault:setup', { passphrase: TEST_PASSPHRASE });
    const org = await call<{ id: string }>(first, 'orgs:save', { environment: 'test', label: 'Kette', apiKey: 'store-key', apiSecret: 'store-secret' });
    const finished = new Promise<BridgeEvents['provisioning:finished']>((resolve) => {
      first.events.subscribe((event, payload) => event === 'provisioning:finished' && resolve(payload as BridgeEvents['provisioning:finished']));
    });
    await call(first, 'provisioning:start', {
      plan: { storeName: 'Filiale Kiel', storeAddress: 'Hafenstr. 1\n24103 Kiel', environment: 'test', masterData: MASTER_DATA, clients: [{ serialNumber: 'KASSE-1' }] },
      organizationId: org.id,
    });
    const { tssId, status } = await finished;
    expect(status).toBe('done');

    // fiskaly's clock stands still, so the export stays PENDING past the wait of one export call.
    const slow = await first.dispatch('tss:export', { tssId });
    expect(slow).toMatchObject({ ok: false, error: { code: 'E_EXPORT_SLOW' } });
    const pending = await call<{ exportId: string; phase: string }>(first, 'tss:export-status', { tssId });
    expect(pending.phase).toBe('pending');
    await first.close();
    open.splice(open.indexOf(first), 1);

    // The app starts again on the same data folder.
    const second = start();
    await call(second, 'vault:unlock', { passphrase: TEST_PASSPHRASE });
    expect(await call(second, 'tss:export-status', { tssId })).toMatchObject({ exportId: pending.exportId, phase: 'pending' });
    const phases: string[] = [];
    second.events.subscribe((event, payload) => event === 'tss:export-progress' && phases.push((payload as BridgeEvents['tss:export-progress']).phase));
    fiskalyNow += 10 * 60_000;
    const saved = await call<{ path: string; bytes: number }>(second, 'tss:export', { tssId });
    expect((await readExportTar(readFileSync(saved.path))).some((entry) => entry.name.endsWith('.log'))).toBe(true);
    expect(phases.at(-1)).toBe('saved');
    expect(await call(second, 'tss:export-status', { tssId })).toMatchObject({ exportId: pending.exportId, phase: 'saved', file: saved });

    await fiskalyApi.login('store-key', 'store-secret');
    const exports = await fiskalyApi.request<{ data: Array<{ _id: string }> }>('GET', `/tss/${tssId}/export`);
    expect(exports.body.data.map((e) => e._id)).toEqual([pending.exportId]);
  });
});

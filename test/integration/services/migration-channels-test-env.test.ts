import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigrationInventory, MigrationRunReport } from '../../../preload/contract/sign-de/migration';
import { type HttpExchange, undiciExchange } from '../../../main/core/session/http-exchange';
import type { Sandbox } from '../../../main/products/sign-de/sandbox/server';
import { V1_STORE_SEED } from '../../../main/products/sign-de/sandbox/v1/seed';
import { nextEvent } from '../../support/events';
import { MASTER_DATA } from '../../support/master-data';
import { startSandbox } from '../../support/sandbox-api';
import { type ServicesWithVault, servicesWithVault } from '../../support/services';

const SEED = V1_STORE_SEED;
const FIX = { v1ClientId: SEED.clients[2].id, from: 'KASSE_03', to: 'KASSE-03' };

/**
 * A TEST migration through the app's channels: fiskaly is a second sandbox (its first organization owns the
 * V1 store), the key comes from the vault, and V1 is reached the way V2 is (the app's exchange).
 */
describe('the migration channels in fiskaly TEST', () => {
  let fiskaly: Sandbox;
  let app: ServicesWithVault;
  const seen: string[] = [];

  beforeEach(async () => {
    seen.length = 0;
    ({ sandbox: fiskaly } = await startSandbox({ seed: 'v1-store', organizations: [{ apiKey: 'store-key', apiSecret: 'store-secret', env: 'TEST' }] }));
    const direct = undiciExchange();
    const exchange: HttpExchange = (request) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`);
      return direct(request);
    };
    app = await servicesWithVault('migration-test-env-', { fiskalyUrl: fiskaly.url, exchange });
  });
  afterEach(async () => {
    await app.close();
    await fiskaly.close();
  });

  it('reads and migrates the store with the organization’s key from the vault, V1 over the app’s exchange', async () => {
    const org = await app.call<{ id: string }>('orgs:save', { environment: 'test', label: 'Kette', apiKey: 'store-key', apiSecret: 'store-secret' });
    expect(await app.services.dispatch('migration:inventory', { environment: 'test' })).toMatchObject({ ok: false, error: { code: 'E_NO_ORGANIZATION' } });
    const inventory = await app.call<MigrationInventory>('migration:inventory', { environment: 'test', organizationId: org.id, v1TssId: SEED.tssId });
    expect(inventory.baseUrlV1).toBe(`${fiskaly.url.replace(/\/api\/v2$/, '')}/api/v1`);
    expect(inventory.stores.map((s) => s.tss.id)).toEqual([SEED.tssId]);
    expect(seen).toContain('POST /api/v1/auth');

    const plan = { v1TssId: SEED.tssId, storeName: 'Filiale 12', environment: 'test', baseUrlV1: inventory.baseUrlV1, baseUrlV2: inventory.baseUrlV2, serialFixes: [FIX], masterData: MASTER_DATA };
    // A V1 address of the page's own gets no key.
    expect(await app.services.dispatch('migration:start', { plan: { ...plan, baseUrlV1: 'http://127.0.0.1:9/api/v1' }, organizationId: org.id, confirmCutOver: true })).toMatchObject({
      ok: false,
      error: { code: 'E_MIGRATION_V1_URL_REFUSED' },
    });
    const end = nextEvent(app.services.events, 'migration:finished');
    const { runId } = await app.call<{ runId: string }>('migration:start', { plan, organizationId: org.id, confirmCutOver: true });
    const report: MigrationRunReport = await end;
    expect(report).toMatchObject({ runId, status: 'done', environment: 'test', phase: 'decommission' });
    expect(report.mapping!.tills).toHaveLength(3);
    expect(seen).toContain(`PUT /api/v1/tss/${SEED.tssId}`);
    // The store the new TSS belongs to is the organization's (its overview and handover find the key).
    expect(await app.call('store:get', { tssId: report.v2.tssId })).toMatchObject({ environment: 'test', organizationId: org.id });
  });
});

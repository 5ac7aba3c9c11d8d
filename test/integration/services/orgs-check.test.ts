import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialsCheck, Result } from '../../../preload/contract';
import { productIds } from '../../../preload/contract/core/products';
import type { Sandbox } from '../../../main/products/sign-de/sandbox/server';
import { type Services, createServices } from '../../../main/services';
import { startSandbox } from '../../support/sandbox-api';
import { makeTempDir } from '../../support/temp-dir';

/** 'orgs:check' over the real handler: a second sandbox stands in for fiskaly, the built-in one for training. */
describe('orgs:check: a key and secret for any product, checked by one login', () => {
  const dir = makeTempDir();
  let services: Services;
  let fiskaly: Sandbox;
  beforeAll(async () => {
    ({ sandbox: fiskaly } = await startSandbox({ organizations: [{ apiKey: 'store-key', apiSecret: 'store-secret', env: 'LIVE' }] }));
    services = createServices({ dataDir: dir.path, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 }, fiskalyUrl: fiskaly.url });
  });
  afterAll(async () => {
    await services.close();
    await fiskaly.close();
    dir.remove();
  });

  const check = (payload: unknown) => services.dispatch('orgs:check', payload) as Promise<Result<CredentialsCheck>>;

  it.each(productIds)('%s: environment, organization and expiry from fiskaly, never the token', async (product) => {
    const result = await check({ product, environment: 'live', apiKey: 'store-key', apiSecret: 'store-secret' });
    expect(result).toEqual({
      ok: true,
      value: { product, environment: 'LIVE', organizationId: fiskaly.organizations[0]!.id, scope: null, expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) },
    });
    expect(JSON.stringify(result)).not.toMatch(/eyJ|store-secret/);
  });

  it('checks against the built-in sandbox with its organization, scoped for the Unified API', async () => {
    const result = await check({ product: 'unified', environment: 'sandbox', apiKey: 'test_sandbox_api_key', apiSecret: 'test_sandbox_api_secret', scope: 'unit-3' });
    expect(result).toMatchObject({ ok: true, value: { product: 'unified', environment: 'TEST', scope: 'unit-3' } });
  });

  it('answers refused credentials with E_UNAUTHORIZED, and refuses a bad request before any login', async () => {
    const refused = await check({ product: 'sign-es', environment: 'test', apiKey: 'store-key', apiSecret: 'wrong-secret' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_UNAUTHORIZED' } });
    expect(JSON.stringify(refused)).not.toContain('wrong-secret');
    for (const payload of [
      { product: 'sign-de', environment: 'test', apiKey: 'k', apiSecret: 's', scope: 'unit-1' },
      { product: 'sign-xx', environment: 'test', apiKey: 'k', apiSecret: 's' },
      { product: 'unified', environment: 'test', apiKey: 'k', apiSecret: 's', scope: 'bad scope' },
      { product: 'sign-at', environment: 'test', apiKey: 'k', apiSecret: '' },
      { product: 'sign-at', environment: 'test', apiKey: 'k', apiSecret: 's', token: 'x' },
    ]) {
      expect(await check(payload)).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    }
  });
});

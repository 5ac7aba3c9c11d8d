import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUnauthorized } from '../../../../../main/core/session/api-call-error';
import { checkCredentials, environmentOfHost } from '../../../../../main/core/session/check-credentials';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { productIds, sandboxBaseUrl } from '../../../../../preload/contract/core/products';
import { startSandbox } from '../../../../support/sandbox-api';

describe('checking a key and secret for any product', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    ({ sandbox } = await startSandbox({ organizations: [{ apiKey: 'k-live', apiSecret: 's-live', env: 'LIVE' }] }));
  });
  afterAll(() => sandbox.close());

  it.each(productIds)('%s: environment, organization and expiry, never the token', async (product) => {
    const check = await checkCredentials({ product, apiKey: 'k-live', apiSecret: 's-live', baseUrl: sandboxBaseUrl(sandbox.url, product) });
    expect(check).toEqual({ product, environment: 'LIVE', organizationId: sandbox.organizations[0]!.id, scope: null, expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(Date.parse(check.expiresAt)).toBeGreaterThan(Date.now() + 86_000_000);
    expect(JSON.stringify(check)).not.toMatch(/eyJ/);
  });

  it('rejects refused credentials with a 401 the caller can tell apart', async () => {
    const error = await checkCredentials({ product: 'sign-es', apiKey: 'k-live', apiSecret: 'wrong', baseUrl: sandboxBaseUrl(sandbox.url, 'sign-es') }).catch((e: unknown) => e);
    expect(isUnauthorized(error)).toBe(true);
  });

  it('reads TEST or LIVE from the newer products’ hosts, and nothing from the others', () => {
    expect(environmentOfHost('https://test.api.fiskaly.com')).toBe('TEST');
    expect(environmentOfHost('https://test.es.sign.fiskaly.com/api/v1')).toBe('TEST');
    expect(environmentOfHost('https://live.api.fiskaly.com')).toBe('LIVE');
    expect(environmentOfHost('https://kassensichv-middleware.fiskaly.com/api/v2')).toBeNull();
  });
});

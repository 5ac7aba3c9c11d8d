import { randomUUID } from 'node:crypto';
import { net } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronNetExchange } from '../../../../main/app/net-exchange';
import { checkCredentials } from '../../../../main/core/session/check-credentials';
import { FiskalyClient } from '../../../../main/products/sign-de/api/client';
import { DEFAULT_ORGANIZATION } from '../../../../main/products/sign-de/sandbox/organizations';
import type { Sandbox } from '../../../../main/products/sign-de/sandbox/server';
import { startSandbox } from '../../../support/sandbox-api';

/**
 * The app's way to fiskaly: every request through Electron's net.fetch (the fake's stands in with Node's
 * global fetch, as Electron cannot run here), against the loopback sandbox.
 */
describe('the app’s exchange over Electron’s net.fetch', () => {
  let sandbox: Sandbox;
  const fake = net as unknown as { fetched: string[] };
  beforeAll(async () => {
    ({ sandbox } = await startSandbox());
  });
  afterAll(() => sandbox.close());

  it('sends the SIGN DE client’s calls through net.fetch', async () => {
    const before = fake.fetched.length;
    const client = new FiskalyClient({ baseUrl: sandbox.url, credentials: { apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret }, exchange: electronNetExchange() });
    const tssId = randomUUID();
    expect((await client.createTss(tssId)).id).toBe(tssId);
    await client.close();
    const calls = fake.fetched.slice(before);
    expect(calls).toEqual([`${sandbox.url}/auth`, `${sandbox.url}/tss/${tssId}`]);
  });

  it('checks a key and secret through net.fetch', async () => {
    const before = fake.fetched.length;
    const check = await checkCredentials({ product: 'sign-de', apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret, baseUrl: sandbox.url, exchange: electronNetExchange() });
    expect(check.environment).toBe('TEST');
    expect(fake.fetched.length).toBeGreaterThan(before);
  });

  it('keeps the reason when Chromium cannot connect (its error has only a message)', async () => {
    const closed = await startSandbox();
    const url = closed.sandbox.url;
    await closed.sandbox.close();
    const check = checkCredentials({ product: 'sign-de', apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret, baseUrl: url, exchange: electronNetExchange() });
    await expect(check).rejects.toMatchObject({ message: expect.stringContaining('net::ERR_CONNECTION_REFUSED') });
  });
});

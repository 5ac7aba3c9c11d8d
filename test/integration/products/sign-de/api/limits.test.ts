import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FiskalyClient } from '../../../../../main/products/sign-de/api/client';
import { FiskalyError } from '../../../../../main/products/sign-de/api/fiskaly-error';
import { DEFAULT_ORGANIZATION } from '../../../../../main/products/sign-de/sandbox/organizations';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { clientFor } from '../../../../support/fiskaly-client';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';

const START = Date.UTC(2026, 0, 5, 9);

/** The client's reactions to the limits the real API sets, over HTTP against the sandbox that imitates them. */
describe('fiskaly client under the API’s limits', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  afterEach(() => sandbox?.close());

  it('sends a call again after 444 E_MIDDLEWARE_PENDING_REQUEST, never at once, until it gets through', async () => {
    ({ sandbox, api } = await startSandbox());
    const { client, attempts, waits } = clientFor(sandbox);
    await client.session.authenticate();
    await api.control('PUT', '/faults', { seed: 7, pendingRate: 0.5, pathPrefix: '/api/v2/tss' });
    for (let i = 0; i < 4; i++) await client.createTss(randomUUID());
    const pending = attempts.filter((a) => a.outcome === 444);
    expect(pending.length).toBeGreaterThan(0);
    // Only 444s were injected, so every wait follows one: each at least half the backoff ceiling (5 ms base here).
    expect(waits).toHaveLength(pending.length);
    expect(waits.every((ms) => ms >= 2)).toBe(true);
    expect((await api.control('GET', '/status')).body.tss).toBe(4);
    await client.close();
  });

  it('gives up after its tries with a plain DE/EN explanation when the resource stays busy', async () => {
    ({ sandbox, api } = await startSandbox());
    const { client, attempts } = clientFor(sandbox, { attempts: 3 });
    await client.session.authenticate();
    await api.control('PUT', '/faults', { pendingRate: 1, pathPrefix: '/api/v2/tss' });
    const error = await client.createTss(randomUUID()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FiskalyError);
    expect(error).toMatchObject({ status: 444, code: 'E_MIDDLEWARE_PENDING_REQUEST' });
    expect((error as FiskalyError).explanation.de).toMatch(/frühere Anfrage/);
    expect((error as FiskalyError).explanation.en).toMatch(/nothing is done twice/);
    expect(attempts.filter((a) => a.path !== '/auth')).toHaveLength(3);
    await client.close();
  });

  it('waits out the Retry-After of the 20-a-minute limit on transaction lists, then gets the list', async () => {
    let nowMs = START;
    ({ sandbox, api } = await startSandbox({ limits: { listTransactionsPerMinute: 2 } }, { now: () => nowMs }));
    await api.login();
    const { tssId } = await api.initializedTss();
    const waits: number[] = [];
    const outcomes: Array<number | 'network'> = [];
    const client = new FiskalyClient({
      baseUrl: sandbox.url,
      credentials: { apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret },
      now: () => Math.floor(nowMs / 1000),
      retry: { baseDelayMs: 5, maxDelayMs: 40 },
      // The sandbox's clock moves by what the client waits, so a minute's Retry-After takes no minute.
      sleep: async (ms) => {
        waits.push(ms);
        nowMs += ms;
      },
      onAttempt: (call, _attempt, outcome) => {
        if (call.path.includes('/tx')) outcomes.push(outcome);
      },
    });
    for (let i = 0; i < 3; i++) expect(await client.listTransactions(tssId, ['ACTIVE'])).toEqual([]);
    expect(outcomes).toEqual([200, 200, 429, 200]);
    expect(waits).toEqual([60_000]);
    await client.close();
  });

  it('lists transactions a page at a time, by state, by client and in order', async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    const { tssId } = await api.initializedTss();
    const tills = [randomUUID(), randomUUID()];
    for (const [i, till] of tills.entries()) {
      expect((await api.request('PUT', `/tss/${tssId}/client/${till}`, { serial_number: `KASSE-${i + 1}` })).status).toBe(200);
    }
    for (const till of [tills[0], tills[0], tills[0], tills[1], tills[1]]) {
      expect((await api.request('PUT', `/tss/${tssId}/tx/${randomUUID()}?tx_revision=1`, { state: 'ACTIVE', client_id: till })).status).toBe(200);
    }
    const { client } = clientFor(sandbox);
    const first = await client.listTransactionsPage(tssId, { states: ['ACTIVE'], limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.count).toBe(5);
    expect((await client.listTransactionsPage(tssId, { states: ['ACTIVE'], limit: 2, offset: 4 })).items).toHaveLength(1);
    const newest = await client.listTransactionsPage(tssId, { states: ['ACTIVE'], limit: 1, order: 'desc', orderBy: 'number' });
    expect(newest.items[0]!.number).toBe(Math.max(...(await client.listTransactions(tssId, ['ACTIVE'])).map((tx) => tx.number)));
    const ofFirstTill = await client.listTransactions(tssId, ['ACTIVE'], { clientId: tills[0] });
    expect(ofFirstTill).toHaveLength(3);
    expect(ofFirstTill.every((tx) => tx.clientId === tills[0])).toBe(true);
    expect(await client.listTransactions(tssId, ['FINISHED'])).toEqual([]);
    await expect(client.listTransactionsPage(tssId, { limit: 101 })).rejects.toMatchObject({ code: 'E_FAILED_SCHEMA_VALIDATION' });
    await client.close();
  });
});

import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import type { SandboxOptionsInput } from '../../../../../main/products/sign-de/sandbox/options';
import { type ApiResponse, type SandboxApi, startSandbox } from '../../../../support/sandbox-api';

const RECEIPT = {
  standard_v1: { receipt: { receipt_type: 'RECEIPT', amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '1.00' }], amounts_per_payment_type: [{ payment_type: 'CASH', amount: '1.00' }] } },
};

function expectTooMany(response: ApiResponse, retryAfter: number): void {
  expect(response.status).toBe(429);
  expect(response.body).toMatchObject({ status_code: 429, error: 'Too Many Requests', code: 'E_TOO_MANY_REQUESTS' });
  expect(response.headers.get('retry-after')).toBe(String(retryAfter));
}

/** The limits and slow answers of the real API (sign-de-v2-api.md §8), on a sandbox whose clock the test moves. */
describe('sandbox limits as fiskaly has them', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let clock = Date.UTC(2026, 5, 1, 12, 0, 0);
  afterEach(() => sandbox.close());

  async function start(options: SandboxOptionsInput = {}) {
    clock = Date.UTC(2026, 5, 1, 12, 0, 0);
    ({ sandbox, api } = await startSandbox(options, { now: () => clock }));
    await api.login();
    const { tssId } = await api.initializedTss();
    const clientId = randomUUID();
    expect((await api.request('PUT', `/tss/${tssId}/client/${clientId}`, { serial_number: 'ERS limits' })).status).toBe(200);
    return { tssId, clientId };
  }

  async function receipts(tssId: string, clientId: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const tx = randomUUID();
      await api.request('PUT', `/tss/${tssId}/tx/${tx}?tx_revision=1`, { state: 'ACTIVE', client_id: clientId });
      expect((await api.request('PUT', `/tss/${tssId}/tx/${tx}?tx_revision=2`, { state: 'FINISHED', client_id: clientId, schema: RECEIPT })).status).toBe(200);
    }
  }

  it('allows 20 transaction lists a minute per TSS (every list of the TSS counts), then 429 with Retry-After', async () => {
    const { tssId, clientId } = await start();
    for (let i = 0; i < 10; i++) {
      expect((await api.request('GET', `/tss/${tssId}/tx`)).status).toBe(200);
      expect((await api.request('GET', `/tss/${tssId}/client/${clientId}/tx`)).status).toBe(200);
    }
    clock += 15_000;
    expectTooMany(await api.request('GET', `/tss/${tssId}/tx?states[]=ACTIVE`), 45);
    expectTooMany(await api.request('GET', `/tss/${tssId}/client/${clientId}/tx`), 45);
    // Another TSS has its own budget; reading one transaction is not a list.
    const other = await api.initializedTss();
    expect((await api.request('GET', `/tss/${other.tssId}/tx`)).status).toBe(200);
    clock += 45_000;
    expect((await api.request('GET', `/tss/${tssId}/tx`)).status).toBe(200);
  });

  it('takes the list budget from limits.listTransactionsPerMinute', async () => {
    const { tssId } = await start({ limits: { listTransactionsPerMinute: 2 } });
    expect((await api.request('GET', `/tss/${tssId}/tx`)).status).toBe(200);
    clock += 10_000;
    expect((await api.request('GET', `/tss/${tssId}/tx`)).status).toBe(200);
    expectTooMany(await api.request('GET', `/tss/${tssId}/tx`), 50);
  });

  it('allows 12 polls a minute per export (retrieveExport and its file together), then 429 with Retry-After', async () => {
    const { tssId, clientId } = await start({ exportDuration: { baseMs: 0, perLogMs: 0 } });
    await receipts(tssId, clientId, 1);
    const [first, second] = [randomUUID(), randomUUID()];
    expect((await api.request('PUT', `/tss/${tssId}/export/${first}`, {})).status).toBe(200);
    expect((await api.request('PUT', `/tss/${tssId}/export/${second}?client_id=${clientId}`, {})).status).toBe(200);
    for (let i = 0; i < 6; i++) {
      expect((await api.request('GET', `/tss/${tssId}/export/${first}`)).status).toBe(200);
      expect((await api.request('GET', `/tss/${tssId}/export/${first}/file`)).status).toBe(200);
    }
    clock += 1000;
    expectTooMany(await api.request('GET', `/tss/${tssId}/export/${first}`), 59);
    expectTooMany(await api.request('GET', `/tss/${tssId}/export/${first}/file`), 59);
    expect((await api.request('GET', `/tss/${tssId}/export/${second}`)).status).toBe(200);
    clock += 59_000;
    expect((await api.request('GET', `/tss/${tssId}/export/${first}`)).status).toBe(200);
  });

  it('runs an export for exportDuration (base + per log), shows estimated_time_of_completion, and answers its file E_EXPORT_NOT_COMPLETED with Retry-After until then', async () => {
    const { tssId, clientId } = await start({ exportDuration: { baseMs: 3000, perLogMs: 1000 } });
    await receipts(tssId, clientId, 2);
    const exportId = randomUUID();
    const requested = Math.floor(clock / 1000);
    // The client's two receipts: a Start and a Finish log each, so 4 logs at 1 s each plus the base 3 s.
    const triggered = await api.request('PUT', `/tss/${tssId}/export/${exportId}?client_id=${clientId}`, {});
    const eta = requested + 3 + 4;
    expect(triggered.body).toMatchObject({ state: 'PENDING', time_request: requested, estimated_time_of_completion: eta });

    const early = await api.request('GET', `/tss/${tssId}/export/${exportId}/file`);
    expect(early).toMatchObject({ status: 404, body: { code: 'E_EXPORT_NOT_COMPLETED' } });
    expect(early.headers.get('retry-after')).toBe(String(eta - requested));

    clock += 2000;
    expect((await api.request('GET', `/tss/${tssId}/export/${exportId}`)).body).toMatchObject({ state: 'WORKING', estimated_time_of_completion: eta });
    clock = (eta - 1) * 1000;
    expect((await api.request('GET', `/tss/${tssId}/export/${exportId}`)).body.state).toBe('WORKING');
    clock = eta * 1000;
    const done = (await api.request('GET', `/tss/${tssId}/export/${exportId}`)).body;
    expect(done).toMatchObject({ state: 'COMPLETED', time_end: eta });
    expect(done).not.toHaveProperty('estimated_time_of_completion');
    expect((await api.request('GET', `/tss/${tssId}/export/${exportId}/file`)).status).toBe(200);
  });

  it('defaults to a few seconds per export that grow with its size (3 s + 20 ms a log)', async () => {
    const { tssId, clientId } = await start();
    await receipts(tssId, clientId, 60);
    // 120 logs of the client: 3 s + 2.4 s, rounded up to whole seconds.
    const triggered = await api.request('PUT', `/tss/${tssId}/export/${randomUUID()}?client_id=${clientId}`, {});
    expect(triggered.body.estimated_time_of_completion).toBe(Math.floor(clock / 1000) + 6);
  });

  it('answers 444 E_MIDDLEWARE_PENDING_REQUEST while another request on the same resource is pending', async () => {
    await start({ deployDelayMs: 2000 });
    const [tssId, otherId] = [randomUUID(), randomUUID()];
    await api.request('PUT', `/tss/${tssId}`, {});
    await api.request('PUT', `/tss/${otherId}`, {});
    const deploying = api.request('PATCH', `/tss/${tssId}`, { state: 'UNINITIALIZED' });
    // The deployment has begun once the TSS's resource is busy; the other TSS is not.
    let second: ApiResponse | undefined;
    await expect
      .poll(async () => (second = await api.request('PATCH', `/tss/${tssId}/metadata`, { till: '1' })).status, { timeout: 10_000, interval: 50 })
      .toBe(444);
    expect(second!.body).toMatchObject({ status_code: 444, error: 'Middleware Pending Request', code: 'E_MIDDLEWARE_PENDING_REQUEST' });
    expect((await api.request('GET', `/tss/${tssId}`)).status).toBe(200);
    const other = await api.request('PATCH', `/tss/${otherId}`, { state: 'UNINITIALIZED' });
    expect(other.status).toBe(200);
    expect((await deploying).status).toBe(200);
    expect((await api.request('PATCH', `/tss/${tssId}`, { state: 'UNINITIALIZED' })).status).toBe(200);
  });

  it('frees a resource whose caller went away before the sandbox began on it (a till killed during the latency)', async () => {
    const { tssId } = await start();
    expect((await api.control('PUT', '/faults', { latencyMs: 300 })).status).toBe(200);
    const clientId = randomUUID();
    const gone = new AbortController();
    const abandoned = request(`${sandbox.url}/tss/${tssId}/client/${clientId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ serial_number: 'ERS killed' }),
      signal: gone.signal,
    }).catch(() => null);
    // The caller is gone while its request still waits out the latency, before the resource is taken.
    setTimeout(() => gone.abort(), 50);
    await abandoned;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await api.control('PUT', '/faults', {})).status).toBe(200);
    const again = await api.request('PUT', `/tss/${tssId}/client/${clientId}`, { serial_number: 'ERS killed' });
    expect(again.status).toBe(200);
  });

  it('answers the share pendingRate of requests 444, as a fault knob', async () => {
    await start();
    expect((await api.control('PUT', '/faults', { pendingRate: 1 })).status).toBe(200);
    const response = await api.request('GET', '/tss');
    expect(response).toMatchObject({ status: 444, body: { code: 'E_MIDDLEWARE_PENDING_REQUEST' } });
    expect((await api.control('GET', '/status')).body.fault_counts).toMatchObject({ pending: 1 });
  });

  it('accepts states DELETED, DEFECTIVE and EVICTED in TSS list filters, in both query forms', async () => {
    await start();
    for (const query of ['states[]=DELETED', 'states[0]=DEFECTIVE&states[1]=EVICTED', 'states=EVICTED']) {
      expect((await api.request('GET', `/tss?${query}`)).body).toMatchObject({ count: 0, data: [] });
    }
    expect((await api.request('GET', '/tss?states[0]=INITIALIZED&states[1]=DELETED')).body.count).toBe(1);
    expect((await api.request('GET', '/tss?states[]=GONE')).status).toBe(400);
  });

  it('accepts a triggerExport PUT without any body, with or without a JSON content type', async () => {
    const { tssId, clientId } = await start();
    await receipts(tssId, clientId, 1);
    const headers = { authorization: `Bearer ${api.token}` };
    const bare = await fetch(`${sandbox.url}/tss/${tssId}/export/${randomUUID()}`, { method: 'PUT', headers });
    expect(bare.status).toBe(200);
    const typed = await fetch(`${sandbox.url}/tss/${tssId}/export/${randomUUID()}?client_id=${clientId}`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' } });
    expect(typed.status).toBe(200);
    expect(await typed.json()).toMatchObject({ state: 'PENDING' });
    // Elsewhere an empty JSON body is still a parse error.
    const tss = await fetch(`${sandbox.url}/tss/${tssId}`, { method: 'PATCH', headers: { ...headers, 'content-type': 'application/json' } });
    expect(tss.status).toBe(400);
  });

  it('leaves an empty metadata object out of TSS, client, transaction and export answers, and shows a filled one', async () => {
    const { tssId, clientId } = await start({ exportDuration: { baseMs: 0, perLogMs: 0 } });
    expect((await api.request('GET', `/tss/${tssId}`)).body).not.toHaveProperty('metadata');
    expect((await api.request('GET', `/tss/${tssId}/client/${clientId}`)).body).not.toHaveProperty('metadata');
    const tx = randomUUID();
    expect((await api.request('PUT', `/tss/${tssId}/tx/${tx}?tx_revision=1`, { state: 'ACTIVE', client_id: clientId })).body).not.toHaveProperty('metadata');
    expect((await api.request('GET', `/tss/${tssId}/tx/${tx}`)).body).not.toHaveProperty('metadata');
    const exportId = randomUUID();
    expect((await api.request('PUT', `/tss/${tssId}/export/${exportId}`, {})).body).not.toHaveProperty('metadata');
    expect((await api.request('GET', `/tss/${tssId}/metadata`)).body).toEqual({});

    await api.request('PATCH', `/tss/${tssId}/tx/${tx}/metadata`, { till: '7' });
    const withMetadata = (await api.request('GET', `/tss/${tssId}/tx/${tx}`)).body;
    expect(withMetadata.metadata).toEqual({ till: '7' });
    expect(Object.keys(withMetadata).indexOf('metadata')).toBe(Object.keys(withMetadata).indexOf('_type') - 1);
    await api.request('PATCH', `/tss/${tssId}/export/${exportId}/metadata`, { store: 'B1' });
    expect((await api.request('GET', `/tss/${tssId}/export/${exportId}`)).body.metadata).toEqual({ store: 'B1' });
  });
});

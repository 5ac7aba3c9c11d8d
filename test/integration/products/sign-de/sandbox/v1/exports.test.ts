import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../../main/products/sign-de/sandbox/server';
import { readExportTar } from '../../../../../../main/products/sign-de/tse';
import { startSandbox } from '../../../../../support/sandbox-api';
import { SandboxV1Api, receiptBody } from '../../../../../support/sandbox-v1-api';

describe('V1 exports', () => {
  let sandbox: Sandbox;
  let v1: SandboxV1Api;
  let tssId: string;
  let clientId: string;
  beforeAll(async () => {
    ({ sandbox } = await startSandbox());
    v1 = new SandboxV1Api(sandbox);
    await v1.login();
    tssId = await v1.tss();
    clientId = await v1.client(tssId, 'KASSE_03');
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      await v1.tx(tssId, id, { state: 'ACTIVE', client_id: clientId });
      await v1.tx(tssId, id, receiptBody(clientId), 1);
    }
  });
  afterAll(() => sandbox.close());

  it('answers PENDING, is COMPLETED at the next look, and its file is a small TAR with every transaction, the same bytes each time', async () => {
    const exportId = randomUUID();
    const triggered = await v1.request('PUT', `/tss/${tssId}/export/${exportId}`, {});
    expect(triggered.status).toBe(200);
    expect(triggered.body).toMatchObject({ _id: exportId, _type: 'EXPORT', tss_id: tssId, state: 'PENDING' });
    expect(triggered.body).not.toHaveProperty('href');
    const polled = await v1.request('GET', `/tss/${tssId}/export/${exportId}`);
    expect(polled.body).toMatchObject({ state: 'COMPLETED', href: `/api/v1/tss/${tssId}/export/${exportId}/file` });
    expect(polled.body.time_end).toBeTypeOf('number');
    // A transaction signed after the request is not in it.
    const later = randomUUID();
    await v1.tx(tssId, later, { state: 'ACTIVE', client_id: clientId });
    const file = await v1.request<Buffer>('GET', `/tss/${tssId}/export/${exportId}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/x-tar');
    const entries = await readExportTar(file.body);
    const names = entries.map((e) => e.name);
    expect(names).toContain('tss.json');
    // Start and Finish of each of the three.
    expect(names.filter((n) => n.startsWith('transactions/'))).toHaveLength(6);
    expect(names.some((n) => n.includes(later))).toBe(false);
    const again = await v1.request<Buffer>('GET', `/tss/${tssId}/export/${exportId}/file`);
    expect(Buffer.compare(again.body, file.body)).toBe(0);
    // Triggering the same export again is a retry.
    expect((await v1.request('PUT', `/tss/${tssId}/export/${exportId}`)).body).toMatchObject({ _id: exportId, state: 'COMPLETED' });
  });

  it('exports a DISABLED TSS; refuses an UNINITIALIZED one, an unknown client filter, an unknown export', async () => {
    const disabled = await v1.tss();
    await v1.request('PUT', `/tss/${disabled}`, { state: 'DISABLED' });
    const exportId = randomUUID();
    expect((await v1.request('PUT', `/tss/${disabled}/export/${exportId}`, {})).status).toBe(200);
    expect((await v1.request('GET', `/tss/${disabled}/export/${exportId}`)).body.state).toBe('COMPLETED');
    expect((await v1.request('GET', `/tss/${disabled}/export/${exportId}/file`)).status).toBe(200);

    const fresh = await v1.tss('UNINITIALIZED');
    expect((await v1.request('PUT', `/tss/${fresh}/export/${randomUUID()}`, {})).body).toMatchObject({ status_code: 400, code: 'E_TSS_NOT_INITIALIZED' });
    expect((await v1.request('PUT', `/tss/${tssId}/export/${randomUUID()}?client_id=${randomUUID()}`, {})).body).toMatchObject({ status_code: 400, code: 'E_CLIENT_NOT_FOUND' });
    expect((await v1.request('GET', `/tss/${tssId}/export/${randomUUID()}`)).body).toMatchObject({ status_code: 404, code: 'E_EXPORT_NOT_FOUND' });
    expect((await v1.request('PUT', `/tss/${disabled}/export/${exportId}`, {})).status).toBe(200);
    expect((await v1.request('PUT', `/tss/${tssId}/export/${exportId}`, {})).body).toMatchObject({ code: 'E_DUPLICATE_EXPORT' });
  });

  it('filters by client_id', async () => {
    const otherClient = await v1.client(tssId, 'KASSE-09');
    const id = randomUUID();
    await v1.tx(tssId, id, { state: 'ACTIVE', client_id: otherClient });
    const exportId = randomUUID();
    await v1.request('PUT', `/tss/${tssId}/export/${exportId}?client_id=${otherClient}`, {});
    await v1.request('GET', `/tss/${tssId}/export/${exportId}`);
    const entries = await readExportTar((await v1.request<Buffer>('GET', `/tss/${tssId}/export/${exportId}/file`)).body);
    expect(entries.filter((e) => e.name.startsWith('transactions/')).map((e) => e.name)).toEqual([expect.stringContaining(id)]);
  });

  it('lists per TSS and overall, newest first with order=desc, by state', async () => {
    const list = await v1.request<{ data: { time_request: number; state: string }[]; count: number; _type: string }>(
      'GET',
      `/tss/${tssId}/export?order=desc&order_by=time_request&states[0]=COMPLETED&limit=10&offset=0`,
    );
    expect(list.body._type).toBe('EXPORT_LIST');
    expect(list.body.count).toBeGreaterThanOrEqual(2);
    expect(list.body.data.every((e) => e.state === 'COMPLETED')).toBe(true);
    const all = await v1.request<{ count: number }>('GET', '/export');
    expect(all.body.count).toBeGreaterThanOrEqual(list.body.count);
    expect((await v1.request('GET', '/export?states[]=WORKING')).status).toBe(400);
  });
});

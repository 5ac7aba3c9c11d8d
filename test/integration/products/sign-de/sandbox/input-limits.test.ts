import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';

const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Bad input gets a clear 4xx and changes nothing, on the fiskaly routes and on the sandbox's own knobs. */
describe('sandbox input limits', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let tssId: string;
  let clientId: string;

  beforeAll(async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    ({ tssId } = await api.initializedTss());
    clientId = randomUUID();
    await api.request('PUT', `/tss/${tssId}/client/${clientId}`, { serial_number: 'ERS input' });
  });
  afterAll(() => sandbox.close());

  it('answers a transaction body nested 3,000 deep with 400 E_PARSER, not 500', async () => {
    const body = `{"state":"ACTIVE","client_id":"${clientId}","metadata":${nested(3000)}}`;
    const response = await api.request('PUT', `/tss/${tssId}/tx/${randomUUID()}?tx_revision=1`, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status_code: 400, code: 'E_PARSER', message: expect.stringMatching(/nested deeper than 32 levels/) });
    const schema = `{"state":"ACTIVE","client_id":"${clientId}","schema":{"standard_v1":{"other":${nested(3000)}}}}`;
    expect((await api.request('PUT', `/tss/${tssId}/tx/${randomUUID()}?tx_revision=2`, schema)).body).toMatchObject({ code: 'E_PARSER' });
    expect((await api.request('GET', `/tss/${tssId}`)).body.number_active_transactions).toBe(0);
  });

  it('counts only real nesting: brackets inside strings do not count, 32 levels pass', async () => {
    const metadata = { note: '{['.repeat(200) };
    expect((await api.request('PATCH', `/tss/${tssId}/metadata`, metadata)).status).toBe(200);
    const response = await api.request('PATCH', `/tss/${tssId}/metadata`, `{"k":${nested(30)}}`);
    // Parsed (not E_PARSER): the schema then refuses a non-string value.
    expect(response.body).toMatchObject({ code: 'E_FAILED_SCHEMA_VALIDATION' });
  });

  it('bounds the control routes: deep or large bodies, unknown keys and regular expressions are refused, and nothing changes', async () => {
    const faultsUrl = `${new URL(sandbox.url).origin}/_sandbox/faults`;
    const put = (body: string) => fetch(faultsUrl, { method: 'PUT', headers: { 'content-type': 'application/json' }, body });
    const deep = await put(nested(1000));
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ code: 'E_PARSER' });
    expect((await put(JSON.stringify({ errorRate: 0, pad: 'x'.repeat(20_000) }))).status).toBe(413);
    const unknown = await put(JSON.stringify({ errorRate: 1, surprise: true }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ message: expect.stringMatching(/unknown key surprise/) });
    const regex = await put(JSON.stringify({ errorRate: 1, pathPattern: '^(a|aa)+$' }));
    expect(regex.status).toBe(400);
    expect(sandbox.faults.current.errorRate).toBe(0);
    expect((await api.request('GET', '/tss')).status).toBe(200);
  });
});

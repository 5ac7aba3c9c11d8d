import { randomUUID } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpExchange, fetchExchange, undiciExchange } from '../../../main/core/session/http-exchange';
import { FiskalyClient } from '../../../main/products/sign-de/api/client';
import { FiskalyHttp } from '../../../main/products/sign-de/api/http';
import { DEFAULT_ORGANIZATION } from '../../../main/products/sign-de/sandbox/organizations';
import type { Sandbox } from '../../../main/products/sign-de/sandbox/server';
import { startSandbox } from '../../support/sandbox-api';

/**
 * The two ways the app sends a request give the same answers: undici (the CLI) and a fetch-compatible
 * function (the app's Electron net.fetch; Node's global fetch stands in for it here, as Electron cannot
 * run in this test). Against the loopback sandbox, and a small server for what the sandbox does on demand only.
 */
const TAR = Buffer.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x00, 0xff, 0x00, 0x80]);

function startOddServer(): Promise<{ url: string; tries: Map<string, number>; server: Server }> {
  const tries = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    const n = (tries.get(path) ?? 0) + 1;
    tries.set(path, n);
    if (path === '/limited' && n === 1) res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"code":"E_TOO_MANY_REQUESTS","message":"slow down"}');
    else if (path === '/limited') res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    else if (path === '/tar') res.writeHead(200, { 'content-type': 'application/x-tar' }).end(TAR);
    else if (path === '/silent') return; // never answers
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"E_NOT_FOUND","message":"nothing here"}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tries, server })));
}

/** A loopback port nothing listens on (fetch refuses "bad ports" such as 1 before connecting). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const agent = new Agent();
const EXCHANGES: Array<[string, HttpExchange]> = [
  ['undici', undiciExchange(agent)],
  ['fetch (the app’s net.fetch stand-in)', fetchExchange(globalThis.fetch)],
];

describe.each(EXCHANGES)('the %s exchange', (_name, exchange) => {
  let sandbox: Sandbox;
  let odd: Awaited<ReturnType<typeof startOddServer>>;
  beforeAll(async () => {
    ({ sandbox } = await startSandbox());
    odd = await startOddServer();
  });
  afterAll(async () => {
    await sandbox.close();
    odd.server.closeAllConnections();
    await new Promise((resolve) => odd.server.close(resolve));
  });

  it('logs in to the sandbox and creates a TSS through the real client', async () => {
    const client = new FiskalyClient({ baseUrl: sandbox.url, credentials: { apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret }, exchange });
    const tssId = randomUUID();
    const tss = await client.createTss(tssId);
    expect(tss.id).toBe(tssId);
    expect(tss.serialNumber).toMatch(/^[0-9a-f]{64}$/);
    expect((await client.getTss(tssId)).id).toBe(tssId);
    await client.close();
  });

  it('waits as Retry-After says, then gets the answer', async () => {
    const waits: number[] = [];
    const http = new FiskalyHttp(odd.url, { exchange, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 }, sleep: async (ms) => void waits.push(ms) });
    const answer = await http.send({ method: 'GET', path: '/limited', timeoutMs: 5_000 });
    expect(answer.json).toEqual({ ok: true });
    expect(waits).toEqual([1_000]);
  });

  it('brings binary answers (an export TAR) back byte for byte', async () => {
    const http = new FiskalyHttp(odd.url, { exchange });
    const answer = await http.send({ method: 'GET', path: '/tar', timeoutMs: 5_000, binary: true });
    expect(answer.bytes.equals(TAR)).toBe(true);
    expect(answer.json).toBeNull();
  });

  it('gives up after the timeout as E_TIMEOUT, and names a refused connection E_NETWORK', async () => {
    const http = new FiskalyHttp(odd.url, { exchange, retry: { attempts: 1 } });
    await expect(http.send({ method: 'GET', path: '/silent', timeoutMs: 200 })).rejects.toMatchObject({ code: 'E_TIMEOUT' });
    const closed = await freePort();
    const refused = new FiskalyHttp(`http://127.0.0.1:${closed}`, { exchange, retry: { attempts: 1 } });
    await expect(refused.send({ method: 'GET', path: '/', timeoutMs: 2_000 })).rejects.toMatchObject({ code: 'E_NETWORK', status: 0, apiMessage: 'ECONNREFUSED' });
  });

  it('reads a refusal’s code and message from its JSON body', async () => {
    const http = new FiskalyHttp(odd.url, { exchange, retry: { attempts: 1 } });
    await expect(http.send({ method: 'GET', path: '/nothing', timeoutMs: 5_000 })).rejects.toMatchObject({ status: 404, code: 'E_NOT_FOUND' });
  });
});

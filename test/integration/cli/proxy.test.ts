import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANIZATION } from '../../../main/products/sign-de/sandbox/organizations';
import type { Sandbox } from '../../../main/products/sign-de/sandbox/server';
import { runCliProcess } from '../../support/cli-process';
import { type LoopbackProxy, startLoopbackProxy } from '../../support/loopback-proxy';
import { MASTER_DATA_FLAGS } from '../../support/master-data';
import { startSandbox } from '../../support/sandbox-api';
import { makeTempDir } from '../../support/temp-dir';

/**
 * The CLI reaches fiskaly through the usual proxy variables. "fiskaly" is a second sandbox on 127.0.0.1 and
 * the proxy another loopback server that records what it was asked for; NO_PROXY is empty, so loopback goes
 * through the proxy too, except the data folder's built-in sandbox, which is always reached directly.
 */
describe('tss-companion behind a proxy', () => {
  const dir = makeTempDir();
  const dataDir = ['--data-dir', dir.path];
  const key = { FISKALY_API_KEY: DEFAULT_ORGANIZATION.apiKey, FISKALY_API_SECRET: DEFAULT_ORGANIZATION.apiSecret };
  let proxy: LoopbackProxy;
  let fiskaly: Sandbox;
  let fiskalyHost: string;
  beforeAll(async () => {
    proxy = await startLoopbackProxy();
    ({ sandbox: fiskaly } = await startSandbox());
    fiskalyHost = new URL(fiskaly.url).host;
  });
  afterAll(async () => {
    await fiskaly.close();
    await proxy.close();
    dir.remove();
  });
  const throughProxy = () => proxy.seen.filter((target) => target.includes(fiskalyHost)).length;

  it('logs in through HTTPS_PROXY/HTTP_PROXY (connect)', async () => {
    const before = throughProxy();
    const result = await runCliProcess(['connect', '--product', 'sign-de', '--base-url', fiskaly.url, '--json', ...dataDir], {
      env: { ...key, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(throughProxy()).toBeGreaterThan(before);
  }, 60_000);

  it('provisions a TEST store through a lower-case http_proxy', async () => {
    const before = throughProxy();
    const result = await runCliProcess(['provision', '--base-url', fiskaly.url, '--client', 'PROXY-1', '--store', 'Hinter dem Proxy', ...MASTER_DATA_FLAGS, '--no-receipt', '--json', ...dataDir], {
      env: { ...key, TSS_COMPANION_PASSPHRASE: 'a long passphrase for the proxy test', http_proxy: proxy.url, no_proxy: '' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as Array<{ status: string }>)[0]!.status).toBe('done');
    // Every call of the run went through the proxy (one CONNECT per connection, several calls each).
    expect(throughProxy()).toBeGreaterThan(before);
  }, 60_000);

  it('reaches fiskaly directly when NO_PROXY names it, and the built-in sandbox always directly', async () => {
    const seen = proxy.seen.length;
    const named = await runCliProcess(['connect', '--product', 'sign-de', '--base-url', fiskaly.url, ...dataDir], { env: { ...key, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } });
    expect(named.code, named.stderr).toBe(0);
    const builtIn = await runCliProcess(['connect', '--product', 'sign-de', '--sandbox', ...dataDir], { env: { HTTP_PROXY: proxy.url, NO_PROXY: '' } });
    expect(builtIn.code, builtIn.stderr).toBe(0);
    expect(proxy.seen.length).toBe(seen);
  }, 60_000);

  it('says so when the proxy cannot be reached', async () => {
    const result = await runCliProcess(['connect', '--product', 'sign-de', '--base-url', fiskaly.url, ...dataDir], { env: { ...key, HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot be reached/);
  }, 60_000);
});

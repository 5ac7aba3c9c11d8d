import { Agent, EnvHttpProxyAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { nodeDispatcher, proxyVariables } from '../../../../../main/core/session/http-proxy';

describe('the proxy variables', () => {
  it.each([
    [{}, { httpProxy: '', httpsProxy: '', noProxy: '' }],
    [{ HTTPS_PROXY: 'http://p:1', NO_PROXY: 'a.example' }, { httpProxy: '', httpsProxy: 'http://p:1', noProxy: 'a.example' }],
    [{ https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1' }, { httpProxy: '', httpsProxy: 'http://lower:1', noProxy: '' }],
    [{ http_proxy: 'http://p:2', no_proxy: '*' }, { httpProxy: 'http://p:2', httpsProxy: 'http://p:2', noProxy: '*' }],
  ])('reads %j', (env, expected) => {
    expect(proxyVariables(env)).toEqual(expected);
  });

  it('gives a proxy agent only when a proxy is set and the target is not the laptop’s own sandbox', async () => {
    const env = { HTTPS_PROXY: 'http://127.0.0.1:9' };
    const proxied = nodeDispatcher({ env });
    const direct = nodeDispatcher({ env, direct: true });
    const none = nodeDispatcher({ env: {} });
    expect(proxied).toBeInstanceOf(EnvHttpProxyAgent);
    expect(direct).toBeInstanceOf(Agent);
    expect(none).toBeInstanceOf(Agent);
    await Promise.all([proxied.close(), direct.close(), none.close()]);
  });
});

import { Agent, type Dispatcher, EnvHttpProxyAgent } from 'undici';

/** The proxy variables as curl and most tools read them: lower case first, then upper case; unset is none. */
export function proxyVariables(env: NodeJS.ProcessEnv): { httpProxy: string; httpsProxy: string; noProxy: string } {
  const read = (name: string) => env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '';
  const httpProxy = read('http_proxy');
  // Without HTTPS_PROXY, https:// goes through HTTP_PROXY (undici's rule, and curl's habit in practice).
  return { httpProxy, httpsProxy: read('https_proxy') || httpProxy, noProxy: read('no_proxy') };
}

export interface NodeDispatcherOptions extends Agent.Options {
  /** Never through a proxy: the built-in sandbox runs on this laptop. */
  direct?: boolean;
  /** Where the proxy variables are read (process.env unless given). */
  env?: NodeJS.ProcessEnv;
}

/**
 * The Node side's connection pool: HTTPS_PROXY, HTTP_PROXY and NO_PROXY (lower case too) honoured through
 * undici's EnvHttpProxyAgent, or a plain Agent for `direct` and when no proxy is set.
 */
export function nodeDispatcher({ direct = false, env = process.env, ...agent }: NodeDispatcherOptions = {}): Dispatcher {
  const proxy = proxyVariables(env);
  if (direct || (!proxy.httpProxy && !proxy.httpsProxy)) return new Agent(agent);
  return new EnvHttpProxyAgent({ ...agent, ...proxy });
}

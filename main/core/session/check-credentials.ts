import { type CredentialsCheck, PRODUCTS, type ProductId } from '../../../preload/contract/core/products';
import type { HttpExchange } from './http-exchange';
import { SessionHttp } from './http';
import { Session } from './session';

export interface CredentialsCheckInput {
  product: ProductId;
  apiKey: string;
  apiSecret: string;
  /** Where the product's API answers (its auth path follows). */
  baseUrl: string;
  scope?: string | null;
  apiVersion?: string;
  /** How to send (the app's net.fetch); else undici through the proxy variables, or `direct` for the built-in sandbox. */
  exchange?: HttpExchange;
  direct?: boolean;
}

/**
 * Logs in once with a key and secret and says what the token told; the token itself is dropped with the
 * session. A refused key and secret rejects with an ApiCallError of status 401 (isUnauthorized).
 */
export async function checkCredentials(input: CredentialsCheckInput): Promise<CredentialsCheck> {
  const http = new SessionHttp(input.baseUrl, { exchange: input.exchange, direct: input.direct });
  try {
    const session = new Session(http, PRODUCTS[input.product].auth, { apiKey: input.apiKey, apiSecret: input.apiSecret }, {
      apiVersion: input.apiVersion,
      scope: input.scope ?? null,
      environmentFallback: environmentOfHost(input.baseUrl),
    });
    const info = await session.login();
    return {
      product: input.product,
      environment: info.environment,
      organizationId: info.organizationId,
      scope: info.scope,
      expiresAt: new Date(info.accessExpiresAt * 1000).toISOString(),
    };
  } finally {
    await http.close();
  }
}

/** VERIFY: the newer products name TEST in the host (`test.es.sign…`, `test.api…`); `live.` is assumed for LIVE. */
export function environmentOfHost(baseUrl: string): 'TEST' | 'LIVE' | null {
  const host = new URL(baseUrl).hostname;
  return host.startsWith('test.') ? 'TEST' : host.startsWith('live.') ? 'LIVE' : null;
}

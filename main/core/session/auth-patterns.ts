import type { AuthPattern as AuthPatternId } from '../../../preload/contract/core/products';

export interface ApiCredentials {
  apiKey: string;
  apiSecret: string;
}

/** What a pattern's calls depend on beyond the credentials. */
export interface PatternContext {
  /** `X-Api-Version` of the Unified API. */
  apiVersion: string;
  /** `X-Scope-Identifier`: the organization unit scoped calls act for (Unified API). */
  scope: string | null;
}

/** One auth request: POST to `path` below the API base. */
export interface AuthRequest {
  path: string;
  body: unknown;
  headers?: Record<string, string>;
}

/** How one family of fiskaly products logs in, renews and marks its calls. */
export interface AuthPattern {
  id: AuthPatternId;
  login(credentials: ApiCredentials, context: PatternContext): AuthRequest;
  /** Swaps a refresh token for new tokens; null where none is documented, so a 401 means a new login. */
  refresh: ((refreshToken: string, context: PatternContext) => AuthRequest) | null;
  /** Headers every call with the token carries. */
  callHeaders(context: PatternContext): Record<string, string> | undefined;
}

/** SIGN DE, SIGN AT, DSFinV-K (and RECEIPT): `/auth` with key and secret, renewed with the refresh token. */
const apiKeyRefresh: AuthPattern = {
  id: 'api-key-refresh',
  login: ({ apiKey, apiSecret }) => ({ path: '/auth', body: { api_key: apiKey, api_secret: apiSecret } }),
  refresh: (refreshToken) => ({ path: '/auth', body: { refresh_token: refreshToken } }),
  callHeaders: () => undefined,
};

/** SIGN ES: the same `/auth`, its body in a `content` envelope. No refresh is documented (VERIFY): a 401 logs in again. */
const contentApiKey: AuthPattern = {
  id: 'content-api-key',
  login: ({ apiKey, apiSecret }) => ({ path: '/auth', body: { content: { api_key: apiKey, api_secret: apiSecret } } }),
  refresh: null,
  callHeaders: () => undefined,
};

/**
 * SIGN IT, SIGN FR, E-Invoice: `/tokens` with a typed `content`, the API version on every request, and the
 * organization unit on scoped calls. No refresh is documented (VERIFY): a 401 logs in again.
 */
const unifiedTokens: AuthPattern = {
  id: 'unified-tokens',
  login: ({ apiKey, apiSecret }, { apiVersion }) => ({
    path: '/tokens',
    body: { content: { type: 'API_KEY', key: apiKey, secret: apiSecret } },
    headers: { 'X-Api-Version': apiVersion },
  }),
  refresh: null,
  // VERIFY: the documents show X-Scope-Identifier on calls with the token, not on POST /tokens itself.
  callHeaders: ({ apiVersion, scope }) => {
    const headers: Record<string, string> = { 'X-Api-Version': apiVersion };
    if (scope) headers['X-Scope-Identifier'] = scope;
    return headers;
  },
};

export const AUTH_PATTERNS: Readonly<Record<AuthPatternId, AuthPattern>> = {
  'api-key-refresh': apiKeyRefresh,
  'content-api-key': contentApiKey,
  'unified-tokens': unifiedTokens,
};

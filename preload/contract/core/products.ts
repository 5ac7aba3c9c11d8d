/**
 * The fiskaly products TSS Companion can log in to, and how each one authenticates (the product documents'
 * "Authentication" guide). Plain values, no zod: main, the CLI, the sandbox and the renderer all read this.
 */

/**
 * - `api-key-refresh`: `POST /auth` with `{api_key, api_secret}`, renewed with `{refresh_token}` (SIGN DE, SIGN AT,
 *   DSFinV-K, RECEIPT).
 * - `content-api-key`: `POST /auth` with `{content: {api_key, api_secret}}`; no refresh is documented (SIGN ES).
 * - `unified-tokens`: `POST /tokens` with `{content: {type: "API_KEY", key, secret}}` and the `X-Api-Version` header;
 *   calls carry `X-Scope-Identifier: <organization unit id>` when scoped (SIGN IT, SIGN FR, E-Invoice).
 */
export const authPatterns = ['api-key-refresh', 'content-api-key', 'unified-tokens'] as const;
export type AuthPattern = (typeof authPatterns)[number];

export const productIds = ['sign-de', 'sign-at', 'sign-es', 'unified'] as const;
export type ProductId = (typeof productIds)[number];

/** The Unified API's version header as of the product documents (2026-02-03); a setting can name a newer one. */
export const UNIFIED_API_VERSION = '2026-02-03';
/** What an `X-Api-Version` looks like: a date. */
export const API_VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** An organization unit id for `X-Scope-Identifier`. The documents do not say its form (VERIFY): an id-like text. */
export const SCOPE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export interface ProductInfo {
  id: ProductId;
  /** How the product is named to the technician (the same in German and English). */
  label: string;
  auth: AuthPattern;
  /** The API base for TEST keys; the auth path (`/auth`, `/tokens`) follows it. */
  testBaseUrl: string;
  /** The API base for LIVE keys. */
  liveBaseUrl: string;
  /**
   * Where the built-in sandbox serves the product, below its origin (http://127.0.0.1:PORT). SIGN DE is the
   * whole API; the others serve their auth endpoint (and a sandbox-only `/_sandbox/whoami`) so each
   * authentication pattern can be exercised offline.
   */
  sandboxPath: string;
  /** Calls can be scoped to an organization unit (`X-Scope-Identifier`). */
  scoped: boolean;
}

export const PRODUCTS: Readonly<Record<ProductId, ProductInfo>> = {
  'sign-de': {
    id: 'sign-de',
    label: 'SIGN DE',
    auth: 'api-key-refresh',
    // One host for TEST and LIVE: the API key decides which one a session is in.
    testBaseUrl: 'https://kassensichv-middleware.fiskaly.com/api/v2',
    liveBaseUrl: 'https://kassensichv-middleware.fiskaly.com/api/v2',
    sandboxPath: '/api/v2',
    scoped: false,
  },
  'sign-at': {
    id: 'sign-at',
    label: 'SIGN AT',
    auth: 'api-key-refresh',
    // VERIFY: the product documents give no SIGN AT address; this is fiskaly's published RKSV host, key decides TEST/LIVE.
    testBaseUrl: 'https://rksv.fiskaly.com/api/v1',
    liveBaseUrl: 'https://rksv.fiskaly.com/api/v1',
    sandboxPath: '/sign-at/api/v1',
    scoped: false,
  },
  'sign-es': {
    id: 'sign-es',
    label: 'SIGN ES',
    auth: 'content-api-key',
    testBaseUrl: 'https://test.es.sign.fiskaly.com/api/v1',
    // VERIFY: only the TEST host is in the product documents; LIVE is assumed to drop the "test." prefix.
    liveBaseUrl: 'https://es.sign.fiskaly.com/api/v1',
    sandboxPath: '/sign-es/api/v1',
    scoped: false,
  },
  unified: {
    id: 'unified',
    label: 'Unified API (SIGN IT, SIGN FR, E-Invoice)',
    auth: 'unified-tokens',
    testBaseUrl: 'https://test.api.fiskaly.com',
    // VERIFY: only the TEST host is in the product documents; LIVE is assumed to be "live.api".
    liveBaseUrl: 'https://live.api.fiskaly.com',
    sandboxPath: '/unified',
    scoped: true,
  },
};

export const isProductId = (value: unknown): value is ProductId => typeof value === 'string' && (productIds as readonly string[]).includes(value);

/** The product's API base in the sandbox at `sandboxUrl` (any URL of it: only its origin counts). */
export const sandboxBaseUrl = (sandboxUrl: string, product: ProductId): string => `${new URL(sandboxUrl).origin}${PRODUCTS[product].sandboxPath}`;

/** What checking a key and secret found out (`orgs:check`, `tss-companion connect`); never a token. */
export interface CredentialsCheck {
  product: ProductId;
  /** TEST or LIVE as the token says; null when neither the answer nor the address tells. */
  environment: 'TEST' | 'LIVE' | null;
  /** The organization the key belongs to, from the token; null when the answer does not name it. */
  organizationId: string | null;
  /** The organization unit the session is scoped to (Unified API), if any. */
  scope: string | null;
  /** When the access token runs out, ISO 8601. */
  expiresAt: string;
}

/** One login's tokens, held in memory only: never written, logged or sent anywhere but to fiskaly. */
export interface TokenState {
  access: string;
  /** Unix seconds. */
  accessExpiresAt: number;
  /** Null where the pattern has no refresh or the answer gave none. */
  refresh: string | null;
  /** Unix seconds; 0 without a refresh token. */
  refreshExpiresAt: number;
  /** TEST or LIVE as the token says; null when it does not say. */
  env: 'TEST' | 'LIVE' | null;
  organizationId: string | null;
}

/** An answer that names no lifetime at all is taken to last 10 minutes (an old SIGN DE example's figure). */
const FALLBACK_ACCESS_SECONDS = 600;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The tokens in an auth answer; null when it has no access token. SIGN DE's answer is documented
 * (`access_token`, `access_token_expires_in`/`_at`, `refresh_token`, `refresh_token_expires_in`/`_at`,
 * `access_token_claims: {env, organization_id}`); the others are read the same way where they say less.
 */
export function readTokenAnswer(json: unknown, now: number): TokenState | null {
  if (!isObject(json)) return null;
  // VERIFY: SIGN ES and the Unified API are documented to answer `{access_token}` at the top; an answer in a
  // `content` envelope, like their requests, is read too.
  const answer = typeof json.access_token !== 'string' && isObject(json.content) ? json.content : json;
  if (typeof answer.access_token !== 'string' || answer.access_token === '') return null;
  // VERIFY: where an answer has no `access_token_claims` (SIGN ES, Unified), the JWT's own claims name the
  // environment and organization, as SIGN DE's tokens do (`env`, `organization`); read, never trusted for more.
  const jwt = jwtClaims(answer.access_token);
  const claims = isObject(answer.access_token_claims) ? answer.access_token_claims : (jwt ?? {});
  const at = (absolute: unknown, relative: unknown): number | null =>
    typeof absolute === 'number' ? absolute : typeof relative === 'number' ? now + relative : null;
  const organization = claims.organization_id ?? claims.organization;
  return {
    access: answer.access_token,
    // VERIFY: `expires_in` (the OAuth name) for answers without SIGN DE's field names; then the JWT's `exp`.
    accessExpiresAt:
      at(answer.access_token_expires_at, answer.access_token_expires_in ?? answer.expires_in) ??
      (typeof jwt?.exp === 'number' ? jwt.exp : now + FALLBACK_ACCESS_SECONDS),
    refresh: typeof answer.refresh_token === 'string' ? answer.refresh_token : null,
    refreshExpiresAt: at(answer.refresh_token_expires_at, answer.refresh_token_expires_in) ?? 0,
    env: claims.env === 'LIVE' ? 'LIVE' : claims.env === 'TEST' ? 'TEST' : null,
    organizationId: typeof organization === 'string' && organization !== '' ? organization : null,
  };
}

/** The payload of a JWT, unverified (fiskaly's own answer over TLS; only read for display); null if it is none. */
function jwtClaims(token: string): Json | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    return isObject(payload) ? payload : null;
  } catch {
    return null;
  }
}

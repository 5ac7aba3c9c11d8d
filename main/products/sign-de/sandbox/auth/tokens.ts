import { randomUUID } from 'node:crypto';
import { type JWK, SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import type { ProductId } from '../../../../../preload/contract/core/products';
import { ApiError } from '../api-error';
import type { OrganizationRecord, SandboxState } from '../state';

const ISSUER = 'https://sandbox.tss-companion.invalid/auth';
const ALGORITHM = 'ES256';

export interface TokenSet {
  access_token: string;
  access_token_claims: { env: OrganizationRecord['env']; organization_id: string };
  access_token_expires_in: number;
  access_token_expires_at: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  refresh_token_expires_at: number;
}

/** Who a token is for: a product, or SIGN DE's V1 API, whose tokens are a family of their own (V1 doc §2). */
export type TokenFamily = ProductId | 'sign-de-v1';

export interface VerifiedAccess {
  organizationId: string;
  tokenId: string;
  /** The product the token was issued for: a SIGN AT token opens nothing of SIGN DE, and the other way round. */
  product: TokenFamily;
}

interface Lifetimes {
  accessSeconds: number;
  refreshSeconds: number;
}

/** Signed JWTs like fiskaly's: a repeated login with the same key gets the same token until it expires. */
/** Verified access tokens are remembered until they expire: checking ES256 on every request costs. */
const MAX_VERIFIED = 10_000;

export class TokenService {
  private readonly cache = new Map<string, TokenSet>();
  private readonly verified = new Map<string, VerifiedAccess & { exp: number }>();

  private constructor(
    private keys: SigningKeys,
    private readonly lifetimes: () => Lifetimes,
    private readonly now: () => number,
  ) {}

  /** Loads the signing key from the state, making and storing one the first time. */
  static async create(state: SandboxState, lifetimes: () => Lifetimes, now: () => number): Promise<TokenService> {
    state.tokenKey ??= await newTokenKey();
    return new TokenService(await importKeys(state.tokenKey), lifetimes, now);
  }

  /**
   * Refuses every token issued so far, access and refresh, of every product (401 from now on), so a client's
   * 401 → refresh → new login can be tested without moving the clock: a new signing key, kept in the state.
   */
  async revokeAll(state: SandboxState): Promise<void> {
    state.tokenKey = await newTokenKey();
    this.keys = await importKeys(state.tokenKey);
    this.clear();
  }

  /** SIGN DE's tokens carry no product claim (as before); the other products' name theirs. */
  async login(organization: OrganizationRecord, product: TokenFamily = 'sign-de'): Promise<TokenSet> {
    const key = cacheKey(product, organization.apiKey);
    const cached = this.cache.get(key);
    const now = this.now();
    if (cached && cached.access_token_expires_at > now) {
      return {
        ...cached,
        access_token_expires_in: cached.access_token_expires_at - now,
        refresh_token_expires_in: cached.refresh_token_expires_at - now,
      };
    }
    const fresh = await this.issue(organization, product);
    this.cache.set(key, fresh);
    return fresh;
  }

  /** A refresh token buys a new pair; a bad or expired one is a 401, as on the real API since v2.1.9. */
  async refresh(refreshToken: string, findOrganization: (id: string) => OrganizationRecord | undefined, product: TokenFamily = 'sign-de'): Promise<TokenSet> {
    const claims = await this.verify(refreshToken, 'refresh');
    const organization = claims && claims.product === product ? findOrganization(claims.organizationId) : undefined;
    if (!organization) throw unauthorized();
    const fresh = await this.issue(organization, product);
    this.cache.set(cacheKey(product, organization.apiKey), fresh);
    return fresh;
  }

  /** `alsoAccepted`: other families this API takes too (SIGN DE V1 and V2 take each other's unless strict). */
  async verifyAccess(token: string, product: TokenFamily = 'sign-de', alsoAccepted: readonly TokenFamily[] = []): Promise<VerifiedAccess> {
    const accepts = (family: TokenFamily) => family === product || alsoAccepted.includes(family);
    const known = this.verified.get(token);
    if (known && known.exp > this.now() && accepts(known.product)) return known;
    const claims = await this.verify(token, 'access');
    if (!claims || !accepts(claims.product)) throw new ApiError(401, 'E_UNAUTHORIZED', 'Unauthorized: the access token is missing, invalid or expired');
    if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    this.verified.set(token, claims);
    return claims;
  }

  /** Forgets cached logins, e.g. after a reset. */
  clear(): void {
    this.cache.clear();
    this.verified.clear();
  }

  private async issue(organization: OrganizationRecord, product: TokenFamily): Promise<TokenSet> {
    const now = this.now();
    const { accessSeconds, refreshSeconds } = this.lifetimes();
    const productClaim = product === 'sign-de' ? {} : { product };
    const sign = (type: 'access' | 'refresh', seconds: number) =>
      new SignJWT({ env: organization.env, organization: organization.id, organization_id: organization.id, type: 'API_KEY', token_use: type, ...productClaim })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setIssuer(ISSUER)
        .setSubject(organization.apiKey)
        .setJti(randomUUID())
        .setIssuedAt(now)
        .setExpirationTime(now + seconds)
        .sign(this.keys.privateKey);
    return {
      access_token: await sign('access', accessSeconds),
      access_token_claims: { env: organization.env, organization_id: organization.id },
      access_token_expires_in: accessSeconds,
      access_token_expires_at: now + accessSeconds,
      refresh_token: await sign('refresh', refreshSeconds),
      refresh_token_expires_in: refreshSeconds,
      refresh_token_expires_at: now + refreshSeconds,
    };
  }

  private async verify(token: string, use: 'access' | 'refresh'): Promise<(VerifiedAccess & { exp: number }) | null> {
    try {
      const { payload } = await jwtVerify(token, this.keys.publicKey, {
        issuer: ISSUER,
        algorithms: [ALGORITHM],
        currentDate: new Date(this.now() * 1000),
      });
      if (payload.token_use !== use || typeof payload.organization_id !== 'string' || typeof payload.jti !== 'string' || !payload.exp) {
        return null;
      }
      const product = (payload.product ?? 'sign-de') as TokenFamily;
      return { organizationId: payload.organization_id, tokenId: payload.jti, exp: payload.exp, product };
    } catch {
      return null;
    }
  }
}

interface SigningKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

async function newTokenKey(): Promise<NonNullable<SandboxState['tokenKey']>> {
  const pair = await generateKeyPair(ALGORITHM, { extractable: true });
  return {
    privateJwk: (await exportJWK(pair.privateKey)) as Record<string, unknown>,
    publicJwk: (await exportJWK(pair.publicKey)) as Record<string, unknown>,
  };
}

async function importKeys(key: NonNullable<SandboxState['tokenKey']>): Promise<SigningKeys> {
  return {
    privateKey: (await importJWK(key.privateJwk as JWK, ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(key.publicJwk as JWK, ALGORITHM)) as CryptoKey,
  };
}

const cacheKey = (product: TokenFamily, apiKey: string): string => (product === 'sign-de' ? apiKey : `${product}:${apiKey}`);

/** Wrong key or secret: the real API answers 401 with no `code` at all. */
export const unauthorized = (): ApiError => new ApiError(401, undefined, 'Unauthorized');

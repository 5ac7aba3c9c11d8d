import type { FastifyRequest } from 'fastify';
import { PRODUCTS, type ProductId, SCOPE_ID_PATTERN, UNIFIED_API_VERSION } from '../../../../../preload/contract/core/products';
import { ApiError } from '../api-error';
import { unauthorized } from '../auth/tokens';
import type { RouteModule, SandboxContext } from '../context';
import { requireBearer } from './auth';

/** The `X-Api-Version`s the sandbox's Unified API knows. */
export const UNIFIED_API_VERSIONS: readonly string[] = [UNIFIED_API_VERSION];

const text = { type: 'string', minLength: 1 } as const;
const credentials = { type: 'object', additionalProperties: false, required: ['api_key', 'api_secret'], properties: { api_key: text, api_secret: text } } as const;

/** Every body refuses what it does not know, so a typo in a key name is a 400, never a silent success. */
const BODIES = {
  'sign-at': {
    oneOf: [credentials, { type: 'object', additionalProperties: false, required: ['refresh_token'], properties: { refresh_token: text } }],
  },
  'sign-es': { type: 'object', additionalProperties: false, required: ['content'], properties: { content: credentials } },
  unified: {
    type: 'object',
    additionalProperties: false,
    required: ['content'],
    properties: {
      content: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'key', 'secret'],
        properties: { type: { type: 'string', enum: ['API_KEY'] }, key: text, secret: text },
      },
    },
  },
} as const;

/**
 * The auth endpoints of the other fiskaly products, so every authentication pattern can be tried offline,
 * below the prefixes of preload/contract/products.ts (`sandboxPath`):
 *
 *   POST /sign-at/api/v1/auth   {api_key, api_secret} or {refresh_token}, answered like SIGN DE's /auth
 *   POST /sign-es/api/v1/auth   {content: {api_key, api_secret}}            → {access_token, access_token_expires_in}
 *   POST /unified/tokens        {content: {type: "API_KEY", key, secret}}  → {access_token, access_token_expires_in}
 *                               with X-Api-Version (refused when missing or unknown)
 *   GET  <prefix>/_sandbox/whoami   the sandbox's own, not fiskaly's: a call with the bearer token (and, for
 *                               Unified, X-Api-Version and an optional X-Scope-Identifier) that says whom it
 *                               serves, so a session's 401 → refresh → re-login can be exercised.
 *
 * The keys are the sandbox's organizations'; the lifetimes, the clock and PUT /_sandbox/tokens are SIGN DE's.
 * Errors have the same shape as SIGN DE's: 401 without a code for wrong credentials, 400 E_FAILED_SCHEMA_VALIDATION.
 * VERIFY: what SIGN AT, SIGN ES and the Unified API really answer beyond `access_token` is not in the documents.
 */
export const productAuthRoutes: RouteModule = (app, ctx) => {
  for (const product of ['sign-at', 'sign-es', 'unified'] as const) {
    const prefix = PRODUCTS[product].sandboxPath;
    const path = product === 'unified' ? `${prefix}/tokens` : `${prefix}/auth`;
    const preValidation = product === 'unified' ? [checkApiVersion] : [];
    app.post(path, { schema: { body: BODIES[product] }, preValidation, config: { public: true } }, async (request) => login(ctx, product, request.body));
    app.get(`${prefix}/_sandbox/whoami`, { preValidation, config: { public: true } }, async (request) => whoami(ctx, product, request));
  }
};

async function login(ctx: SandboxContext, product: Exclude<ProductId, 'sign-de'>, body: unknown) {
  if (product === 'sign-at') {
    const at = body as { api_key?: string; api_secret?: string; refresh_token?: string };
    if (at.refresh_token !== undefined) return ctx.tokens.refresh(at.refresh_token, (id) => ctx.state.organizations.find((o) => o.id === id), product);
    return ctx.tokens.login(findOrganization(ctx, at.api_key!, at.api_secret!), product);
  }
  const given =
    product === 'sign-es'
      ? (body as { content: { api_key: string; api_secret: string } }).content
      : { api_key: (body as { content: { key: string } }).content.key, api_secret: (body as { content: { secret: string } }).content.secret };
  const tokens = await ctx.tokens.login(findOrganization(ctx, given.api_key, given.api_secret), product);
  return { access_token: tokens.access_token, access_token_expires_in: tokens.access_token_expires_in };
}

function findOrganization(ctx: SandboxContext, apiKey: string, apiSecret: string) {
  const organization = ctx.state.organizations.find((o) => o.apiKey === apiKey);
  if (!organization || organization.apiSecret !== apiSecret) throw unauthorized();
  return organization;
}

async function whoami(ctx: SandboxContext, product: ProductId, request: FastifyRequest) {
  const access = await ctx.tokens.verifyAccess(requireBearer(request.headers.authorization), product);
  const organization = ctx.state.organizations.find((o) => o.id === access.organizationId);
  if (!organization) throw new ApiError(401, 'E_UNAUTHORIZED', 'Unauthorized: the organization of this token no longer exists');
  const scope = header(request, 'x-scope-identifier');
  if (scope !== undefined && (product !== 'unified' || !SCOPE_ID_PATTERN.test(scope))) {
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', product === 'unified' ? 'headers.x-scope-identifier should be an organization unit id' : 'headers.x-scope-identifier is not known to this API');
  }
  return { product, organization_id: organization.id, env: organization.env, scope: scope ?? null };
}

/** Unified API: every request names the API version it was written for. VERIFY: the real API's error codes for this. */
async function checkApiVersion(request: FastifyRequest): Promise<void> {
  const version = header(request, 'x-api-version');
  if (version === undefined) throw new ApiError(400, 'E_API_VERSION_MISSING', `Send the X-Api-Version header, e.g. X-Api-Version: ${UNIFIED_API_VERSION}`);
  if (!UNIFIED_API_VERSIONS.includes(version)) {
    throw new ApiError(400, 'E_API_VERSION_UNKNOWN', `X-Api-Version ${JSON.stringify(version.slice(0, 40))} is not known; known: ${UNIFIED_API_VERSIONS.join(', ')}`);
  }
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

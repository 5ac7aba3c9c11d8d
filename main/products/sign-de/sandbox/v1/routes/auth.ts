import type { RouteModule } from '../../context';
import { v1Unauthorized } from '../errors';

const text = { type: 'string', minLength: 1 } as const;
const authBody = {
  type: 'object',
  oneOf: [
    { type: 'object', required: ['api_key', 'api_secret'], properties: { api_key: text, api_secret: text } },
    { type: 'object', required: ['refresh_token'], properties: { refresh_token: text } },
  ],
} as const;

/**
 * #1 POST /auth (§2): key and secret, or a refresh token; six fields, no `access_token_claims` (that came
 * with V2). VERIFY (§2): V1's token lifetimes are unknown; the sandbox uses V2's (its token options).
 */
export const v1AuthRoutes: RouteModule = (app, ctx) => {
  app.post('/auth', { schema: { body: authBody }, config: { public: true } }, async (request) => {
    const body = request.body as { api_key?: string; api_secret?: string; refresh_token?: string };
    const find = (id: string) => ctx.state.organizations.find((o) => o.id === id);
    let tokens;
    if (body.refresh_token !== undefined) {
      tokens = await ctx.tokens.refresh(body.refresh_token, find, 'sign-de-v1').catch(() => {
        throw v1Unauthorized('Invalid credentials');
      });
    } else {
      const organization = ctx.state.organizations.find((o) => o.apiKey === body.api_key);
      if (!organization || organization.apiSecret !== body.api_secret) throw v1Unauthorized('Invalid credentials');
      tokens = await ctx.tokens.login(organization, 'sign-de-v1');
    }
    const { access_token_claims: _claims, ...v1Tokens } = tokens;
    return v1Tokens;
  });
};

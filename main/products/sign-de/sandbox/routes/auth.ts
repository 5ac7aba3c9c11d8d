import { ApiError } from '../api-error';
import { unauthorized } from '../auth/tokens';
import type { RouteModule } from '../context';

const authBody = {
  type: 'object',
  oneOf: [
    {
      type: 'object',
      required: ['api_key', 'api_secret'],
      properties: { api_key: { type: 'string', minLength: 1 }, api_secret: { type: 'string', minLength: 1 } },
    },
    { type: 'object', required: ['refresh_token'], properties: { refresh_token: { type: 'string', minLength: 1 } } },
  ],
} as const;

/** POST /auth: API key and secret, or a refresh token. */
export const authRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v2/auth', { schema: { body: authBody }, config: { public: true } }, async (request) => {
    const body = request.body as { api_key?: string; api_secret?: string; refresh_token?: string };
    if (body.refresh_token !== undefined) {
      return ctx.tokens.refresh(body.refresh_token, (id) => ctx.state.organizations.find((o) => o.id === id));
    }
    const organization = ctx.state.organizations.find((o) => o.apiKey === body.api_key);
    if (!organization || organization.apiSecret !== body.api_secret) throw unauthorized();
    return ctx.tokens.login(organization);
  });
};

export const requireBearer = (header: string | undefined): string => {
  const match = /^Bearer (\S+)$/i.exec(header ?? '');
  if (!match) throw new ApiError(401, 'E_UNAUTHORIZED', 'Unauthorized: send the access token as "Authorization: Bearer <token>"');
  return match[1]!;
};

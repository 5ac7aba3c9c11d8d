import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../api-error';
import type { Caller, SandboxContext } from '../context';
import { v1Unauthorized } from './errors';
import { v1AuthRoutes } from './routes/auth';
import { v1ClientRoutes } from './routes/clients';
import { v1ExportRoutes } from './routes/exports';
import { v1TransactionRoutes } from './routes/transactions';
import { v1TssRoutes } from './routes/tss';

export const V1_PREFIX = '/api/v1';

/**
 * SIGN DE V1 below /api/v1, beside V2 (sign-de-v1-and-migration.md §8): the same organizations and keys,
 * its own token family, errors in V2's body shape with an x-request-id header, JSON everywhere and flat
 * form-encoded bodies unless strictJson (§3.1). The state lives in the sandbox state's `v1` part.
 */
export function registerV1(app: FastifyInstance, ctx: SandboxContext): void {
  void app.register(
    async (v1) => {
      // VERIFY (§3.1): whether V1 took `curl -d state=DISABLED` (form-encoded) at all; strictJson answers as Fastify would.
      v1.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
        if (ctx.options.v1.strictJson) {
          return done(new ApiError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported Media Type: application/x-www-form-urlencoded'), undefined);
        }
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });

      v1.addHook('onRequest', async (request) => {
        const faults = ctx.options.v1.faults;
        if (faults.auth401 > 0) {
          faults.auth401--;
          throw v1Unauthorized('Invalid credentials (injected by the sandbox)');
        }
        if (request.routeOptions.config?.public) return;
        request.caller = await v1Caller(ctx, request.headers.authorization);
      });

      v1.addHook('onSend', async (_request, reply, payload) => {
        reply.header('x-request-id', randomUUID());
        return payload;
      });

      for (const routes of [v1AuthRoutes, v1TssRoutes, v1ClientRoutes, v1TransactionRoutes, v1ExportRoutes]) routes(v1, ctx);
    },
    { prefix: V1_PREFIX },
  );
}

/**
 * The bearer token: V1's own family, and V2's too unless strictTokens. VERIFY (§2): whether V1 and V2
 * tokens were interchangeable is undocumented.
 */
async function v1Caller(ctx: SandboxContext, header: string | undefined): Promise<Caller> {
  const match = /^Bearer (\S+)$/i.exec(header ?? '');
  if (!match) throw v1Unauthorized();
  const access = await ctx.tokens.verifyAccess(match[1]!, 'sign-de-v1', ctx.options.v1.strictTokens ? [] : ['sign-de']).catch(() => {
    throw v1Unauthorized();
  });
  const organization = ctx.state.organizations.find((o) => o.id === access.organizationId);
  if (!organization) throw v1Unauthorized();
  return { organization, tokenId: access.tokenId };
}

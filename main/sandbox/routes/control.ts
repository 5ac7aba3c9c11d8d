import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../api-error';
import type { SandboxContext } from '../context';
import type { FaultInjector } from '../faults';

const TokenLifetimes = z.object({
  accessTokenSeconds: z.number().int().min(1).max(86_400).optional(),
  refreshTokenSeconds: z.number().int().min(1).max(172_800).optional(),
});
const DeployDelay = z.object({ deployDelayMs: z.number().int().min(0).max(120_000) });

const parse = <T>(schema: z.ZodType<T>, body: unknown): T => {
  const result = schema.safeParse(body);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', detail);
  }
  return result.data;
};

/** /_sandbox/: the knobs a trainer or a test turns at run time. Not part of the fiskaly API. */
export function controlRoutes(app: FastifyInstance, ctx: SandboxContext, control: { faults: FaultInjector; reset(): void }): void {
  app.get('/_sandbox/status', async () => ({
    organizations: ctx.state.organizations.map((o) => ({ id: o.id, name: o.name, env: o.env, api_key: o.apiKey })),
    tss: Object.keys(ctx.state.tss).length,
    clients: Object.keys(ctx.state.clients).length,
    transactions: Object.keys(ctx.state.transactions).length,
    exports: Object.keys(ctx.state.exports).length,
    faults: control.faults.current,
    fault_counts: control.faults.counts,
    access_token_seconds: ctx.options.accessTokenSeconds,
    refresh_token_seconds: ctx.options.refreshTokenSeconds,
    deploy_delay_ms: ctx.options.deployDelayMs,
  }));

  app.get('/_sandbox/faults', async () => control.faults.current);
  app.put('/_sandbox/faults', async (request) => {
    try {
      return control.faults.configure(request.body ?? {});
    } catch (error) {
      const detail = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'pathPattern is not a valid regular expression';
      throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', detail);
    }
  });

  app.put('/_sandbox/tokens', async (request) => {
    const body = parse(TokenLifetimes, request.body ?? {});
    if (body.accessTokenSeconds !== undefined) ctx.options.accessTokenSeconds = body.accessTokenSeconds;
    if (body.refreshTokenSeconds !== undefined) ctx.options.refreshTokenSeconds = body.refreshTokenSeconds;
    ctx.tokens.clear();
    return { accessTokenSeconds: ctx.options.accessTokenSeconds, refreshTokenSeconds: ctx.options.refreshTokenSeconds };
  });

  app.put('/_sandbox/deploy-delay', async (request) => {
    ctx.options.deployDelayMs = parse(DeployDelay, request.body).deployDelayMs;
    return { deployDelayMs: ctx.options.deployDelayMs };
  });

  app.post('/_sandbox/reset', async () => {
    control.reset();
    return {};
  });
}

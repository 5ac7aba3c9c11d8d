import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../api-error';
import type { SandboxContext } from '../context';
import type { FaultInjector } from '../faults';
import { FaultOptions } from '../options';
import { SANDBOX_SEEDS, type SandboxSeed } from '../v1/options';
import { v1Of } from '../v1/state';

const TokenLifetimes = z.object({
  accessTokenSeconds: z.number().int().min(1).max(86_400).optional(),
  refreshTokenSeconds: z.number().int().min(1).max(172_800).optional(),
  /** true: every token issued so far (access and refresh, every product) is refused from now on. */
  revokeTokens: z.literal(true).optional(),
});
const ResetBody = z.strictObject({ seed: z.enum(SANDBOX_SEEDS).optional() });
const DeployDelay = z.object({ deployDelayMs: z.number().int().min(0).max(120_000) });

/** Control bodies are a few small numbers: 16 KB is plenty, and keeps a flood out. */
const CONTROL_ROUTE = { bodyLimit: 16_384 };

const parse = <T>(schema: z.ZodType<T>, body: unknown): T => {
  const result = schema.safeParse(body);
  if (!result.success) {
    const detail = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'body'}: ${i.code === 'unrecognized_keys' ? `unknown ${i.keys.length === 1 ? 'key' : 'keys'} ${i.keys.slice(0, 5).join(', ').slice(0, 200)}${i.keys.includes('pathPattern') ? ' (regular expressions are not accepted: use pathPrefix, a literal path prefix)' : ''}` : i.message}`)
      .join('; ');
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', detail);
  }
  return result.data;
};

/** /_sandbox/: the knobs a trainer or a test turns at run time. Not part of the fiskaly API. */
export function controlRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
  control: { faults: FaultInjector; reset(): void; seed(name: SandboxSeed): Promise<void>; instance: string },
): void {
  app.get('/_sandbox/status', async () => ({
    instance: control.instance,
    organizations: ctx.state.organizations.map((o) => ({ id: o.id, name: o.name, env: o.env, api_key: o.apiKey })),
    tss: Object.keys(ctx.state.tss).length,
    clients: Object.keys(ctx.state.clients).length,
    transactions: Object.keys(ctx.state.transactions).length,
    exports: Object.keys(ctx.state.exports).length,
    v1: {
      tss: Object.keys(v1Of(ctx.state).tss).length,
      clients: Object.keys(v1Of(ctx.state).clients).length,
      transactions: Object.keys(v1Of(ctx.state).transactions).length,
      exports: Object.keys(v1Of(ctx.state).exports).length,
    },
    faults: control.faults.current,
    fault_counts: control.faults.counts,
    access_token_seconds: ctx.options.accessTokenSeconds,
    refresh_token_seconds: ctx.options.refreshTokenSeconds,
    deploy_delay_ms: ctx.options.deployDelayMs,
    limits: ctx.options.limits,
    export_duration: ctx.options.exportDuration,
  }));

  app.get('/_sandbox/faults', async () => control.faults.current);
  app.put('/_sandbox/faults', CONTROL_ROUTE, async (request) => control.faults.configure(parse(FaultOptions, request.body ?? {})));

  app.put('/_sandbox/tokens', CONTROL_ROUTE, async (request) => {
    const body = parse(TokenLifetimes, request.body ?? {});
    if (body.accessTokenSeconds !== undefined) ctx.options.accessTokenSeconds = body.accessTokenSeconds;
    if (body.refreshTokenSeconds !== undefined) ctx.options.refreshTokenSeconds = body.refreshTokenSeconds;
    ctx.tokens.clear();
    if (body.revokeTokens) {
      await ctx.tokens.revokeAll(ctx.state);
      ctx.persist();
    }
    return { accessTokenSeconds: ctx.options.accessTokenSeconds, refreshTokenSeconds: ctx.options.refreshTokenSeconds };
  });

  app.put('/_sandbox/deploy-delay', CONTROL_ROUTE, async (request) => {
    ctx.options.deployDelayMs = parse(DeployDelay, request.body).deployDelayMs;
    return { deployDelayMs: ctx.options.deployDelayMs };
  });

  // `{seed: "v1-store"}` empties the sandbox, then adds the seed (both saved before the answer).
  app.post('/_sandbox/reset', CONTROL_ROUTE, async (request) => {
    const { seed } = parse(ResetBody, request.body ?? {});
    control.reset();
    if (seed) await control.seed(seed);
    return {};
  });
}

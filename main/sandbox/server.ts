import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { createSandboxCa } from '../tse';
import { ApiError, errorBody } from './api-error';
import { TokenService } from './auth/tokens';
import type { SandboxContext } from './context';
import { FaultInjector } from './faults';
import { KeyPool } from './key-pool';
import { type SandboxOptionsInput, SandboxOptions } from './options';
import { DEFAULT_ORGANIZATION } from './organizations';
import { adminRoutes } from './routes/admin';
import { authRoutes, requireBearer } from './routes/auth';
import { clientRoutes } from './routes/clients';
import { controlRoutes } from './routes/control';
import { exportRoutes } from './routes/exports';
import { transactionRoutes } from './routes/transactions';
import { tssRoutes } from './routes/tss';
import { forgetSigningKeys } from './signing';
import { type OrganizationRecord, type SandboxState, emptyState } from './state';
import { readStateFile, writeStateFile } from './state-file';

export interface Sandbox {
  /** The API base, e.g. http://127.0.0.1:8787/api/v2 */
  url: string;
  port: number;
  organizations: OrganizationRecord[];
  faults: FaultInjector;
  /** Forgets every TSS, client, transaction and export (organizations and keys stay). */
  reset(): void;
  close(): Promise<void>;
}

export interface SandboxHooks {
  /** Milliseconds since the epoch; tests move time forward to expire tokens. */
  now?: () => number;
}

/** The embedded SIGN DE v2 API on 127.0.0.1: the app's default environment and every test's ground truth. */
export async function createSandbox(input: SandboxOptionsInput = {}, hooks: SandboxHooks = {}): Promise<Sandbox> {
  const options = SandboxOptions.parse(input);
  const nowMs = hooks.now ?? Date.now;
  const organizations: OrganizationRecord[] = options.organizations
    ? options.organizations.map((o, i) => ({
        id: o.id ?? `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        name: o.name ?? `Sandbox organization ${i + 1}`,
        env: o.env,
        apiKey: o.apiKey,
        apiSecret: o.apiSecret,
      }))
    : [DEFAULT_ORGANIZATION];

  const loaded = options.stateFile ? readStateFile(options.stateFile) : null;
  const state: SandboxState = loaded ?? emptyState(organizations);
  state.organizations = organizations;
  state.ca ??= await createSandboxCa(new Date(nowMs()));

  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = { timer: setTimeout(() => (timers.delete(entry), resolve()), ms), resolve };
      timers.add(entry);
    });

  let persistTimer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (persistTimer) clearTimeout(persistTimer);
    persistTimer = null;
    if (options.stateFile) writeStateFile(options.stateFile, state);
  };

  const ctx: SandboxContext = {
    state,
    options,
    ca: state.ca,
    tokens: await TokenService.create(
      state,
      () => ({ accessSeconds: options.accessTokenSeconds, refreshSeconds: options.refreshTokenSeconds }),
      () => Math.floor(nowMs() / 1000),
    ),
    keys: new KeyPool(state.ca, () => new Date(nowMs())),
    now: () => Math.floor(nowMs() / 1000),
    persist: () => {
      // Whole-state writes are batched: at most one a second, plus one on close.
      if (options.stateFile && !persistTimer) persistTimer = setTimeout(flush, 1000);
    },
    sleep,
  };
  if (options.stateFile && !loaded) flush();

  const faults = new FaultInjector(options.faults, sleep);
  const app = buildApp(ctx, faults);
  const reset = () => {
    Object.assign(state, { ...emptyState(organizations), ca: state.ca, tokenKey: state.tokenKey });
    ctx.tokens.clear();
    forgetSigningKeys();
    ctx.persist();
  };
  controlRoutes(app, ctx, { faults, reset });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    url: `http://${options.host}:${port}/api/v2`,
    port,
    organizations,
    faults,
    reset,
    close: async () => {
      ctx.keys.close();
      faults.releaseHung();
      for (const entry of timers) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      await app.close();
      flush();
    },
  };
}

function buildApp(ctx: SandboxContext, faults: FaultInjector): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: 1_048_576,
    keepAliveTimeout: 65_000,
    // Closing the sandbox must not wait for clients that keep idle connections open.
    forceCloseConnections: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true, allErrors: false } },
    // The real API's validator words its errors "params.tss_id should match format "uuid"".
    schemaErrorFormatter: (errors, dataVar) => {
      const first = errors[0];
      const path = (first?.instancePath ?? '').replace(/\//g, '.');
      return new Error(`${dataVar}${path} ${(first?.message ?? 'is invalid').replace(/^must\b/, 'should')}`);
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v2')) return;
    if (!(await faults.beforeRequest(request, reply))) return reply;
    if (request.routeOptions.config?.public) return;
    const access = await ctx.tokens.verifyAccess(requireBearer(request.headers.authorization));
    const organization = ctx.state.organizations.find((o) => o.id === access.organizationId);
    if (!organization) throw new ApiError(401, 'E_UNAUTHORIZED', 'Unauthorized: the organization of this token no longer exists');
    request.caller = { organization, tokenId: access.tokenId };
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Request-Id', randomBytes(16).toString('hex'));
  });

  app.setErrorHandler((error: FastifyError | ApiError, _request, reply) => {
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).headers(error.headers).send(error.body());
    }
    if (error.validation) return reply.code(400).send(errorBody(400, 'E_FAILED_SCHEMA_VALIDATION', error.message));
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorBody(413, undefined, 'Request body is larger than 1 MB'));
    }
    if (error.code?.startsWith('FST_ERR_CTP_INVALID_JSON') || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      return reply.code(400).send(errorBody(400, 'E_PARSER', `can't parse request body: ${error.message}`));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(errorBody(415, undefined, 'Send the request body as application/json'));
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    return reply.code(status).send(errorBody(status, status === 500 ? 'E_INTERNAL' : undefined, status === 500 ? 'Internal Server Error' : error.message));
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody(404, undefined, `Route ${request.method}:${request.url.split('?')[0]} not found`));
  });

  for (const routes of [authRoutes, tssRoutes, adminRoutes, clientRoutes, transactionRoutes, exportRoutes]) routes(app, ctx);
  return app;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a bearer token (only POST /auth). */
    public?: boolean;
  }
}

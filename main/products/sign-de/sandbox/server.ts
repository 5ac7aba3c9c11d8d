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
import { productAuthRoutes } from './routes/product-auth';
import { transactionRoutes } from './routes/transactions';
import { tssRoutes } from './routes/tss';
import { forgetSigningKeys } from './signing';
import { type OrganizationRecord, type SandboxState, emptyState } from './state';
import { readStateFile } from './state-file';
import { lockStateFile } from './state-lock';
import { StateWriter } from './state-writer';
import { RequestLimits, pendingResourceKey } from './request-limits';
import { removeOrphanTempFiles } from '../../../core/durable/private-folder';
import type { SandboxSeed } from './v1/options';
import { v1ControlRoutes } from './v1/control';
import { registerV1 } from './v1/plugin';
import { applySeed } from './v1/seed';
import { forgetV1SigningKeys } from './v1/signing';
import { v1Of } from './v1/state';
import { dirname } from 'node:path';

export interface Sandbox {
  /** The API base, e.g. http://127.0.0.1:8787/api/v2 */
  url: string;
  port: number;
  /** A random id of this running sandbox, shown by /_sandbox/status: tells it apart from another on a reused port. */
  instance: string;
  organizations: OrganizationRecord[];
  faults: FaultInjector;
  /** Forgets every TSS, client, transaction and export, V1's too (organizations and keys stay). */
  reset(): void;
  /** Adds a seed's data unless it is there already (v1-store: a store still on SIGN DE V1). */
  seed(name: SandboxSeed): Promise<void>;
  close(): Promise<void>;
}

export interface SandboxHooks {
  /** Milliseconds since the epoch; tests move time forward to expire tokens. */
  now?: () => number;
  /**
   * Called if another process took the state file's lock from this one (it was frozen past the stale
   * time): from then on every change is answered 503, and the owner should step down.
   */
  onStateLockLost?: (error: Error) => void;
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

  // One state file, one owner: the lock is taken before the file is read, and held until close.
  let lockLost: Error | null = null;
  let writer: StateWriter | null = null;
  const lock = options.stateFile
    ? await lockStateFile(options.stateFile, (error) => {
        lockLost = new Error(`the sandbox lost its lock on ${options.stateFile} (${error.message}); it no longer saves changes`);
        writer?.refuse(lockLost);
        hooks.onStateLockLost?.(lockLost);
      }, options.stateFileWaitMs)
    : null;
  let loaded: SandboxState | null;
  try {
    if (options.stateFile) await removeOrphanTempFiles(dirname(options.stateFile));
    loaded = options.stateFile ? readStateFile(options.stateFile) : null;
  } catch (error) {
    await lock?.release().catch(() => {});
    throw error;
  }
  const state: SandboxState = loaded ?? emptyState(organizations);
  state.organizations = organizations;
  state.ca ??= await createSandboxCa(new Date(nowMs()));
  v1Of(state);
  writer = options.stateFile && lock ? new StateWriter(options.stateFile, () => JSON.stringify(state), lock.assertOwner) : null;
  if (lockLost) writer?.refuse(lockLost);

  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = { timer: setTimeout(() => (timers.delete(entry), resolve()), ms), resolve };
      timers.add(entry);
    });

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
    persist: () => writer?.markChanged(),
    limits: new RequestLimits(() => Math.floor(nowMs() / 1000)),
    sleep,
  };
  if (options.seed) await applySeed(ctx, options.seed);
  // Written once at start: a new file, a CA or token key made just now, and a folder that cannot be
  // written shows at once, not at the first request.
  if (writer) {
    writer.markChanged();
    try {
      await writer.durable();
    } catch (error) {
      await lock?.release().catch(() => {});
      throw error;
    }
  }

  const faults = new FaultInjector(options.faults, sleep);
  const app = buildApp(ctx, faults, writer);
  const reset = () => {
    Object.assign(state, { ...emptyState(organizations), ca: state.ca, tokenKey: state.tokenKey });
    ctx.tokens.clear();
    ctx.limits.clear();
    forgetSigningKeys();
    forgetV1SigningKeys();
    ctx.persist();
  };
  const seed = (name: SandboxSeed) => applySeed(ctx, name);
  const instance = randomBytes(16).toString('hex');
  controlRoutes(app, ctx, { faults, reset, seed, instance });
  v1ControlRoutes(app, ctx);

  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    ctx.keys.close();
    await lock?.release().catch(() => {});
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    url: `http://${options.host}:${port}/api/v2`,
    port,
    instance,
    organizations,
    faults,
    reset,
    seed,
    close: async () => {
      ctx.keys.close();
      faults.releaseHung();
      for (const entry of timers) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      await app.close();
      // Changes no answer was waiting for (none was acknowledged) are saved too, if the disk lets us.
      await writer?.durable().catch(() => {});
      await lock?.release().catch(() => {});
    },
  };
}

/** Deeper JSON than this is refused with 400 E_PARSER before anything walks it (no request needs more than 6). */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of objects and arrays in a JSON text, stopping early past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function buildApp(ctx: SandboxContext, faults: FaultInjector, writer: StateWriter | null): FastifyInstance {
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

  const defaultJsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text === '' && request.routeOptions.config?.optionalBody) return done(null, undefined);
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      return done(new ApiError(400, 'E_PARSER', `can't parse request body: JSON nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
    }
    defaultJsonParser(request, text, done);
  });

  // 444 E_MIDDLEWARE_PENDING_REQUEST: one state-changing request at a time per TSS, client, transaction or export.
  const pending = new Set<string>();

  app.addHook('onRequest', async (request, reply) => {
    // V1 (/api/v1) takes the same network faults; its auth and switches are its own (v1/plugin.ts).
    const v1 = request.url.startsWith('/api/v1/');
    if (!request.url.startsWith('/api/v2') && !v1) return;
    if (!(await faults.beforeRequest(request, reply))) return reply;
    if (v1) return;
    const resource = pendingResourceKey(request.method, request.url);
    if (resource !== null) {
      if (pending.has(resource)) {
        throw new ApiError(444, 'E_MIDDLEWARE_PENDING_REQUEST', 'An earlier request on this resource is still pending: wait for its answer, then retry');
      }
      pending.add(resource);
      const release = () => pending.delete(resource);
      reply.raw.once('close', release);
      // A caller that went away while the request waited (latency, hooks) closed it already: no close will follow.
      if (request.raw.socket?.destroyed || reply.raw.closed) release();
    }
    if (request.routeOptions.config?.public) return;
    // V1 tokens open V2 too unless strictTokens (sign-de-v1-and-migration.md §2, VERIFY).
    const access = await ctx.tokens.verifyAccess(requireBearer(request.headers.authorization), 'sign-de', ctx.options.v1.strictTokens ? [] : ['sign-de-v1']);
    const organization = ctx.state.organizations.find((o) => o.id === access.organizationId);
    if (!organization) throw new ApiError(401, 'E_UNAUTHORIZED', 'Unauthorized: the organization of this token no longer exists');
    request.caller = { organization, tokenId: access.tokenId };
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Request-Id', randomBytes(16).toString('hex'));
    // Nothing leaves the sandbox before the state it may show is on the disk.
    if (!writer?.pending) return payload;
    try {
      await writer.durable();
      return payload;
    } catch (error) {
      reply.code(503).removeHeader('retry-after').header('content-type', 'application/json; charset=utf-8').header('Retry-After', '1');
      return JSON.stringify(
        errorBody(503, 'E_SANDBOX_STATE_NOT_SAVED', `The sandbox could not save its state file, so this change is not confirmed: ${(error as Error).message}. Free disk space or fix the folder's permissions, then retry.`),
      );
    }
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

  for (const routes of [authRoutes, tssRoutes, adminRoutes, clientRoutes, transactionRoutes, exportRoutes, productAuthRoutes]) routes(app, ctx);
  registerV1(app, ctx);
  return app;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a bearer token (POST /auth; the other products' routes check their own tokens). */
    public?: boolean;
    /** An empty body with Content-Type application/json counts as no body (triggerExport). */
    optionalBody?: boolean;
  }
}

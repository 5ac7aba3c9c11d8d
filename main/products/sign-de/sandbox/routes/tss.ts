import { randomInt } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../api-error';
import type { Caller, RouteModule, SandboxContext } from '../context';
import { type IdName, backendId, middlewareId } from '../ids';
import { listEnvelope, parseListQuery } from '../lists';
import { findTss } from '../lookups';
import { mergeMetadata, metadataSchema } from '../metadata';
import {
  SIGNATURE_COUNTER_BEFORE_DEPLOYMENT,
  TEST_TSS_LIMIT,
  TSS_ORDER_BY,
  TSS_FILTER_STATES,
  assertTransition,
  countsTowardTestLimit,
  defaultDescription,
  requireAdminSession,
  transitionNeedsAdmin,
  type TssResource,
  tssResource,
} from '../resources/tss';
import { signSystemLog } from '../signing';
import type { TssRecord, TssState } from '../state';

type MetadataPatch = Record<string, string | null>;
type TargetState = Exclude<TssState, 'CREATED'>;

const TSS_DESCRIPTION_PATTERN = "^[A-Za-z0-9 '()+,-./:=?]{0,100}$";

/** createTss takes only metadata; other keys (a "description", as some guides send) are ignored, as in the spec. */
const createTssBody = { type: 'object', properties: { metadata: metadataSchema } } as const;

const updateTssBody = {
  type: 'object',
  required: ['state'],
  additionalProperties: false,
  properties: {
    state: { type: 'string', enum: ['UNINITIALIZED', 'INITIALIZED', 'DISABLED'] },
    description: { type: 'string', pattern: TSS_DESCRIPTION_PATTERN },
    metadata: metadataSchema,
  },
  // A description can only be given together with INITIALIZED.
  if: { required: ['description'] },
  then: { properties: { state: { const: 'INITIALIZED' } } },
} as const;

/**
 * Checks and lower-cases path ids before the body is validated, answering a malformed id the way the
 * real route family does (backend: schema error, middleware: E_PARSER).
 */
export const idParams =
  (style: 'backend' | 'middleware', ...names: IdName[]) =>
  async (request: FastifyRequest): Promise<void> => {
    const params = request.params as Record<string, string>;
    const parse = style === 'backend' ? backendId : middlewareId;
    for (const name of names) params[name] = parse(name, params[name] ?? '');
  };

/** For operations whose body is optional: a bodiless request counts as `{}`. */
export const bodyOptional = async (request: FastifyRequest): Promise<void> => {
  request.body ??= {};
};

/** `states` filters must name real states, as the real list schemas demand. */
export function assertStates(states: string[], allowed: readonly string[]): void {
  const bad = states.findIndex((s) => !allowed.includes(s));
  if (bad >= 0) throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', `querystring.states[${bad}] should be equal to one of the allowed values`);
}

const newAdminPuk = (): string => String(randomInt(0, 10_000_000_000)).padStart(10, '0');

export const tssRoutes: RouteModule = (app, ctx) => {
  app.put<{ Params: { tss_id: string }; Body: { metadata?: MetadataPatch } }>(
    '/api/v2/tss/:tss_id',
    { schema: { body: createTssBody }, preValidation: [idParams('backend', 'tss_id'), bodyOptional] },
    async (request) => {
      const { tss_id: id } = request.params;
      const caller = request.caller;
      const metadata = request.body.metadata;
      const existing = admitCreate(ctx, caller, id);
      if (existing) return repeatCreate(ctx, existing, metadata);

      const key = await ctx.keys.take();
      // Checked again: a request for the same id or the last free slot may have finished meanwhile.
      const raced = admitCreate(ctx, caller, id);
      if (raced) return repeatCreate(ctx, raced, metadata);

      const tss: TssRecord = {
        id,
        organizationId: caller.organization.id,
        env: caller.organization.env,
        state: 'CREATED',
        metadata: mergeMetadata({}, metadata),
        timeCreation: ctx.now(),
        privateKeyPem: key.privateKeyPem,
        publicKey: key.publicKey,
        serialNumber: key.serialNumber,
        certificate: key.certificate,
        adminPuk: newAdminPuk(),
        adminPin: null,
        pinBlocked: true,
        failedPinAttempts: 0,
        adminSessions: [],
        signatureCounter: 0,
        transactionCounter: 0,
        logs: [],
      };
      ctx.state.tss[id] = tss;
      ctx.persist();
      return tssResource(tss, ctx.state, { adminPuk: true });
    },
  );

  app.get<{ Params: { tss_id: string } }>('/api/v2/tss/:tss_id', { preValidation: idParams('backend', 'tss_id') }, async (request) =>
    tssResource(findTss(ctx, request.caller, request.params.tss_id), ctx.state),
  );

  app.get('/api/v2/tss', async (request) => {
    const query = parseListQuery(request.query as Record<string, unknown>, TSS_ORDER_BY, 'time_creation');
    assertStates(query.states, TSS_FILTER_STATES);
    const { organization } = request.caller;
    const items = Object.values(ctx.state.tss)
      .filter((tss) => tss.organizationId === organization.id)
      .map((tss) => tssResource(tss, ctx.state));
    return listEnvelope('TSS_LIST', organization.env, items, query, sortValue);
  });

  app.patch<{ Params: { tss_id: string }; Body: { state: TargetState; description?: string; metadata?: MetadataPatch } }>(
    '/api/v2/tss/:tss_id',
    { schema: { body: updateTssBody }, preValidation: idParams('middleware', 'tss_id') },
    async (request) => {
      const tss = findTss(ctx, request.caller, request.params.tss_id);
      const { state: target, description, metadata } = request.body;
      if (target !== tss.state) {
        assertTransition(tss.state, target);
        if (transitionNeedsAdmin(target)) requireAdminSession(tss, request.caller);
        await changeState(ctx, tss, target, description);
      } else if (description !== undefined) {
        tss.description = description;
      }
      tss.metadata = mergeMetadata(tss.metadata, metadata);
      ctx.persist();
      return tssResource(tss, ctx.state);
    },
  );

  app.get<{ Params: { tss_id: string } }>('/api/v2/tss/:tss_id/metadata', { preValidation: idParams('backend', 'tss_id') }, async (request) =>
    findTss(ctx, request.caller, request.params.tss_id).metadata,
  );

  app.patch<{ Params: { tss_id: string }; Body: MetadataPatch }>(
    '/api/v2/tss/:tss_id/metadata',
    { schema: { body: metadataSchema }, preValidation: idParams('backend', 'tss_id') },
    async (request) => {
      const tss = findTss(ctx, request.caller, request.params.tss_id);
      tss.metadata = mergeMetadata(tss.metadata, request.body);
      ctx.persist();
      return tss.metadata;
    },
  );
};

/**
 * Returns the caller's own CREATED TSS for an idempotent repeat, null when the id is free, and throws when
 * the id is taken or the TEST limit is reached.
 */
function admitCreate(ctx: SandboxContext, caller: Caller, id: string): TssRecord | null {
  const existing = ctx.state.tss[id];
  if (existing) {
    if (existing.organizationId === caller.organization.id && existing.state === 'CREATED') return existing;
    throw new ApiError(409, 'E_TSS_CONFLICT', 'TSS already exists in a lifecycle state different from CREATED');
  }
  if (caller.organization.env === 'TEST') {
    const active = Object.values(ctx.state.tss).filter((t) => t.organizationId === caller.organization.id && countsTowardTestLimit(t));
    if (active.length >= TEST_TSS_LIMIT) {
      throw new ApiError(
        403,
        'E_TSS_LIMIT_REACHED',
        `A TEST organization can have at most ${TEST_TSS_LIMIT} TSS in state CREATED, UNINITIALIZED or INITIALIZED: disable one first`,
      );
    }
  }
  return null;
}

function repeatCreate(ctx: SandboxContext, tss: TssRecord, metadata: MetadataPatch | undefined): TssResource {
  if (metadata) {
    tss.metadata = mergeMetadata(tss.metadata, metadata);
    ctx.persist();
  }
  return tssResource(tss, ctx.state, { adminPuk: true });
}

async function changeState(ctx: SandboxContext, tss: TssRecord, target: TargetState, description: string | undefined): Promise<void> {
  if (target === 'UNINITIALIZED') {
    // Deploying the SMAERS takes seconds on the real API.
    await ctx.sleep(ctx.options.deployDelayMs);
    if (tss.state !== 'CREATED') return; // a concurrent request deployed it meanwhile
    tss.signatureCounter = SIGNATURE_COUNTER_BEFORE_DEPLOYMENT;
    tss.timeUninit = ctx.now();
  } else if (target === 'INITIALIZED') {
    tss.description = description ?? defaultDescription(tss.id);
    tss.timeInit = ctx.now();
  } else {
    tss.timeDisable = ctx.now();
  }
  tss.state = target;
  signSystemLog(ctx, tss, 'UpdateDevice', `state=${target}`);
  // A disabled TSS's SMAERS is out of operation for good: no admin session survives it.
  if (target === 'DISABLED') tss.adminSessions = [];
}

function sortValue(item: Record<string, unknown>, orderBy: string): string | number {
  const value = item[orderBy];
  if (typeof value === 'string' || typeof value === 'number') return value;
  return orderBy.startsWith('time_') ? 0 : '';
}

import { ApiError } from '../../api-error';
import type { Caller, RouteModule, SandboxContext } from '../../context';
import { v1List, v1ListQuery } from '../lists';
import { findV1Tss, v1Id, v1State } from '../lookups';
import type { V1TssRecord, V1TssState } from '../state';
import { tssView } from '../views';

const STATES: readonly V1TssState[] = ['UNINITIALIZED', 'INITIALIZED', 'DISABLED'];

/**
 * `{state, description?}` (§3 #4). VERIFY: V1's rules for `description` are unknown (≤ 100 characters
 * here), and whether it refused unknown keys (the sandbox does, so a typo is not a silent success).
 */
const updateBody = {
  type: 'object',
  required: ['state'],
  additionalProperties: false,
  properties: { state: { type: 'string', enum: STATES }, description: { type: 'string', maxLength: 100 } },
} as const;

/**
 * §4.1 transitions. UNINITIALIZED → INITIALIZED, INITIALIZED → DISABLED, re-PUT of the current state → 200.
 * VERIFY: UNINITIALIZED → DISABLED (allowed here), any move out of DISABLED (refused here).
 */
function assertTransition(from: V1TssState, to: V1TssState): void {
  if (from === to) return;
  const allowed = (from === 'UNINITIALIZED' && (to === 'INITIALIZED' || to === 'DISABLED')) || (from === 'INITIALIZED' && to === 'DISABLED');
  if (!allowed) throw new ApiError(400, 'E_ILLEGAL_TSS_STATE_CHANGE', `The TSS is ${from}: it cannot become ${to}${from === 'DISABLED' ? ' (DISABLED is final)' : ''}`);
}

/** #2 GET /tss, #3 GET /tss/{tss_id}, #4 PUT /tss/{tss_id}. No admin authentication in V1 (§4.1). */
export const v1TssRoutes: RouteModule = (app, ctx) => {
  app.get<{ Querystring: Record<string, unknown> }>('/tss', async (request) => {
    const list = v1ListQuery(request.query, ['time_creation', 'state', 'description'], 'time_creation', STATES);
    const records = Object.values(v1State(ctx).tss).filter((tss) => tss.organizationId === request.caller.organization.id);
    return v1List('TSS_LIST', request.caller, records, list, sortKey, tssView);
  });

  app.get<{ Params: { tss_id: string } }>('/tss/:tss_id', async (request) => tssView(findV1Tss(ctx, request.caller, request.params.tss_id)));

  app.put<{ Params: { tss_id: string }; Body: { state: V1TssState; description?: string } }>('/tss/:tss_id', { schema: { body: updateBody } }, async (request) =>
    tssView(await putTss(ctx, request.caller, v1Id('tss_id', request.params.tss_id), request.body)),
  );
};

const sortKey = (tss: V1TssRecord, orderBy: string): string | number =>
  orderBy === 'state' ? tss.state : orderBy === 'description' ? (tss.description ?? '') : tss.timeCreation;

async function putTss(ctx: SandboxContext, caller: Caller, id: string, body: { state: V1TssState; description?: string }): Promise<V1TssRecord> {
  const existing = v1State(ctx).tss[id];
  if (!existing) return createTss(ctx, caller, id, body);
  if (existing.organizationId !== caller.organization.id) throw new ApiError(404, 'E_TSS_NOT_FOUND', 'TSS not found');
  assertTransition(existing.state, body.state);
  const faults = ctx.options.v1.faults;
  const injected = body.state === 'DISABLED' && faults.disable5xx > 0;
  if (injected) faults.disable5xx--;
  if (injected && !faults.disable5xxAfterChange) throw injectedDisableError();
  const now = ctx.now();
  if (body.state === 'INITIALIZED' && existing.state === 'UNINITIALIZED') existing.timeInit = now;
  // VERIFY (§4.1, §9.4): that disabling sets time_disable; nothing is closed automatically (ACTIVE transactions stay ACTIVE).
  if (body.state === 'DISABLED' && existing.state !== 'DISABLED') existing.timeDisable = now;
  existing.state = body.state;
  // VERIFY: whether a re-PUT could change the description; it can here.
  if (body.description !== undefined && existing.state !== 'DISABLED') existing.description = body.description;
  ctx.persist();
  if (injected) throw injectedDisableError();
  return existing;
}

const injectedDisableError = () => new ApiError(502, 'E_INTERNAL', 'Bad Gateway (injected by the sandbox on disable)');

/**
 * PUT of an unknown id creates the TSS when the state is UNINITIALIZED or INITIALIZED (creating straight
 * INITIALIZED was normal). VERIFY (§4.1): PUT DISABLED on an unknown id; refused here 404 E_TSS_NOT_FOUND.
 */
async function createTss(ctx: SandboxContext, caller: Caller, id: string, body: { state: V1TssState; description?: string }): Promise<V1TssRecord> {
  if (body.state === 'DISABLED') throw new ApiError(404, 'E_TSS_NOT_FOUND', 'TSS not found: a TSS is created as UNINITIALIZED or INITIALIZED');
  const key = await ctx.keys.take();
  // Another request may have created it while the key was drawn.
  if (v1State(ctx).tss[id]) return putTss(ctx, caller, id, body);
  const now = ctx.now();
  const tss: V1TssRecord = {
    id,
    organizationId: caller.organization.id,
    env: caller.organization.env,
    state: body.state,
    ...(body.description === undefined ? {} : { description: body.description }),
    timeCreation: now,
    ...(body.state === 'INITIALIZED' ? { timeInit: now } : {}),
    privateKeyPem: key.privateKeyPem,
    publicKey: key.publicKey,
    certificateSerial: key.serialNumber,
    certificate: key.certificate,
    signatureCounter: 0,
    transactionCounter: 0,
  };
  v1State(ctx).tss[id] = tss;
  ctx.persist();
  return tss;
}

/** For the seed: a TSS made the way PUT makes one. */
export { createTss as createV1Tss };

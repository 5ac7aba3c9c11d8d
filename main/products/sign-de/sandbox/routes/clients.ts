import { ApiError } from '../api-error';
import type { Caller, RouteModule, SandboxContext } from '../context';
import { listEnvelope, parseListQuery } from '../lists';
import { findClient, findTss } from '../lookups';
import { mergeMetadata, metadataSchema } from '../metadata';
import {
  CLIENT_ORDER_BY,
  CLIENT_SERIAL_PATTERN,
  CLIENT_STATES,
  type ClientResource,
  assertRoomForClient,
  assertSerialFree,
  assertTssTakesClients,
  clientConflict,
  clientResource,
} from '../resources/client';
import { requireAdminSession, tssDisabled } from '../resources/tss';
import { signSystemLog } from '../signing';
import type { ClientRecord, ClientState, Env } from '../state';
import { assertStates, idParams } from './tss';

type MetadataPatch = Record<string, string | null>;
type ClientParams = { tss_id: string; client_id: string };

const createClientBody = {
  type: 'object',
  required: ['serial_number'],
  properties: { serial_number: { type: 'string', minLength: 1, pattern: CLIENT_SERIAL_PATTERN }, metadata: metadataSchema },
} as const;

const updateClientBody = {
  type: 'object',
  required: ['state'],
  properties: { state: { type: 'string', enum: CLIENT_STATES }, metadata: metadataSchema },
} as const;

export const clientRoutes: RouteModule = (app, ctx) => {
  app.put<{ Params: ClientParams; Body: { serial_number: string; metadata?: MetadataPatch } }>(
    '/api/v2/tss/:tss_id/client/:client_id',
    { schema: { body: createClientBody }, preValidation: idParams('middleware', 'tss_id', 'client_id') },
    async (request) => {
      const tss = findTss(ctx, request.caller, request.params.tss_id);
      assertTssTakesClients(tss);
      requireAdminSession(tss, request.caller);
      const { serial_number: serialNumber, metadata } = request.body;
      const existing = ctx.state.clients[request.params.client_id];
      if (existing) {
        // Idempotent since v2.0.33: the same client created again on the same TSS is answered, not refused.
        if (existing.tssId === tss.id && existing.serialNumber === serialNumber) return clientResource(existing, { created: true });
        throw clientConflict();
      }
      assertSerialFree(ctx.state, tss, serialNumber);
      assertRoomForClient(ctx.state, tss);
      const client: ClientRecord = {
        id: request.params.client_id,
        tssId: tss.id,
        organizationId: tss.organizationId,
        env: tss.env,
        serialNumber,
        state: 'REGISTERED',
        metadata: mergeMetadata({}, metadata),
        timeCreation: ctx.now(),
      };
      ctx.state.clients[client.id] = client;
      signSystemLog(ctx, tss, 'RegisterClient', serialNumber);
      ctx.persist();
      return clientResource(client, { created: true });
    },
  );

  app.get<{ Params: ClientParams }>(
    '/api/v2/tss/:tss_id/client/:client_id',
    { preValidation: idParams('backend', 'tss_id', 'client_id') },
    async (request) => clientResource(findClient(ctx, findTss(ctx, request.caller, request.params.tss_id), request.params.client_id)),
  );

  app.patch<{ Params: ClientParams; Body: { state: ClientState; metadata?: MetadataPatch } }>(
    '/api/v2/tss/:tss_id/client/:client_id',
    { schema: { body: updateClientBody }, preValidation: idParams('middleware', 'tss_id', 'client_id') },
    async (request) => {
      const tss = findTss(ctx, request.caller, request.params.tss_id);
      const client = findClient(ctx, tss, request.params.client_id);
      if (tss.state === 'DISABLED') throw tssDisabled();
      requireAdminSession(tss, request.caller);
      const { state, metadata } = request.body;
      if (state !== client.state) {
        if (state === 'REGISTERED') assertRoomForClient(ctx.state, tss);
        client.state = state;
        signSystemLog(ctx, tss, state === 'REGISTERED' ? 'RegisterClient' : 'DeregisterClient', client.serialNumber);
      }
      client.metadata = mergeMetadata(client.metadata, metadata);
      client.timeUpdate = ctx.now();
      ctx.persist();
      return clientResource(client);
    },
  );

  app.get('/api/v2/client', async (request) => {
    const { organization } = request.caller;
    const clients = Object.values(ctx.state.clients).filter((c) => c.organizationId === organization.id);
    return clientList(organization.env, clients, request.query as Record<string, unknown>);
  });

  app.get<{ Params: { tss_id: string } }>('/api/v2/tss/:tss_id/client', { preValidation: idParams('backend', 'tss_id') }, async (request) => {
    const tss = findTss(ctx, request.caller, request.params.tss_id);
    const clients = Object.values(ctx.state.clients).filter((c) => c.tssId === tss.id);
    return clientList(request.caller.organization.env, clients, request.query as Record<string, unknown>);
  });

  app.get<{ Params: ClientParams }>(
    '/api/v2/tss/:tss_id/client/:client_id/metadata',
    { preValidation: idParams('backend', 'tss_id', 'client_id') },
    async (request) => clientOf(ctx, request.caller, request.params).metadata,
  );

  app.patch<{ Params: ClientParams; Body: MetadataPatch }>(
    '/api/v2/tss/:tss_id/client/:client_id/metadata',
    { schema: { body: metadataSchema }, preValidation: idParams('backend', 'tss_id', 'client_id') },
    async (request) => {
      const client = clientOf(ctx, request.caller, request.params);
      client.metadata = mergeMetadata(client.metadata, request.body);
      ctx.persist();
      return client.metadata;
    },
  );
};

const clientOf = (ctx: SandboxContext, caller: Caller, params: ClientParams): ClientRecord =>
  findClient(ctx, findTss(ctx, caller, params.tss_id), params.client_id);

/** The client lists also filter by one `state` and by `serial_number`, besides the common `states[]`. */
function clientList(env: Env, clients: ClientRecord[], query: Record<string, unknown>) {
  const list = parseListQuery(query, CLIENT_ORDER_BY, 'time_creation');
  assertStates(list.states, CLIENT_STATES);
  const { state, serial_number: serialNumber } = query;
  if (state !== undefined && !CLIENT_STATES.includes(state as ClientState)) {
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'querystring.state should be equal to one of the allowed values');
  }
  const items: ClientResource[] = clients
    .filter((c) => (state === undefined || c.state === state) && (serialNumber === undefined || c.serialNumber === serialNumber))
    .map((c) => clientResource(c));
  return listEnvelope('CLIENT_LIST', env, items, list, (item, orderBy) => item[orderBy] as string | number);
}

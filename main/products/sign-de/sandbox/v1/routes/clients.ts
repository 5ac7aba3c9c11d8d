import { ApiError } from '../../api-error';
import type { RouteModule } from '../../context';
import { v1List, v1ListQuery } from '../lists';
import { findV1Tss, refuseDisabled, v1Id, v1State } from '../lookups';
import type { V1ClientRecord } from '../state';
import { clientView } from '../views';

/**
 * `{serial_number}` only (§4.2). VERIFY (§4.2): V1's serial rules are unknown; the sandbox takes 1–255
 * printable characters, so a serial V2 refuses (e.g. with "_") can exist here, as in the field.
 */
const putBody = {
  type: 'object',
  required: ['serial_number'],
  additionalProperties: false,
  properties: { serial_number: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7e\\u00a0-\\uffff]+$' } },
} as const;

const ORDER_BY = ['time_creation', 'time_update', 'serial_number'] as const;
const sortKey = (client: V1ClientRecord, orderBy: string): string | number =>
  orderBy === 'serial_number' ? client.serialNumber : orderBy === 'time_update' ? client.timeUpdate : client.timeCreation;

/** #5 GET /client and /tss/{tss_id}/client, #6 GET and PUT /tss/{tss_id}/client/{client_id}. Clients have no state in V1. */
export const v1ClientRoutes: RouteModule = (app, ctx) => {
  app.get<{ Querystring: Record<string, unknown> }>('/client', async (request) => {
    const records = Object.values(v1State(ctx).clients).filter((c) => c.organizationId === request.caller.organization.id);
    return v1List('CLIENT_LIST', request.caller, records, v1ListQuery(request.query, ORDER_BY, 'time_creation', null), sortKey, clientView);
  });

  app.get<{ Params: { tss_id: string }; Querystring: Record<string, unknown> }>('/tss/:tss_id/client', async (request) => {
    const tss = findV1Tss(ctx, request.caller, request.params.tss_id);
    const records = Object.values(v1State(ctx).clients).filter((c) => c.tssId === tss.id);
    return v1List('CLIENT_LIST', request.caller, records, v1ListQuery(request.query, ORDER_BY, 'time_creation', null), sortKey, clientView);
  });

  app.get<{ Params: { tss_id: string; client_id: string } }>('/tss/:tss_id/client/:client_id', async (request) => {
    const tss = findV1Tss(ctx, request.caller, request.params.tss_id);
    const client = v1State(ctx).clients[v1Id('client_id', request.params.client_id)];
    // §4.5: 400, not 404 (ODOO: "the api is actually sending a 400 for a not found"). VERIFY for this route.
    if (!client || client.tssId !== tss.id) throw new ApiError(400, 'E_CLIENT_NOT_FOUND', 'Client not found');
    return clientView(client);
  });

  app.put<{ Params: { tss_id: string; client_id: string }; Body: { serial_number: string } }>(
    '/tss/:tss_id/client/:client_id',
    { schema: { body: putBody } },
    async (request) => {
      const tss = findV1Tss(ctx, request.caller, request.params.tss_id);
      const id = v1Id('client_id', request.params.client_id);
      refuseDisabled(tss);
      const clients = v1State(ctx).clients;
      const existing = clients[id];
      const now = ctx.now();
      if (existing) {
        if (existing.tssId !== tss.id) throw new ApiError(400, 'E_CLIENT_CONFLICT', `Client ${id} belongs to another TSS`);
        // VERIFY (§4.2): PUT is an upsert; whether V1 let a serial change is unknown (it does here). A serial
        // unique per TSS is not enforced (V1's rule unknown).
        if (existing.serialNumber !== request.body.serial_number) {
          existing.serialNumber = request.body.serial_number;
          existing.timeUpdate = now;
          ctx.persist();
        }
        return clientView(existing);
      }
      // VERIFY (§4.2): whether V1 registered clients on an UNINITIALIZED TSS (it does here); no client limit in V1.
      const client: V1ClientRecord = {
        id,
        tssId: tss.id,
        organizationId: tss.organizationId,
        env: tss.env,
        serialNumber: request.body.serial_number,
        timeCreation: now,
        timeUpdate: now,
      };
      clients[id] = client;
      ctx.persist();
      return clientView(client);
    },
  );
};

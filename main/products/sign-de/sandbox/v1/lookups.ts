import { ApiError } from '../api-error';
import type { Caller, SandboxContext } from '../context';
import { backendId, type IdName } from '../ids';
import { type V1ClientRecord, type V1State, type V1TssRecord, v1Of } from './state';

/**
 * A malformed id is refused the way V2's backend routes refuse it (400 E_FAILED_SCHEMA_VALIDATION).
 * VERIFY: V1's answer to a malformed id was not seen.
 */
export const v1Id = (name: IdName, raw: string): string => backendId(name, raw);

export const v1State = (ctx: SandboxContext): V1State => v1Of(ctx.state);

/** A TSS of another organization is as good as missing. */
export function findV1Tss(ctx: SandboxContext, caller: Caller, rawId: string): V1TssRecord {
  const tss = v1State(ctx).tss[v1Id('tss_id', rawId)];
  if (!tss || tss.organizationId !== caller.organization.id) throw new ApiError(404, 'E_TSS_NOT_FOUND', 'TSS not found');
  return tss;
}

/** §4.5: "the api is actually sending a 400 for a not found" (ODOO) — for a client named in a body or filter. */
export function clientOfTss(ctx: SandboxContext, tss: V1TssRecord, clientId: string): V1ClientRecord {
  const client = v1State(ctx).clients[clientId.toLowerCase()];
  if (!client || client.tssId !== tss.id) throw new ApiError(400, 'E_CLIENT_NOT_FOUND', `Client ${clientId} not found on this TSS`);
  return client;
}

/** §8: writes (clients, transactions) on a DISABLED TSS are 400 E_TSS_DISABLED. VERIFY (§4.5) the status. */
export function refuseDisabled(tss: V1TssRecord): void {
  if (tss.state === 'DISABLED') throw new ApiError(400, 'E_TSS_DISABLED', 'The TSS is DISABLED: it takes no more changes (exports remain possible)');
}

/** Lists of V1 keep V2's envelope (`data`, `count`, `_type`), with V1's `_version`. */
export { V1_VERSION } from './views';

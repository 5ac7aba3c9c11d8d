import { ApiError } from './api-error';
import type { Caller, SandboxContext } from './context';
import type { ClientRecord, TssRecord } from './state';

/** A TSS of another organization is as good as missing: the caller learns nothing about it. */
export function findTss(ctx: SandboxContext, caller: Caller, tssId: string): TssRecord {
  const tss = ctx.state.tss[tssId];
  if (!tss || tss.organizationId !== caller.organization.id) throw new ApiError(404, 'E_TSS_NOT_FOUND', 'TSS not found');
  return tss;
}

export function findClient(ctx: SandboxContext, tss: TssRecord, clientId: string): ClientRecord {
  const client = ctx.state.clients[clientId];
  if (!client || client.tssId !== tss.id) throw new ApiError(404, 'E_CLIENT_NOT_FOUND', 'Client not found');
  return client;
}

/** Admin-only operations need an admin login made with the same access token. */
export function requireAdmin(tss: TssRecord, caller: Caller): void {
  if (!tss.adminSessions.includes(caller.tokenId)) {
    throw new ApiError(401, 'E_UNAUTHORIZED', 'Admin authentication required: log in with the admin PIN first (POST /tss/{tss_id}/admin/auth)');
  }
}

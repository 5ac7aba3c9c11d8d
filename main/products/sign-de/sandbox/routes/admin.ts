import { ApiError } from '../api-error';
import type { RouteModule } from '../context';
import { findTss } from '../lookups';
import { MAX_FAILED_PIN_ATTEMPTS, MIN_ADMIN_PIN_LENGTH, pinBlocked, tssDisabled } from '../resources/tss';
import { signSystemLog } from '../signing';
import { bodyOptional, idParams } from './tss';

/** PIN and PUK are checked by the SMAERS, not by the schema: a short PIN is a failed unblock, not a 400. */
const adminAuthBody = { type: 'object', required: ['admin_pin'], properties: { admin_pin: { type: 'string' } } } as const;
const changeAdminPinBody = {
  type: 'object',
  required: ['admin_puk', 'new_admin_pin'],
  properties: { admin_puk: { type: 'string' }, new_admin_pin: { type: 'string' } },
} as const;
const logoutBody = { type: 'object' } as const;

const unblockFailed = (result: 'UNBLOCK_RESULT_FAILED' | 'UNBLOCK_RESULT_ERROR'): ApiError =>
  new ApiError(401, 'E_ADMIN_LOGIN_FAILED', `ERROR_AUTHENTICATION_FAILED (${result})`);

/** Admin login, logout and PIN change/unblock: all middleware operations, all signed as system logs. */
export const adminRoutes: RouteModule = (app, ctx) => {
  app.post<{ Params: { tss_id: string }; Body: { admin_pin: string } }>(
    '/api/v2/tss/:tss_id/admin/auth',
    { schema: { body: adminAuthBody }, preValidation: idParams('middleware', 'tss_id') },
    async (request) => {
      const tss = findTss(ctx, request.caller, request.params.tss_id);
      if (tss.state === 'DISABLED') throw tssDisabled();
      if (tss.pinBlocked) throw pinBlocked(tss);
      if (request.body.admin_pin !== tss.adminPin) {
        tss.failedPinAttempts += 1;
        if (tss.failedPinAttempts >= MAX_FAILED_PIN_ATTEMPTS) tss.pinBlocked = true;
        ctx.persist();
        throw new ApiError(401, 'E_UNAUTHORIZED', 'Make sure that you are using the correct admin_pin');
      }
      tss.failedPinAttempts = 0;
      if (!tss.adminSessions.includes(request.caller.tokenId)) tss.adminSessions.push(request.caller.tokenId);
      signSystemLog(ctx, tss, 'AuthenticateUser', 'admin');
      ctx.persist();
      return {};
    },
  );

  app.post<{ Params: { tss_id: string } }>(
    '/api/v2/tss/:tss_id/admin/logout',
    { schema: { body: logoutBody }, preValidation: [idParams('middleware', 'tss_id'), bodyOptional] },
    async (request) => {
      const tss = findTss(ctx, request.caller, request.params.tss_id);
      const sessions = tss.adminSessions.filter((id) => id !== request.caller.tokenId);
      if (sessions.length !== tss.adminSessions.length) {
        tss.adminSessions = sessions;
        signSystemLog(ctx, tss, 'LogOut', 'admin');
        ctx.persist();
      }
      return {};
    },
  );

  app.patch<{ Params: { tss_id: string }; Body: { admin_puk: string; new_admin_pin: string } }>(
    '/api/v2/tss/:tss_id/admin',
    { schema: { body: changeAdminPinBody }, preValidation: idParams('middleware', 'tss_id') },
    async (request) => {
      const tss = findTss(ctx, request.caller, request.params.tss_id);
      // The SMAERS that holds PIN and PUK exists from UNINITIALIZED on and is gone once DISABLED.
      if (tss.state !== 'UNINITIALIZED' && tss.state !== 'INITIALIZED') {
        throw new ApiError(
          400,
          'E_CHANGE_ADMIN_PIN_FAILED',
          `TSS must be in state UNINITIALIZED or INITIALIZED to change the admin PIN (current state: ${tss.state})`,
        );
      }
      if (request.body.admin_puk !== tss.adminPuk) throw unblockFailed('UNBLOCK_RESULT_FAILED');
      if (request.body.new_admin_pin.length < MIN_ADMIN_PIN_LENGTH) throw unblockFailed('UNBLOCK_RESULT_ERROR');
      tss.adminPin = request.body.new_admin_pin;
      tss.pinBlocked = false;
      tss.failedPinAttempts = 0;
      signSystemLog(ctx, tss, 'UnblockUser', 'admin');
      ctx.persist();
      return {};
    },
  );
};

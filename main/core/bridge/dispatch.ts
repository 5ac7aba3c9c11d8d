import {
  type Channel,
  type ChannelResponse,
  type Result,
  fail,
  isChannel,
  ok,
  requestSchemas,
} from '../../../preload/contract';
import type { z } from 'zod';
import { AppError } from '../errors';

export type Handlers = {
  [C in Channel]: (
    request: z.output<(typeof requestSchemas)[C]>,
  ) => Promise<ChannelResponse<C>> | ChannelResponse<C>;
};

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

/**
 * The one path every bridge call takes in main, whatever carried it (IPC or a Playwright binding):
 * known channel, payload through its schema, handler, and every outcome turned into a Result.
 */
export function createDispatch(handlers: Handlers): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) return fail('E_UNKNOWN_CHANNEL', 'This action is not known to TSS Companion.');
    const parsed = requestSchemas[channel].safeParse(payload);
    if (!parsed.success) {
      // zod's messages name the field and the rule, never the value, so no secret leaks through here.
      const details = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
        .join('; ');
      return fail('E_INVALID_REQUEST', `The request for ${channel} was refused: ${details}`);
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      return toFailure(error);
    }
  };
}

function toFailure(error: unknown): Result<never> {
  if (error instanceof AppError) return fail(error.code, error.message);
  // An unexpected error's message may echo anything it touched, so only its class name is kept.
  const kind = error instanceof Error ? error.name : typeof error;
  return fail('E_INTERNAL', `TSS Companion hit an unexpected problem (${kind}). Try again; if it repeats, restart the app.`);
}

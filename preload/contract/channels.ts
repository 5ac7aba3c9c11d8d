import type { z } from 'zod';
import { type CoreChannelResponses, coreChannels, coreStartChannels } from './core/channels';
import type { Result } from './core/result';
import type { requestSchemas } from './schemas';
import { type SignDeChannelResponses, signDeChannels, signDeStartChannels } from './sign-de/channels';

/**
 * Every request/response channel, `area:verb`: the core's and each product's, one registry. Kept free of
 * zod so the preload bundle stays small.
 */
export const channels = [...coreChannels, ...signDeChannels, 'app:start'] as const;

export type Channel = (typeof channels)[number];

/**
 * The reads the first screen needs, every part's: `app:start` answers them in one round trip, each with
 * its own Result (one failing read does not fail the others).
 */
export const startChannels = [...coreStartChannels, ...signDeStartChannels] as const;
export type StartChannel = (typeof startChannels)[number];
export type StartAnswers = { [C in StartChannel]: Result<ChannelResponses[C]> };

/** What each channel resolves to when it succeeds. */
export interface ChannelResponses extends CoreChannelResponses, SignDeChannelResponses {
  'app:start': StartAnswers;
}

export type ChannelRequest<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type ChannelResponse<C extends Channel> = ChannelResponses[C];

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && (channels as readonly string[]).includes(name);

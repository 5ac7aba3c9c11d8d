import type { z } from 'zod';
import { type CoreChannelResponses, coreChannels } from './core/channels';
import type { requestSchemas } from './schemas';
import { type SignDeChannelResponses, signDeChannels } from './sign-de/channels';

/**
 * Every request/response channel, `area:verb`: the core's and each product's, one registry. Kept free of
 * zod so the preload bundle stays small.
 */
export const channels = [...coreChannels, ...signDeChannels] as const;

export type Channel = (typeof channels)[number];

/** What each channel resolves to when it succeeds. */
export interface ChannelResponses extends CoreChannelResponses, SignDeChannelResponses {}

export type ChannelRequest<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type ChannelResponse<C extends Channel> = ChannelResponses[C];

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && (channels as readonly string[]).includes(name);

import type { z } from 'zod';
import type { AppInfo } from './app-info';
import type { Settings } from './settings';
import type { requestSchemas } from './schemas';

/** Every request/response channel, `area:verb`. Kept free of zod so the preload bundle stays small. */
export const channels = ['app:info', 'settings:get', 'settings:set'] as const;

export type Channel = (typeof channels)[number];

/** What each channel resolves to when it succeeds. */
export interface ChannelResponses {
  'app:info': AppInfo;
  'settings:get': Settings;
  'settings:set': Settings;
}

export type ChannelRequest<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type ChannelResponse<C extends Channel> = ChannelResponses[C];

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && (channels as readonly string[]).includes(name);

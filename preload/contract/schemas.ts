import { z } from 'zod';
import type { Channel } from './channels';
import { SettingsPatch } from './settings';

const NoPayload = z.undefined();

/** The schema every request payload must pass before a handler sees it. */
export const requestSchemas = {
  'app:info': NoPayload,
  'settings:get': NoPayload,
  'settings:set': SettingsPatch,
} as const satisfies Record<Channel, z.ZodType>;

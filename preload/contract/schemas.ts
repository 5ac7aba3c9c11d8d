import type { z } from 'zod';
import type { Channel } from './channels';
import { coreRequestSchemas } from './core/schemas';
import { signDeRequestSchemas } from './sign-de/schemas';

/** The schema every request payload must pass before a handler sees it: the core's and each product's. */
export const requestSchemas = { ...coreRequestSchemas, ...signDeRequestSchemas } as const satisfies Record<Channel, z.ZodType>;

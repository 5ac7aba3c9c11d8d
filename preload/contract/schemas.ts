import { NoPayload, coreRequestSchemas } from './core/schemas';
import { signDeRequestSchemas } from './sign-de/schemas';

/**
 * The schema every request payload must pass before a handler sees it: the core's and each product's. Each
 * part is checked against its own channel list, so together they cover every channel.
 */
export const requestSchemas = { ...coreRequestSchemas, ...signDeRequestSchemas, 'app:start': NoPayload } as const;

export type Environment = 'sandbox' | 'test' | 'live';

/** The API env a key must belong to for each of the app's environments (the sandbox's default org is TEST). */
export const EXPECTED_API_ENV: Record<Environment, 'TEST' | 'LIVE'> = { sandbox: 'TEST', test: 'TEST', live: 'LIVE' };

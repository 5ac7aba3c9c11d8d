import type { EnvironmentInfo } from '../../../preload/contract';

/** fiskaly serves TEST and LIVE from one host; the API key decides which one a session is in. */
export const FISKALY_SIGN_DE_URL = 'https://kassensichv-middleware.fiskaly.com/api/v2';

export function listEnvironments(sandboxUrl: string | null): EnvironmentInfo[] {
  return [
    { id: 'sandbox', baseUrl: sandboxUrl, training: true },
    { id: 'test', baseUrl: FISKALY_SIGN_DE_URL, training: true },
    { id: 'live', baseUrl: FISKALY_SIGN_DE_URL, training: false },
  ];
}

/** The wing's environments as the app lists them: the sandbox's address is known only once it runs. */
export const SIGN_DE_ENVIRONMENTS: readonly EnvironmentInfo[] = listEnvironments(null);

/** A vault label's environment as one of SIGN DE's; null for an id another wing wrote. */
export function signDeEnvironmentOf(id: string): EnvironmentInfo['id'] | null {
  return SIGN_DE_ENVIRONMENTS.find((environment) => environment.id === id)?.id ?? null;
}

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

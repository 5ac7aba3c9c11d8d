import type { EnvironmentId } from './settings';

/** An organization whose API key and secret the vault holds, as the screens list it. */
export interface Organization {
  /** fiskaly's organization id, from the token's claims. */
  id: string;
  environment: Exclude<EnvironmentId, 'sandbox'>;
  label: string;
  /** The first characters of the API key, to tell keys apart; never the secret. */
  apiKeyHint: string;
}

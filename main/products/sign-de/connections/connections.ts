import { join } from 'node:path';
import { AppError } from '../../../core/errors';
import type { HttpExchange } from '../../../core/session/http-exchange';
import { FiskalyClient } from '../api/client';
import type { ApiCredentials } from '../api/session';
import { FISKALY_SIGN_DE_V1_URL, v1UrlBeside } from '../api-v1/base-url';
import { FiskalyV1Client } from '../api-v1/client';
import { FISKALY_SIGN_DE_URL } from '../environments';
import { DEFAULT_ORGANIZATION } from '../sandbox/organizations';
import type { SandboxOptionsInput } from '../sandbox/options';
import type { SharedSandbox } from '../sandbox/shared';
import type { SignDeVault } from '../vault-kinds';

export type EnvironmentId = 'sandbox' | 'test' | 'live';

/**
 * One fiskaly client (one session) per organization, and the built-in sandbox, started the first time
 * it is needed and kept in the data folder so training stores survive restarts. Several processes on one
 * data folder (the app and the CLI) share one sandbox: the first serves it, the others use its address
 * and take over when it is gone (main/products/sign-de/sandbox/shared.ts).
 */
export class Connections {
  private sandbox: Promise<SharedSandbox> | null = null;
  private readonly clients = new Map<string, FiskalyClient>();
  /** Clients made for a caller's own address and key (clientAt), closed with the rest. */
  private readonly named = new Set<FiskalyClient>();
  /** V1 clients (a migration's) per organization and V1 address: a session of their own (reference: one per API version). */
  private readonly v1Clients = new Map<string, FiskalyV1Client>();

  constructor(
    private readonly dataDir: string,
    private readonly vault: () => Promise<SignDeVault>,
    /** exchange: how fiskaly is reached (the app's net.fetch); the built-in sandbox is always reached directly. */
    private readonly options: { sandbox?: SandboxOptionsInput; fiskalyUrl?: string; exchange?: HttpExchange } = {},
  ) {}

  /** The sandbox's base URL, once it runs. */
  async sandboxUrl(): Promise<string> {
    return (await this.startSandbox()).url;
  }

  async clientFor(environment: EnvironmentId, organizationId?: string): Promise<FiskalyClient> {
    const key = environment === 'sandbox' ? 'sandbox' : `${environment}:${organizationId ?? ''}`;
    const known = this.clients.get(key);
    if (known) return known;
    let client: FiskalyClient;
    if (environment === 'sandbox') {
      client = new FiskalyClient({
        baseUrl: await this.sandboxUrl(),
        credentials: { apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret },
        direct: true,
      });
    } else {
      client = new FiskalyClient({ baseUrl: this.options.fiskalyUrl ?? FISKALY_SIGN_DE_URL, credentials: await this.credentialsOf(organizationId), exchange: this.options.exchange });
    }
    this.clients.set(key, client);
    return client;
  }

  /** Where V2 answers for an environment: the built-in sandbox, or fiskaly (a second sandbox in tests). */
  async v2UrlFor(environment: EnvironmentId): Promise<string> {
    return environment === 'sandbox' ? this.sandboxUrl() : (this.options.fiskalyUrl ?? FISKALY_SIGN_DE_URL);
  }

  /** Where V1 answers by default: beside the sandbox's V2, else fiskaly's V1 host (beside the test sandbox in tests). */
  async v1UrlFor(environment: EnvironmentId): Promise<string> {
    if (environment === 'sandbox') return v1UrlBeside(await this.sandboxUrl());
    return this.options.fiskalyUrl ? v1UrlBeside(this.options.fiskalyUrl) : FISKALY_SIGN_DE_V1_URL;
  }

  /**
   * A V1 client for a migration: the sandbox's /api/v1 with its default organization, or TEST/LIVE with the
   * organization's key from the vault, reached as the V2 client is (the same exchange). `baseUrl` only where
   * the caller checked it (allowedV1Url); else the environment's default.
   */
  async v1ClientFor(environment: EnvironmentId, organizationId?: string, baseUrl?: string): Promise<FiskalyV1Client> {
    const url = environment === 'sandbox' ? await this.v1UrlFor('sandbox') : (baseUrl ?? (await this.v1UrlFor(environment)));
    const key = `${environment}:${organizationId ?? ''}:${url}`;
    const known = this.v1Clients.get(key);
    if (known) return known;
    let client: FiskalyV1Client;
    if (environment === 'sandbox') {
      client = new FiskalyV1Client({ baseUrl: url, credentials: { apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret }, direct: true });
    } else {
      client = new FiskalyV1Client({ baseUrl: url, credentials: await this.credentialsOf(organizationId), exchange: this.options.exchange });
    }
    this.v1Clients.set(key, client);
    return client;
  }

  /**
   * A client where the caller says, with the key it has, not one from the vault: the CLI's `--base-url`
   * with the key from its environment, or the sandbox (as its default organization unless a key is given).
   */
  async clientAt(where: 'sandbox' | { baseUrl: string }, credentials?: ApiCredentials): Promise<FiskalyClient> {
    const baseUrl = where === 'sandbox' ? await this.sandboxUrl() : where.baseUrl;
    const how = where === 'sandbox' ? { direct: true } : { exchange: this.options.exchange };
    const client = new FiskalyClient({ baseUrl, credentials: credentials ?? { apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret }, ...how });
    this.named.add(client);
    return client;
  }

  /** A client for credentials not stored yet (to check them before saving). */
  probe(apiKey: string, apiSecret: string): FiskalyClient {
    return new FiskalyClient({ baseUrl: this.options.fiskalyUrl ?? FISKALY_SIGN_DE_URL, credentials: { apiKey, apiSecret }, retry: { attempts: 2 }, exchange: this.options.exchange });
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values(), ...this.named, ...this.v1Clients.values()].map((c) => c.close()));
    this.clients.clear();
    this.named.clear();
    this.v1Clients.clear();
    if (this.sandbox) await (await this.sandbox).close();
    this.sandbox = null;
  }

  private async credentialsOf(organizationId: string | undefined): Promise<ApiCredentials> {
    if (!organizationId) throw new AppError('E_NO_ORGANIZATION', 'Choose the store’s fiskaly organization (API key) first.');
    const credentials = await (await this.vault()).get(organizationId, 'api-credentials');
    if (!credentials) throw new AppError('E_NO_ORGANIZATION', 'The vault has no API key for this organization. Add it on the Home screen.');
    return credentials;
  }

  private startSandbox(): Promise<SharedSandbox> {
    // Loaded when first needed: the sandbox's server (fastify, jose) is no part of a command or an app start
    // that never uses it.
    this.sandbox ??= import('../sandbox/shared')
      .then(({ startSharedSandbox }) =>
        startSharedSandbox(join(this.dataDir, 'sandbox'), this.options.sandbox, {
          // A takeover that could not bind the old port moves the sandbox: the next client uses the new URL.
          onUrlChange: () => {
            this.clients.delete('sandbox');
            for (const key of [...this.v1Clients.keys()]) if (key.startsWith('sandbox:')) this.v1Clients.delete(key);
          },
        }),
      )
      .catch((error: unknown) => {
        this.sandbox = null;
        throw error;
      });
    return this.sandbox;
  }
}

import type { Organization } from '../../../../preload/contract/core/organizations';
import { AppError } from '../../../core/errors';
import type { Connections } from './connections';
import type { SignDeVaultAccess } from '../vault-kinds';

const EXPECTED_ENV = { test: 'TEST', live: 'LIVE' } as const;

/** fiskaly organizations (API key and secret) kept in the vault, checked against fiskaly before saving. */
export class Organizations {
  constructor(
    private readonly vault: SignDeVaultAccess,
    private readonly connections: Connections,
  ) {}

  /** From the vault's labels: works locked and offline, and never shows a secret. */
  async list(): Promise<Organization[]> {
    if (!(await this.vault.isInitialized())) return [];
    const entries = (await (await this.vault.opened()).list()).filter((e) => e.kind === 'api-credentials');
    return entries.map((e) => {
      const [label = '', hint = ''] = (e.labels.description ?? '').split(' · ');
      return { id: e.id, environment: e.labels.environment === 'live' ? 'live' : 'test', label, apiKeyHint: hint };
    });
  }

  async save(input: { environment: 'test' | 'live'; label: string; apiKey: string; apiSecret: string }): Promise<Organization> {
    const vault = await this.vault.unlocked();
    const probe = this.connections.probe(input.apiKey, input.apiSecret);
    let env: 'TEST' | 'LIVE';
    let organizationId: string;
    try {
      ({ env, organizationId } = await probe.session.environment());
    } finally {
      await probe.close();
    }
    if (env !== EXPECTED_ENV[input.environment]) {
      throw new AppError('E_WRONG_ENVIRONMENT', `This API key belongs to fiskaly ${env}, not ${EXPECTED_ENV[input.environment]}. Choose ${env} or use the other key.`);
    }
    const apiKeyHint = `${input.apiKey.slice(0, 8)}…`;
    await vault.put({
      id: organizationId,
      kind: 'api-credentials',
      labels: { environment: input.environment, organizationId, description: `${input.label} · ${apiKeyHint}` },
      secret: { apiKey: input.apiKey, apiSecret: input.apiSecret },
    });
    return { id: organizationId, environment: input.environment, label: input.label, apiKeyHint };
  }
}

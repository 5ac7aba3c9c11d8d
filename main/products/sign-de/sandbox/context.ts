import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxCa } from '../tse';
import type { TokenService } from './auth/tokens';
import type { KeyPool } from './key-pool';
import type { ResolvedSandboxOptions } from './options';
import type { RequestLimits } from './request-limits';
import type { OrganizationRecord, SandboxState } from './state';

/** What every route module gets: the state, the clock, the CA and the token service. */
export interface SandboxContext {
  state: SandboxState;
  options: ResolvedSandboxOptions;
  ca: SandboxCa;
  tokens: TokenService;
  /** TSS keys and certificates made ahead of time. */
  keys: KeyPool;
  /** Unix seconds now. */
  now(): number;
  /**
   * Marks the state changed: every answer sent from now on waits until the change is on the disk (no-op
   * for an in-memory sandbox).
   */
  persist(): void;
  /** Per-TSS and per-export request budgets (listTransactions, export polling). */
  limits: RequestLimits;
  /** Waits, cancellably: the sandbox closes without waiting out long delays. */
  sleep(ms: number): Promise<void>;
}

/** The caller, known once its bearer token checked out. */
export interface Caller {
  organization: OrganizationRecord;
  /** The access token's id: admin sessions are bound to it. */
  tokenId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
}

export type RouteModule = (app: FastifyInstance, ctx: SandboxContext) => void;

export const callerOf = (request: FastifyRequest): Caller => request.caller;

import { z } from 'zod';

export const OrganizationOption = z.object({
  id: z.uuid().optional(),
  name: z.string().min(1).max(100).optional(),
  env: z.enum(['TEST', 'LIVE']).default('TEST'),
  apiKey: z.string().min(1).max(200),
  apiSecret: z.string().min(1).max(200),
});

export const FaultOptions = z.object({
  /** Seed of the fault dice, so a run with the same seed fails the same way. */
  seed: z.number().int().min(0).default(1),
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  jitterMs: z.number().int().min(0).max(60_000).default(0),
  /** Share of requests answered 500/502/503 (0..1). */
  errorRate: z.number().min(0).max(1).default(0),
  /** Share of requests answered 429 with Retry-After (0..1). */
  rateLimitRate: z.number().min(0).max(1).default(0),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  /** Share of requests whose connection is destroyed without an answer (0..1). */
  dropRate: z.number().min(0).max(1).default(0),
  /** Share of requests never answered until the client gives up (0..1). */
  hangRate: z.number().min(0).max(1).default(0),
  /** Only requests whose path matches this regular expression are faulted (all when absent). */
  pathPattern: z.string().max(500).optional(),
});

export const SandboxOptions = z.object({
  host: z.literal('127.0.0.1').default('127.0.0.1'),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(0),
  /** Keep state in this file (written atomically) instead of memory only. */
  stateFile: z.string().min(1).optional(),
  /** Replaces the default TEST organization when given. */
  organizations: z.array(OrganizationOption).min(1).optional(),
  accessTokenSeconds: z.number().int().min(1).default(86_400),
  refreshTokenSeconds: z.number().int().min(1).default(172_800),
  /** The real API takes about 3 s to deploy a TSS (CREATED → UNINITIALIZED); 0 in tests. */
  deployDelayMs: z.number().int().min(0).max(120_000).default(0),
  faults: FaultOptions.default(FaultOptions.parse({})),
});

export type SandboxOptionsInput = z.input<typeof SandboxOptions>;
export type ResolvedSandboxOptions = z.output<typeof SandboxOptions>;
export type FaultSettings = z.output<typeof FaultOptions>;

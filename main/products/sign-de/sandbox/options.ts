import { z } from 'zod';
import { SANDBOX_SEEDS, V1Options } from './v1/options';

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
  /** Share of requests answered 444 E_MIDDLEWARE_PENDING_REQUEST, as if an earlier one were still pending (0..1). */
  pendingRate: z.number().min(0).max(1).default(0),
  /**
   * Only requests whose path starts with this literal text are faulted (all when absent), e.g. "/api/v2/tss"
   * or "/api/v2/tss/<id>/export". A literal prefix, not a regular expression: a pattern from the control
   * route must never be able to freeze the sandbox (catastrophic backtracking).
   */
  pathPrefix: z.string().max(200).regex(/^\/[\x21-\x7e]*$/, 'must be a path starting with "/" (printable ASCII, no spaces)').optional(),
})
  // Unknown keys are refused, so a knob that no longer exists (pathPattern) is not silently ignored.
  .strict();

/** The real API's request limits (sign-de-v2-api.md §8): 429 with Retry-After above them. */
export const LimitOptions = z.object({
  /** listTransactions (every transaction list of one TSS): requests per minute per TSS (v2.2.2). */
  listTransactionsPerMinute: z.number().int().min(1).max(1_000_000).default(20),
  /** retrieveExport and retrieveExportFile together: requests per minute per export (v2.1.33). */
  exportPollsPerMinute: z.number().int().min(1).max(1_000_000).default(12),
});

/**
 * How long an export takes: baseMs plus perLogMs for every signed log it holds. fiskaly documents no
 * figure (small TEST exports finish at once, large LIVE ones take minutes to hours); 3 s plus 20 ms a log
 * makes a fresh store's export take a few seconds and one of 10,000 logs over three minutes, so a client
 * that polls too fast or gives up too early is caught. Tests set both to 0 for an export finished at once.
 */
export const ExportDurationOptions = z.object({
  baseMs: z.number().int().min(0).max(86_400_000).default(3000),
  perLogMs: z.number().int().min(0).max(3_600_000).default(20),
});

export const SandboxOptions = z.object({
  host: z.literal('127.0.0.1').default('127.0.0.1'),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(0),
  /** Keep state in this file (written atomically) instead of memory only. */
  stateFile: z.string().min(1).optional(),
  /**
   * How long to wait for the state file's lock when another process holds it: long enough for the lock of
   * a killed sandbox to go stale (5 s) when restarting after a crash; 0 fails at once.
   */
  stateFileWaitMs: z.number().int().min(0).max(120_000).default(0),
  /** Replaces the default TEST organization when given. */
  organizations: z.array(OrganizationOption).min(1).optional(),
  accessTokenSeconds: z.number().int().min(1).default(86_400),
  refreshTokenSeconds: z.number().int().min(1).default(172_800),
  /** The real API takes about 3 s to deploy a TSS (CREATED → UNINITIALIZED); 0 in tests. */
  deployDelayMs: z.number().int().min(0).max(120_000).default(0),
  faults: FaultOptions.default(FaultOptions.parse({})),
  limits: LimitOptions.default(LimitOptions.parse({})),
  exportDuration: ExportDurationOptions.default(ExportDurationOptions.parse({})),
  /** SIGN DE V1 below /api/v1: strict modes and fault switches. */
  v1: V1Options.default(V1Options.parse({})),
  /** Data added at start unless already there (v1-store: a store still on SIGN DE V1, to practise the migration). */
  seed: z.enum(SANDBOX_SEEDS).optional(),
});

export type SandboxOptionsInput = z.input<typeof SandboxOptions>;
export type ResolvedSandboxOptions = z.output<typeof SandboxOptions>;
export type FaultSettings = z.output<typeof FaultOptions>;

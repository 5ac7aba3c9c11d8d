import { z } from 'zod';

/**
 * The V1 imitation's switches (sign-de-v1-and-migration.md §8): strict modes for the behaviours marked
 * VERIFY, and fault switches a migration must survive. Changed at run time with PUT /_sandbox/v1.
 */
export const V1FaultOptions = z
  .object({
    /** The next N requests below /api/v1 (POST /auth included) are answered 401 without a code. */
    auth401: z.number().int().min(0).max(1_000_000).default(0),
    /** The next N PUTs of state DISABLED on a TSS are answered 502. */
    disable5xx: z.number().int().min(0).max(1_000_000).default(0),
    /** With disable5xx: the TSS IS disabled before the 5xx goes out (the answer is lost, the change is not). */
    disable5xxAfterChange: z.boolean().default(false),
    /** Exports stay PENDING (their file 404) while this is on; they complete at the next look once it is off. */
    exportStuckPending: z.boolean().default(false),
    /**
     * The next N updates of an existing transaction find it moved on by another writer (one Update more,
     * so its revision is higher than the caller's last_revision) and are refused 400 E_TX_UPSERT.
     */
    staleRevision: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const V1Options = z
  .object({
    /** Non-JSON bodies are refused 415 (the real V1 may have accepted only JSON, §3.1 VERIFY). */
    strictJson: z.boolean().default(false),
    /** A V2 token opens nothing of V1 and a V1 token nothing of V2 (whether they are interchangeable: §2 VERIFY). */
    strictTokens: z.boolean().default(false),
    faults: V1FaultOptions.default(V1FaultOptions.parse({})),
  })
  .strict();

/** The seeds a sandbox can start with (or be reset to). */
export const SANDBOX_SEEDS = ['v1-store'] as const;
export type SandboxSeed = (typeof SANDBOX_SEEDS)[number];

export type V1Settings = z.output<typeof V1Options>;

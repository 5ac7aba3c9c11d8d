/** One line of the vault's audit log as the activity view shows it: who, when, what, which TSS; never a secret. */
export interface ActivityEntry {
  time: string;
  action: 'reveal' | 'export' | 'import' | 'import-conflict';
  /** The vault entry's kind (`admin-pin`, `admin-puk`, `api-credentials`). */
  kind: string;
  /** The entry's id: the TSS (PIN, PUK) or the organization (API key). */
  entryId: string;
  /** From the entry's labels, when the vault still holds it. */
  storeName?: string;
  environment?: string;
  reason: string;
  /** The recovery file's name for an export or import. */
  file?: string;
  /** The OS account that did it (lines written before it was recorded have none). */
  user?: string;
}

/** A page of the audit log, newest first. */
export interface ActivityPage {
  entries: ActivityEntry[];
  total: number;
  offset: number;
}

export const ACTIVITY_PAGE_SIZE = { default: 25, max: 100 } as const;

/** What the renderer may write to the log: a level, a short message and a few small facts. */
export const RENDERER_LOG_LIMITS = { message: 500, contextKeys: 10, key: 40, value: 200 } as const;

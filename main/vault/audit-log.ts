import { mkdir, open, readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { vaultErrors } from './vault-errors';

export const AUDIT_FILE = 'audit.log';

export type AuditAction = 'reveal' | 'export' | 'import' | 'import-conflict';

const ENTRY_ACTIONS = new Set<string>(['reveal', 'export', 'import', 'import-conflict']);

/** One line of audit.log. Names what was touched and why; never the secret. */
export interface AuditRecord {
  time: string;
  entryId: string;
  kind: string;
  action: AuditAction;
  reason: string;
  /** The recovery file exported to or imported from, when there is one. */
  file?: string;
  /** The OS account of the process that wrote the line (who, for the activity view). */
  user?: string;
}

/** Who the process runs as; none where the OS cannot say. */
function osUser(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/** A reason is required for reveal; it is trimmed and kept to one readable line's worth. */
export function checkReason(reason: unknown): string {
  if (typeof reason !== 'string') throw vaultErrors.reasonRequired();
  const trimmed = reason.trim();
  if (trimmed.length < 1 || trimmed.length > 500) throw vaultErrors.reasonRequired();
  return trimmed;
}

/**
 * Appends records as JSON lines (O_APPEND, one write, fsync) to `<dir>/audit.log`, mode 0600. The
 * caller appends before it hands a secret out, so nothing is revealed unaudited.
 */
export async function appendAudit(dir: string, records: readonly AuditRecord[]): Promise<void> {
  await appendLines(
    dir,
    records.map((r) => JSON.stringify({ time: r.time, entryId: r.entryId, kind: r.kind, action: r.action, reason: r.reason, file: r.file, user: r.user ?? osUser() })),
  );
}

/**
 * One line per vault generation written, after the rename (so it never names a generation the file does
 * not reach): the newest generation this data folder has seen, kept apart from vault.json, so that a copy
 * of an older vault file over vault.json (a rollback) shows.
 */
export interface GenerationRecord {
  time: string;
  action: 'generation';
  vaultId: string;
  generation: number;
  /** Set when this generation is a restored copy of an older one. */
  restoredFrom?: number;
}

export async function appendGeneration(dir: string, record: Omit<GenerationRecord, 'action'>): Promise<void> {
  const { time, vaultId, generation, restoredFrom } = record;
  await appendLines(dir, [JSON.stringify({ time, action: 'generation', vaultId, generation, restoredFrom })]);
}

/** The newest generation the audit log remembers for this vault (0 when none). */
export async function rememberedGeneration(dir: string, vaultId: string): Promise<number> {
  return (await rememberedGenerations(dir)).get(vaultId) ?? 0;
}

/**
 * The newest generation the audit log remembers, by vault id. A reader without the lock reads this
 * before vault.json: a generation is recorded only after its file is in place, so the file then read is
 * at least that new unless an older copy was put there.
 */
export async function rememberedGenerations(dir: string): Promise<Map<string, number>> {
  const newest = new Map<string, number>();
  for (const line of await readLines(dir)) {
    const record = line as Partial<GenerationRecord>;
    if (record.action === 'generation' && typeof record.vaultId === 'string' && Number.isSafeInteger(record.generation)) {
      newest.set(record.vaultId, Math.max(newest.get(record.vaultId) ?? 0, record.generation!));
    }
  }
  return newest;
}

async function appendLines(dir: string, jsonLines: readonly string[]): Promise<void> {
  if (jsonLines.length === 0) return;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const lines = jsonLines.join('\n');
  const handle = await open(join(dir, AUDIT_FILE), 'a+', 0o600);
  try {
    // A crash mid-write can leave a last line without its newline; start on a fresh line so this record
    // is not glued to the torn one.
    const { size } = await handle.stat();
    const last = Buffer.alloc(1);
    if (size > 0) await handle.read(last, 0, 1, size - 1);
    const lead = size > 0 && last[0] !== 0x0a ? '\n' : '';
    await handle.write(`${lead}${lines}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The audit log's entry records (reveal, export, import), oldest first; generation lines are left out. */
export async function readAuditLog(dir: string): Promise<AuditRecord[]> {
  return (await readLines(dir)).filter((r): r is AuditRecord => ENTRY_ACTIONS.has(String((r as { action?: unknown }).action)));
}

/** Every parsed line; a line that does not parse (a torn last write) is skipped. */
async function readLines(dir: string): Promise<object[]> {
  let text: string;
  try {
    text = await readFile(join(dir, AUDIT_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: object[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === 'object') records.push(value);
    } catch {
      // skipped: a partial line from a crash mid-write
    }
  }
  return records;
}

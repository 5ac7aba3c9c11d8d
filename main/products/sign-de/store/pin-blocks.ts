import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../core/durable/atomic-file';
import { storesFolder } from './store-records';

/**
 * Which TSS answered "admin PIN blocked" (423 E_ADMIN_PIN_BLOCKED) here, and when the PIN worked again:
 * fiskaly says so only when an admin login is tried, and the overview must not try one (a wrong PIN counts
 * towards the block). Kept beside the store records (`stores/<tssId>.pin-block.json`).
 */
interface PinBlockFile {
  blockedAt?: string;
  /** When a new PIN was set with the PUK, or an admin login worked. */
  clearedAt?: string;
}

const blockFile = (dataDir: string, tssId: string) => join(storesFolder(dataDir), `${tssId}.pin-block.json`);

async function read(dataDir: string, tssId: string): Promise<PinBlockFile> {
  try {
    const value = JSON.parse(await readFile(blockFile(dataDir, tssId), 'utf8')) as Record<string, unknown>;
    return {
      ...(typeof value.blockedAt === 'string' ? { blockedAt: value.blockedAt } : {}),
      ...(typeof value.clearedAt === 'string' ? { clearedAt: value.clearedAt } : {}),
    };
  } catch {
    return {};
  }
}

export async function markPinBlocked(dataDir: string, tssId: string, now = new Date()): Promise<void> {
  await writeFileAtomic(blockFile(dataDir, tssId), JSON.stringify({ ...(await read(dataDir, tssId)), blockedAt: now.toISOString() }));
}

/** `always`: after a new PIN was set (a run may have stopped on the block with no file here); else only a known block is cleared. */
export async function markPinWorks(dataDir: string, tssId: string, options: { always?: boolean; now?: Date } = {}): Promise<void> {
  const known = await read(dataDir, tssId);
  if (!options.always && !known.blockedAt) return; // no file for every TSS an admin login worked on
  const now = options.now ?? new Date();
  await writeFileAtomic(blockFile(dataDir, tssId), JSON.stringify({ ...known, clearedAt: now.toISOString() }));
}

/**
 * Since when the PIN is known blocked, or null: the newest sign of a block (a 423 seen here, or `otherSign`,
 * a run that stopped on one) unless the PIN worked after it.
 */
export async function pinBlockedSince(dataDir: string, tssId: string, otherSign: string | null = null): Promise<string | null> {
  const { blockedAt, clearedAt } = await read(dataDir, tssId);
  const newest = [blockedAt, otherSign].filter((time): time is string => !!time).sort().at(-1) ?? null;
  return newest && (!clearedAt || newest > clearedAt) ? newest : null;
}

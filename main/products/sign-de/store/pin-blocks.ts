import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../core/durable/atomic-file';
import { storesFolder } from './store-records';

/**
 * Which TSS answered "admin PIN blocked" (423 E_ADMIN_PIN_BLOCKED) here, and when: fiskaly says so only
 * when an admin login is tried, and the overview must not try one (a wrong PIN counts towards the block).
 * Kept beside the store records (`stores/<tssId>.pin-blocked.json`); gone once the PIN works again.
 */
const markerFile = (dataDir: string, tssId: string) => join(storesFolder(dataDir), `${tssId}.pin-blocked.json`);

export async function markPinBlocked(dataDir: string, tssId: string, now = new Date()): Promise<void> {
  await writeFileAtomic(markerFile(dataDir, tssId), JSON.stringify({ tssId, blockedAt: now.toISOString() }));
}

export async function clearPinBlocked(dataDir: string, tssId: string): Promise<void> {
  await rm(markerFile(dataDir, tssId), { force: true });
}

/** When this laptop last saw the PIN blocked, or null. */
export async function pinBlockedSince(dataDir: string, tssId: string): Promise<string | null> {
  try {
    const { blockedAt } = JSON.parse(await readFile(markerFile(dataDir, tssId), 'utf8')) as { blockedAt?: unknown };
    return typeof blockedAt === 'string' ? blockedAt : null;
  } catch {
    return null;
  }
}

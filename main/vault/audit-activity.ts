import { basename } from 'node:path';
import type { ActivityEntry, ActivityPage } from '../../preload/contract/core/activity';
import { ACTIVITY_PAGE_SIZE } from '../../preload/contract/core/activity';
import { scrubText } from '../core/log-scrub';
import { readAuditLog } from './audit-log';
import type { EntryListing } from './types';

/**
 * The audit log as the activity view pages through it: newest first, each line with the store and
 * environment of its entry (from the vault's labels, readable while locked) and the file's name only.
 * The reason is the technician's own words: scrubbed, in case a secret was typed into it.
 */
export async function activityPage(
  dir: string,
  listing: readonly EntryListing[],
  page: { offset?: number; limit?: number } = {},
): Promise<ActivityPage> {
  const offset = page.offset ?? 0;
  const limit = Math.min(page.limit ?? ACTIVITY_PAGE_SIZE.default, ACTIVITY_PAGE_SIZE.max);
  const records = (await readAuditLog(dir)).reverse();
  const labels = new Map(listing.map((entry) => [`${entry.id}\u0000${entry.kind}`, entry.labels]));
  const entries = records.slice(offset, offset + limit).map((record): ActivityEntry => {
    const label = labels.get(`${record.entryId}\u0000${record.kind}`);
    return {
      time: record.time,
      action: record.action,
      kind: record.kind,
      entryId: record.entryId,
      ...(label?.storeName ? { storeName: label.storeName } : {}),
      ...(label?.environment ? { environment: label.environment } : {}),
      reason: scrubText(record.reason),
      ...(record.file ? { file: basename(record.file) } : {}),
      ...(record.user ? { user: record.user } : {}),
    };
  });
  return { entries, total: records.length, offset };
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../core/durable/atomic-file';
import { storesFolder } from '../store/store-records';

/** A store's own folder beside its record (`stores/<tssId>/`): the V1 export archive and the POS mapping. */
export const storeFolder = (dataDir: string, tssId: string): string => join(storesFolder(dataDir), tssId);

/** Writes a file into the store's folder, whole or not at all; returns its path. */
export async function writeStoreFile(dataDir: string, tssId: string, name: string, data: Buffer | string): Promise<string> {
  const folder = storeFolder(dataDir, tssId);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, name);
  await writeFileAtomic(file, data);
  return file;
}

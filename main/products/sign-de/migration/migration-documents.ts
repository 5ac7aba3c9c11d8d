import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SavedFile } from '../../../../preload/contract/core/files';
import type { HandoverFiles } from '../../../../preload/contract/sign-de/store-record';
import { AppError } from '../../../core/errors';
import { writeFileAtomic } from '../../../core/durable/atomic-file';
import { fileNamePart } from '../../../core/file-name';
import type { HandoverDocuments } from '../handover';
import type { MigrationRecord } from './migration-journal';
import { migrationReportOf } from './migration-report';
import { posMappingCsv, posMappingJson } from './pos-mapping';
import { storeFolder } from './store-folder';

export interface MigrationDocuments {
  mappingJson: SavedFile;
  mappingCsv: SavedFile;
  exportArchive: SavedFile;
  handover: HandoverFiles;
}

const saved = async (path: string): Promise<SavedFile> => ({ path, bytes: (await stat(path)).size });

/**
 * What the store gets after a migration, into one folder: the POS mapping (JSON and CSV, for the POS vendor),
 * a copy of the V1 export archive with its `.sha256` (the store's folder keeps the original), and the
 * handover of the new TSS naming the old TSE it replaced. Only for a migrated store: before the decommission
 * there is no export and no record of the old TSE. `folder` null: the data folder's own copies.
 */
export async function saveMigrationDocuments(record: MigrationRecord, folder: string | null, dataDir: string, handover: HandoverDocuments): Promise<MigrationDocuments> {
  const report = migrationReportOf(record);
  if (record.status !== 'done' || !record.done.includes('store-record') || !report.mapping || !record.export) {
    throw new AppError('E_MIGRATION_NOT_FINISHED', 'The store’s documents are made once the migration is finished (V1 disabled and the store recorded). Finish the migration first.');
  }
  const source = storeFolder(dataDir, record.v2.tssId);
  const dir = folder ?? source;
  await mkdir(dir, { recursive: true });
  const name = `pos-mapping-${fileNamePart(record.plan.storeName, 'store')}`;
  const json = join(dir, `${name}.json`);
  const csv = join(dir, `${name}.csv`);
  await writeFileAtomic(json, posMappingJson(report.mapping));
  await writeFileAtomic(csv, posMappingCsv(report.mapping));
  const archive = join(dir, record.export.file);
  if (folder) {
    await copyFile(join(source, record.export.file), archive);
    await copyFile(join(source, `${record.export.file}.sha256`), `${archive}.sha256`);
  }
  // The copy is what the store keeps for ten years: checked against the hash taken at the download.
  if (createHash('sha256').update(await readFile(archive)).digest('hex') !== record.export.sha256) {
    throw new AppError('E_EXPORT_ARCHIVE_CHANGED', `The V1 export ${record.export.file} no longer matches the SHA-256 taken at its download. Check the disk and save again.`);
  }
  const files = await handover.save(record.v2.tssId, folder ? { outDir: folder } : {});
  return { mappingJson: await saved(json), mappingCsv: await saved(csv), exportArchive: await saved(archive), handover: files };
}

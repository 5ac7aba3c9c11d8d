import { readdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { FolderListing } from '../../../preload/contract/core/files';
import { AppError } from '../errors';

/** The most entries of each kind the in-app chooser shows: a folder of thousands is not browsed by clicking. */
export const MAX_LISTED = 500;

const byName = (a: string, b: string) => a.localeCompare(b, 'de', { sensitivity: 'base' });

/**
 * A folder as the in-app chooser shows it: subfolders and files by name, hidden ones (a leading dot) left
 * out. A folder that does not exist yet (the default one before its first save) lists as empty.
 */
export async function listFolder(path: string): Promise<FolderListing> {
  const folder = resolve(path);
  const parent = dirname(folder) === folder ? null : dirname(folder);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path: folder, parent, exists: false, folders: [], files: [] };
    if (code === 'ENOTDIR') throw new AppError('E_NOT_A_FOLDER', 'This is a file, not a folder.');
    throw new AppError('E_FOLDER_UNREADABLE', 'This folder cannot be opened (no permission).');
  }
  const visible = entries.filter((entry) => !entry.name.startsWith('.'));
  return {
    path: folder,
    parent,
    exists: true,
    folders: visible.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort(byName).slice(0, MAX_LISTED),
    files: visible.filter((entry) => entry.isFile()).map((entry) => entry.name).sort(byName).slice(0, MAX_LISTED),
  };
}

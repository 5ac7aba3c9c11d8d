import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { SaveTarget } from '../../../preload/contract/core/files';
import { PRODUCT_NAME } from '../data-dir';
import { AppError } from '../errors';
import { fileNamePart } from '../file-name';

export interface SaveTargetsOptions {
  dataDir: string;
  documentsDir: string;
  /**
   * The app: only what the OS's dialog returned may be written (a page cannot name a path of its own).
   * The browser shell's page is its own chooser, so there any place outside the data folder will do.
   */
  grantsOnly: boolean;
}

/** A path with its symbolic links resolved as far as it exists: the same folder however it is spelled. */
function realPath(path: string): string {
  const tail: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(realpathSync.native(current), ...tail.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      tail.push(basename(current));
      current = parent;
    }
  }
}

/** True when `path` is `folder` or inside it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const refused = (why: string) => new AppError('E_SAVE_DESTINATION_REFUSED', `The file cannot be saved there: ${why}. Choose another place.`);

/**
 * Where the technician's files may go: the default folder, the places the OS dialog granted, and never
 * the data folder (the vault, its audit log and the journals live there).
 */
export class SaveTargets {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();
  private readonly written = new Set<string>();

  constructor(private readonly options: SaveTargetsOptions) {}

  /** `<documents>/TSS Companion`, or its subfolder for a store. */
  defaultFolder(store?: string): string {
    const base = join(this.options.documentsDir, PRODUCT_NAME);
    return store && store.trim() ? join(base, fileNamePart(store, 'store')) : base;
  }

  /** True for `<documents>/TSS Companion` and the folders in it: main may make them (owner only). */
  isDefaultFolder(path: string): boolean {
    return isAbsolute(path) && isInside(resolve(path), this.defaultFolder()) && !isInside(resolve(path), this.options.dataDir);
  }

  /**
   * What the OS dialog returned: main may write that one file (once), or main's own file names directly
   * in that folder. A page that was once granted a folder cannot name other files in it.
   */
  grant(path: string, mode: 'file' | 'folder'): void {
    (mode === 'file' ? this.files : this.folders).add(realPath(path));
  }

  /**
   * The path to write for a destination: exactly the file chosen, or `defaultName` (a name main made) in a
   * chosen folder; null without a destination. A chosen file is granted for this one save.
   */
  file(destination: SaveTarget | undefined, defaultName: string): string | null {
    if (!destination) return null;
    if ('folder' in destination) {
      if (defaultName !== basename(defaultName) || defaultName === '' || defaultName === '.' || defaultName === '..') throw refused('the file name is not a plain name');
      this.checkFolder(destination.folder);
      return resolve(join(destination.folder, defaultName));
    }
    const path = destination.file;
    this.checkPlace(path);
    if (this.options.grantsOnly) {
      const real = realPath(path);
      if (!this.files.has(real)) throw refused('it was not chosen in the save dialog');
      this.files.delete(real);
    }
    return resolve(path);
  }

  /** The folder to write several files with main's own names into (the handover); a chosen file stands for its folder. */
  folder(destination: SaveTarget | undefined): string | null {
    if (!destination) return null;
    if ('folder' in destination) {
      this.checkFolder(destination.folder);
      return resolve(destination.folder);
    }
    const folder = dirname(destination.file);
    this.checkPlace(join(folder, 'probe'));
    if (this.options.grantsOnly && !this.files.has(realPath(destination.file))) throw refused('it was not chosen in the save dialog');
    return resolve(folder);
  }

  /** Main wrote this file: it may be shown in the file manager. */
  remember(path: string): void {
    this.written.add(realPath(path));
  }

  /** Only a file main wrote, or one in the data folder, is shown in the file manager. */
  mayShow(path: string): boolean {
    const real = realPath(path);
    return this.written.has(real) || isInside(real, realPath(this.options.dataDir));
  }

  /** A full path outside the data folder. */
  private checkPlace(path: string): void {
    if (!isAbsolute(path)) throw refused('it is not a full path');
    if (isInside(realPath(path), realPath(this.options.dataDir))) throw refused("it is the app's own data folder");
  }

  private checkFolder(folder: string): void {
    this.checkPlace(join(folder, 'probe'));
    if (this.options.grantsOnly && !this.folders.has(realPath(folder))) throw refused('it was not chosen in the save dialog');
  }
}

import type { ChooserKind, FileFilter } from '../../../preload/contract/core/files';

/**
 * How a shell lets the technician choose where files go. The app asks the OS (its save and folder
 * dialogs, its file manager); the browser shell has the page's own chooser, which lists folders through
 * main, so it needs none of the three functions.
 */
export interface FilesPort {
  chooser: ChooserKind;
  /** Where "Documents" is on this laptop; the default folder is `<documents>/TSS Companion[/<store>]`. */
  documentsDir: string;
  chooseFile?(defaultPath: string, filter: FileFilter | undefined): Promise<string | null>;
  chooseFolder?(defaultPath: string): Promise<string | null>;
  showInFolder?(path: string): void;
}

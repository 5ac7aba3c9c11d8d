import type { FileFilter, FolderListing } from '../../../../preload/contract/core/files';

/**
 * What a save asks the technician for: a file (with the name main would give it) or a folder (for
 * several files at once, such as the handover or all papers of a store). `store` picks the default
 * folder, Documents/TSS Companion/<store>.
 */
export type DestinationRequest = { mode: 'file'; name: string; filter?: FileFilter; store?: string } | { mode: 'folder'; store?: string };

/**
 * The name as it is saved: the filter's extension added when the technician typed the name without it
 * ("beleg" → "beleg.pdf"), as the OS's own save dialogs do.
 */
export function withExtension(name: string, filter: FileFilter | undefined): string {
  const trimmed = name.trim();
  if (!filter || trimmed === '' || trimmed.toLowerCase().endsWith(`.${filter}`)) return trimmed;
  return `${trimmed}.${filter}`;
}

/** The in-app chooser (browser shell) while it is open: choosing a file or folder, or showing a saved file in its folder. */
export interface ChooserState {
  mode: 'file' | 'folder' | 'show';
  /** The folder shown, and where a save goes. */
  folder: string;
  /** The file name (file mode), or the saved file shown (show mode). */
  name: string;
  filter?: FileFilter;
  /** null while the folder is being read. */
  listing: FolderListing | null;
  /** The last listing failed: the folder could not be read. */
  error: string | null;
}

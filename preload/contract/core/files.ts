/** A file main wrote where the technician chose (a report, a recovery file, an export). */
export interface SavedFile {
  path: string;
  bytes: number;
}

/**
 * Where a save goes: a file the technician named, or a folder main writes its own names into (the
 * handover's three files). Without one, main writes into its data folder as before.
 */
export type SaveTarget = { file: string } | { folder: string };

/** How this shell lets the technician choose: the OS's own dialog (the app), or the page's own (the browser shell). */
export type ChooserKind = 'native' | 'in-app';

/** What a save dialog filters for. */
export const fileFilters = ['pdf', 'tar', 'tsscr', 'zip'] as const;
export type FileFilter = (typeof fileFilters)[number];

/** Where saves go by default, and which chooser this shell offers. */
export interface SaveLocation {
  /** Documents/TSS Companion[/<store>]: it may not exist yet; main makes it on the first save. */
  folder: string;
  chooser: ChooserKind;
  /** The OS can show a saved file in its file manager (the app; not the browser shell). */
  canShowInFolder: boolean;
}

/** The native dialog's answer: the path chosen, or null when the technician cancelled. */
export interface ChosenPath {
  path: string | null;
}

/** One folder as the in-app chooser shows it: its subfolders and files, by name, hidden ones left out. */
export interface FolderListing {
  path: string;
  /** null at the top of the file system. */
  parent: string | null;
  /** false for the default folder before its first save. */
  exists: boolean;
  folders: string[];
  files: string[];
}

/** The longest path a destination may name. */
export const MAX_PATH_LENGTH = 4096;

/** An absolute path on POSIX (`/…`) or Windows (`C:\…`, `\\server\share\…`). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/**
 * A name as part of a file name: letters (umlauts, accents and other scripts kept), digits and dashes;
 * symbols and emoji dropped, each gap one dash, at most 60 characters.
 */
export function fileNamePart(name: string, fallback: string): string {
  const readable = name
    .normalize('NFC')
    // Pictographs and their joiners, skin tones, variation selectors and keycaps: an emoji leaves nothing.
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return Array.from(readable).slice(0, 60).join('').replace(/-+$/, '') || fallback;
}

// The stores are in Germany: every file name carries the Berlin calendar day, as the handover's does.
const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** YYYY-MM-DD of a moment (the day in Berlin), for file names. */
export const fileDate = (now: Date): string => berlinDay.format(now);

/** The recovery file's name: `tss-companion-<date>.tsscr`, or `tss-companion-<store>-<date>.tsscr` for one store's. */
export const recoveryFileName = (now: Date, store?: string): string =>
  store && store.trim() ? `tss-companion-${fileNamePart(store, 'store')}-${fileDate(now)}.tsscr` : `tss-companion-${fileDate(now)}.tsscr`;

/** The support bundle's name: `tss-companion-support-<date and time>.zip`. */
export const supportBundleName = (now: Date): string => `tss-companion-support-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.zip`;

/** The file name joined to a folder path the way that path spells its separators. */
export function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { FileFilter } from '../../preload/contract/core/files';
import type { FilesPort } from '../core/files/files-port';

/** The parts of Electron's dialog and shell the port uses (a fake in tests). */
export type DialogLike = Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
export type ShellLike = Pick<Shell, 'showItemInFolder'>;

type DialogLanguage = 'de' | 'en';

/** The save dialog's filter, named in the app's language (the OS shows the name beside the file type). */
export function dialogFilter(filter: FileFilter, language: DialogLanguage): { name: string; extensions: string[] } {
  const names: Record<FileFilter, string> = {
    pdf: 'PDF',
    tar: 'TAR',
    tsscr: language === 'de' ? 'TSS-Companion-Wiederherstellungsdatei' : 'TSS Companion recovery file',
    zip: 'ZIP',
  };
  return { name: names[filter], extensions: [filter] };
}

/**
 * The OS's own save and folder dialogs, modal to the app's window, and its file manager. What a dialog
 * returns is the only place main then writes (SaveTargets keeps the grant).
 */
export function createElectronFilesPort(options: {
  dialog: DialogLike;
  shell: ShellLike;
  window: () => BrowserWindow | null;
  documentsDir: string;
  /** The app's language, for the filter's name; German when not given. */
  language?: () => DialogLanguage;
}): FilesPort {
  const { dialog, shell, window } = options;
  return {
    chooser: 'native',
    documentsDir: options.documentsDir,
    chooseFile: async (defaultPath, filter) => {
      const settings = { defaultPath, filters: filter ? [dialogFilter(filter, options.language?.() ?? 'de')] : [], properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
      const owner = window();
      const answer = owner ? await dialog.showSaveDialog(owner, settings) : await dialog.showSaveDialog(settings);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
    chooseFolder: async (defaultPath) => {
      const settings = { defaultPath, properties: ['openDirectory', 'createDirectory', 'promptToCreate'] as ('openDirectory' | 'createDirectory' | 'promptToCreate')[] };
      const owner = window();
      const answer = owner ? await dialog.showOpenDialog(owner, settings) : await dialog.showOpenDialog(settings);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    showInFolder: (path) => shell.showItemInFolder(path),
  };
}

import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { FileFilter } from '../../preload/contract/core/files';
import type { FilesPort } from '../core/files/files-port';

/** The parts of Electron's dialog and shell the port uses (a fake in tests). */
export type DialogLike = Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
export type ShellLike = Pick<Shell, 'showItemInFolder'>;

const FILTERS: Record<FileFilter, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  tar: { name: 'TAR', extensions: ['tar'] },
  tsscr: { name: 'TSS Companion recovery file', extensions: ['tsscr'] },
  zip: { name: 'ZIP', extensions: ['zip'] },
};

/**
 * The OS's own save and folder dialogs, modal to the app's window, and its file manager. What a dialog
 * returns is the only place main then writes (SaveTargets keeps the grant).
 */
export function createElectronFilesPort(options: { dialog: DialogLike; shell: ShellLike; window: () => BrowserWindow | null; documentsDir: string }): FilesPort {
  const { dialog, shell, window } = options;
  return {
    chooser: 'native',
    documentsDir: options.documentsDir,
    chooseFile: async (defaultPath, filter) => {
      const settings = { defaultPath, filters: filter ? [FILTERS[filter]] : [], properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
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

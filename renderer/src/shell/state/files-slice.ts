import { type ChooserKind, type SaveTarget, joinPath } from '../../../../preload/contract/core/files';
import { callBridge } from '../../bridge/call-bridge';
import type { SliceTools } from '../../state/store-types';
import type { Operation } from '../../state/ui-error';
import { type ChooserState, type DestinationRequest, withExtension } from '../../ui/save/destination-request';

export interface FilesState {
  /** The browser shell's own save dialog, while open. */
  chooser: ChooserState | null;
  /** Which chooser this shell has; null until the first save asked. */
  chooserKind: ChooserKind | null;
  /** A saved file can be shown in its folder: the OS's file manager (the app) or the in-app chooser (the browser shell). */
  canShowInFolder: boolean;
}

/** A path's folder and name, for either separator. */
export function splitPath(path: string): { folder: string; name: string } {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const folder = at <= 0 ? path.slice(0, at + 1) || '/' : path.slice(0, at);
  // "C:" alone is the current folder of drive C, not its top: keep the separator.
  return { folder: /^[A-Za-z]:$/.test(folder) ? `${folder}\\` : folder, name: path.slice(at + 1) };
}

export interface FilesActions {
  /**
   * Asks where a file goes: the OS's dialog in the app, the in-app chooser in the browser shell, each
   * opened at the default folder with the default name. Resolves to null when the technician cancels.
   * A failure is recorded under `operation`, the save it is for.
   */
  chooseDestination(request: DestinationRequest, operation: Operation): Promise<SaveTarget | null>;
  /** The in-app chooser shows another folder. */
  browseChooser(folder: string): Promise<void>;
  setChooserName(name: string): void;
  /** Closes the in-app chooser with the folder and name it shows (accept) or nothing (cancel). */
  closeChooser(accept: boolean): void;
  /** Shows a saved file in its folder: the OS's file manager, or the in-app chooser; false if that failed. */
  showInFolder(path: string): Promise<boolean>;
}

export const initialFilesState: FilesState = { chooser: null, chooserKind: null, canShowInFolder: false };

export function createFilesSlice({ bridge, set, get, call }: SliceTools): FilesActions {
  let answer: ((target: SaveTarget | null) => void) | null = null;

  return {
    async chooseDestination(request, operation) {
      const location = await call(operation, () => bridge.files.location(request.store ? { store: request.store } : undefined));
      if (!location) return null;
      set({ chooserKind: location.chooser, canShowInFolder: location.canShowInFolder || location.chooser === 'in-app' });
      const name = request.mode === 'file' ? request.name : '';
      const filter = request.mode === 'file' ? request.filter : undefined;
      if (location.chooser === 'native') {
        const defaultPath = request.mode === 'file' ? joinPath(location.folder, name) : location.folder;
        const chosen = await call(operation, () => bridge.files.choose({ mode: request.mode, defaultPath, ...(filter ? { filter } : {}) }));
        if (!chosen?.path) return null;
        return request.mode === 'file' ? { file: chosen.path } : { folder: chosen.path };
      }
      // One chooser at a time: an earlier one still open is cancelled.
      answer?.(null);
      const chosen = new Promise<SaveTarget | null>((resolve) => (answer = resolve));
      set({ chooser: { mode: request.mode, folder: location.folder, name, ...(filter ? { filter } : {}), listing: null, error: null } });
      void get().browseChooser(location.folder);
      return chosen;
    },

    async browseChooser(folder) {
      const open = get().chooser;
      if (!open) return;
      set({ chooser: { ...open, folder, listing: null, error: null } });
      const result = await callBridge(() => bridge.files.list({ path: folder }));
      const now = get().chooser;
      if (!now || now.folder !== folder) return;
      set({ chooser: result.ok ? { ...now, folder: result.value.path, listing: result.value } : { ...now, error: result.error.code } });
    },

    setChooserName(name) {
      const open = get().chooser;
      if (open) set({ chooser: { ...open, name } });
    },

    closeChooser(accept) {
      const open = get().chooser;
      const resolve = answer;
      answer = null;
      set({ chooser: null });
      if (!open || !resolve) return;
      if (!accept) return resolve(null);
      resolve(open.mode === 'file' ? { file: joinPath(open.folder, withExtension(open.name, open.filter)) } : { folder: open.folder });
    },

    async showInFolder(path) {
      if (get().chooserKind === 'native') return (await callBridge(() => bridge.files.show({ path }))).ok;
      const { folder, name } = splitPath(path);
      answer?.(null);
      answer = null;
      set({ chooser: { mode: 'show', folder, name, listing: null, error: null } });
      await get().browseChooser(folder);
      return get().chooser?.error === null;
    },
  };
}

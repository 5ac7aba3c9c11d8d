import { dirname } from 'node:path';
import type { HandlerSet } from '../bridge/compose-handlers';
import { ensurePrivateFolder } from '../durable/private-folder';
import { AppError } from '../errors';
import type { FilesPort } from './files-port';
import { listFolder } from './folder-listing';
import type { SaveTargets } from './save-targets';

const unavailable = (what: string) => new AppError('E_NOT_AVAILABLE', `${what} is not available in this window.`);

/** The files channels: the default folder, the OS dialogs (the app), folder listings (the browser shell). */
export function fileHandlers(port: FilesPort, targets: SaveTargets): HandlerSet {
  return {
    'files:location': (request) => ({
      folder: targets.defaultFolder(request?.store),
      chooser: port.chooser,
      canShowInFolder: port.showInFolder !== undefined,
    }),
    'files:choose': async ({ mode, defaultPath, filter }) => {
      const choose = mode === 'file' ? port.chooseFile && ((p: string) => port.chooseFile!(p, filter)) : port.chooseFolder;
      if (!choose) throw unavailable('The save dialog');
      // An OS dialog opens somewhere else for a folder that does not exist: the default one is made first.
      const folder = mode === 'file' ? dirname(defaultPath) : defaultPath;
      if (targets.isDefaultFolder(folder)) await ensurePrivateFolder(folder);
      const path = await choose(defaultPath);
      if (path !== null) targets.grant(path, mode);
      return { path };
    },
    // The page's own chooser only: in the app the OS dialog lists folders, and a page has no need to.
    'files:list': ({ path }) => {
      if (port.chooser !== 'in-app') throw unavailable('Listing folders');
      return listFolder(path);
    },
    'files:show': ({ path }) => {
      if (!port.showInFolder) throw unavailable('Showing a file in its folder');
      if (!targets.mayShow(path)) throw new AppError('E_SAVE_DESTINATION_REFUSED', 'Only a file the app saved can be shown in its folder.');
      port.showInFolder(path);
      return {};
    },
  };
}

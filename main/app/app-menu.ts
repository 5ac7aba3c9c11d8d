import type { MenuItemConstructorOptions } from 'electron';
import type { EventHub } from '../core/events';
import { MENU_LABELS, type MenuLanguage } from './menu-labels';

export interface AppMenuOptions {
  /** An installed build: no reload, no developer tools. */
  packaged: boolean;
  platform: NodeJS.Platform;
  appName: string;
  /** The app's language: Electron's own role labels are English on Windows and Linux. */
  language: MenuLanguage;
}

/** Roles that reload the page or open its insides: only in a development build. */
export const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools'] as const;

/**
 * The application menu. Every item is an Electron role (its usual shortcut: Ctrl+C, Cmd+Q, …) with a
 * label in the app's language. An installed build has no reload (it would drop the page's state mid-run)
 * and no developer tools. Built anew when the language changes.
 */
export function appMenuTemplate({ packaged, platform, appName, language }: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const l = MENU_LABELS[language];
  const developer: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ role: 'reload', label: l.reload }, { role: 'forceReload', label: l.forceReload }, { role: 'toggleDevTools', label: l.toggleDevTools }, { type: 'separator' }];
  const view: MenuItemConstructorOptions[] = [
    ...developer,
    { role: 'resetZoom', label: l.resetZoom },
    { role: 'zoomIn', label: l.zoomIn },
    { role: 'zoomOut', label: l.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: l.togglefullscreen },
  ];
  const edit: MenuItemConstructorOptions[] = [
    { role: 'undo', label: l.undo },
    { role: 'redo', label: l.redo },
    { type: 'separator' },
    { role: 'cut', label: l.cut },
    { role: 'copy', label: l.copy },
    { role: 'paste', label: l.paste },
    { role: 'selectAll', label: l.selectAll },
  ];
  const window: MenuItemConstructorOptions[] = mac
    ? [{ role: 'minimize', label: l.minimize }, { role: 'zoom', label: l.zoom }]
    : [{ role: 'minimize', label: l.minimize }, { role: 'close', label: l.close }];
  const appMenu: MenuItemConstructorOptions = mac
    ? {
        label: appName,
        submenu: [
          { role: 'about', label: l.about(appName) },
          { type: 'separator' },
          { role: 'hide', label: l.hide(appName) },
          { role: 'hideOthers', label: l.hideOthers },
          { role: 'unhide', label: l.unhide },
          { type: 'separator' },
          { role: 'quit', label: l.quitApp(appName) },
        ],
      }
    : { label: l.file, submenu: [{ role: 'quit', label: l.quit }] };
  // role 'window' on macOS: the OS adds its list of open windows to that menu.
  return [appMenu, { label: l.edit, submenu: edit }, { label: l.view, submenu: view }, { label: l.window, submenu: window, ...(mac ? { role: 'window' as const } : {}) }];
}

/** Every role a menu template names, submenus included. */
export function rolesOf(template: readonly MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? rolesOf(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

/** Every label a menu template shows, submenus included (separators have none). */
export function labelsOf(template: readonly MenuItemConstructorOptions[]): Array<string | undefined> {
  return template.flatMap((item) => [
    ...(item.type === 'separator' ? [] : [item.label]),
    ...(Array.isArray(item.submenu) ? labelsOf(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

/** Calls `rebuild` whenever the settings change the app's language (the menu is built in one language). */
export function rebuildOnLanguageChange(events: Pick<EventHub, 'subscribe'>, language: () => MenuLanguage, rebuild: () => void): () => void {
  let built = language();
  return events.subscribe((event) => {
    if (event !== 'settings:changed' || language() === built) return;
    built = language();
    rebuild();
  });
}

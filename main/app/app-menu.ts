import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  /** An installed build: no reload, no developer tools. */
  packaged: boolean;
  platform: NodeJS.Platform;
  appName: string;
}

/** Roles that reload the page or open its insides: only in a development build. */
export const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools'] as const;

/**
 * The application menu. Every item is an Electron role, so the OS names it in its own language and
 * gives it its usual shortcut (Ctrl+C, Cmd+Q, …). An installed build has no reload (it would drop the
 * page's state mid-run) and no developer tools.
 */
export function appMenuTemplate({ packaged, platform, appName }: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(packaged ? [] : [{ role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac
      ? [{ label: appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } as MenuItemConstructorOptions]
      : [{ role: 'fileMenu', submenu: [{ role: 'quit' }] } as MenuItemConstructorOptions]),
    { role: 'editMenu' },
    { role: 'viewMenu', submenu: view },
    { role: 'windowMenu' },
  ];
}

/** Every role a menu template names, submenus included. */
export function rolesOf(template: readonly MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? rolesOf(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { MENU_LABELS, type MenuLanguage } from './menu-labels';

export type { MenuLanguage } from './menu-labels';

/** What the menu needs of a right click (Electron's context-menu params). */
export type ContextParams = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>;

/**
 * The edit menu of a right click, in the app's language: cut, copy, paste and select all in a field; copy
 * on selected text elsewhere; nothing where there is nothing to edit or copy. Items the field cannot do
 * now (paste with an empty clipboard) are shown disabled, as a desktop app does.
 */
export function editContextMenu(params: ContextParams, language: MenuLanguage): MenuItemConstructorOptions[] {
  const labels = MENU_LABELS[language];
  const flags = params.editFlags;
  if (params.isEditable) {
    return [
      { role: 'cut', label: labels.cut, enabled: flags.canCut },
      { role: 'copy', label: labels.copy, enabled: flags.canCopy },
      { role: 'paste', label: labels.paste, enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: labels.selectAll, enabled: flags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() !== '') return [{ role: 'copy', label: labels.copy, enabled: flags.canCopy }];
  return [];
}

/** The parts of Electron the wiring uses (fakes in tests). */
export interface ContextMenuHost {
  on(event: 'context-menu', listener: (event: unknown, params: ContextParams) => void): unknown;
}
export interface MenuFactory {
  buildFromTemplate(template: MenuItemConstructorOptions[]): { popup(): void };
}

/** Opens the edit menu on every right click in `contents`. */
export function attachEditContextMenu(contents: ContextMenuHost, menu: MenuFactory, language: () => MenuLanguage): void {
  contents.on('context-menu', (_event, params) => {
    const template = editContextMenu(params, language());
    if (template.length > 0) menu.buildFromTemplate(template).popup();
  });
}

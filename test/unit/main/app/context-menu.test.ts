import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { type ContextParams, attachEditContextMenu, editContextMenu } from '../../../../main/app/context-menu';

const flags = { canUndo: true, canRedo: true, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: false };
const params = (over: Partial<ContextParams> = {}): ContextParams => ({ isEditable: true, selectionText: '', editFlags: flags, ...over });
const roles = (items: MenuItemConstructorOptions[]) => items.filter((item) => item.role).map((item) => item.role);

describe('the edit context menu', () => {
  it('offers cut, copy, paste and select all in every field, in the app language', () => {
    const menu = editContextMenu(params(), 'de');
    expect(roles(menu)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(menu.map((item) => item.label).filter(Boolean)).toEqual(['Ausschneiden', 'Kopieren', 'Einfügen', 'Alles auswählen']);
    expect(editContextMenu(params(), 'en').map((item) => item.label).filter(Boolean)).toEqual(['Cut', 'Copy', 'Paste', 'Select all']);
  });

  it('shows what the field cannot do now as disabled (nothing selected: no cut or copy)', () => {
    const menu = editContextMenu(params({ editFlags: { ...flags, canCut: false, canCopy: false } }), 'en');
    expect(menu.find((item) => item.role === 'cut')?.enabled).toBe(false);
    expect(menu.find((item) => item.role === 'paste')?.enabled).toBe(true);
  });

  it('offers copy on selected text outside a field, and nothing on a plain click', () => {
    expect(roles(editContextMenu(params({ isEditable: false, selectionText: 'PUK 1234' }), 'de'))).toEqual(['copy']);
    expect(editContextMenu(params({ isEditable: false, selectionText: '  ' }), 'de')).toEqual([]);
  });

  it('pops the menu up on a right click in a field, and not where it would be empty', () => {
    const contents = new EventEmitter();
    const built: MenuItemConstructorOptions[][] = [];
    let popups = 0;
    attachEditContextMenu(contents as never, { buildFromTemplate: (t) => (built.push(t), { popup: () => popups++ }) }, () => 'de');
    contents.emit('context-menu', {}, params());
    contents.emit('context-menu', {}, params({ isEditable: false }));
    expect(popups).toBe(1);
    expect(roles(built[0]!)).toContain('paste');
  });
});

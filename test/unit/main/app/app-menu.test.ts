import { describe, expect, it } from 'vitest';
import { DEVELOPER_ROLES, appMenuTemplate, labelsOf, rebuildOnLanguageChange, rolesOf } from '../../../../main/app/app-menu';
import { EventHub } from '../../../../main/core/events';
import { MENU_LABELS } from '../../../../main/app/menu-labels';

const options = { appName: 'TSS Companion', language: 'de' } as const;

describe('the application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has no reload and no developer tools in an installed build (${platform})`, () => {
      const roles = rolesOf(appMenuTemplate({ ...options, packaged: true, platform }));
      for (const role of DEVELOPER_ROLES) expect(roles).not.toContain(role);
      expect(roles).toEqual(expect.arrayContaining(['quit', 'cut', 'copy', 'paste', 'selectAll', 'minimize', 'resetZoom']));
    });

    it(`names every item in the app's language, not in Electron's English (${platform})`, () => {
      const german = labelsOf(appMenuTemplate({ ...options, packaged: false, platform }));
      expect(german).not.toContain(undefined);
      expect(german).toEqual(expect.arrayContaining(['Bearbeiten', 'Ansicht', 'Fenster', 'Kopieren', 'Einfügen']));
      for (const english of ['Edit', 'View', 'Window', 'Copy', 'Paste', 'Quit', 'Undo']) expect(german).not.toContain(english);
      expect(labelsOf(appMenuTemplate({ ...options, language: 'en', packaged: false, platform }))).toEqual(expect.arrayContaining(['Edit', 'Copy']));
    });
  }

  it('keeps reload and developer tools in a development build', () => {
    const roles = rolesOf(appMenuTemplate({ ...options, packaged: false, platform: 'linux' }));
    expect(roles).toEqual(expect.arrayContaining([...DEVELOPER_ROLES]));
  });

  it('has the app menu with About and Quit on macOS, a File menu elsewhere', () => {
    expect(appMenuTemplate({ ...options, packaged: true, platform: 'darwin' })[0]).toMatchObject({ label: 'TSS Companion' });
    expect(rolesOf(appMenuTemplate({ ...options, packaged: true, platform: 'darwin' }).slice(0, 1))).toEqual(expect.arrayContaining(['about', 'quit']));
    expect(appMenuTemplate({ ...options, packaged: true, platform: 'win32' })[0]).toMatchObject({ label: MENU_LABELS.de.file });
  });

  it('is built anew when the settings change the language, and only then', () => {
    const events = new EventHub();
    let language: 'de' | 'en' = 'de';
    let rebuilt = 0;
    rebuildOnLanguageChange(events, () => language, () => void rebuilt++);
    events.emit('settings:changed', {} as never);
    expect(rebuilt).toBe(0);
    language = 'en';
    events.emit('settings:changed', {} as never);
    expect(rebuilt).toBe(1);
  });
});

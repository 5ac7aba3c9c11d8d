import { describe, expect, it } from 'vitest';
import { DEVELOPER_ROLES, appMenuTemplate, rolesOf } from '../../../../main/app/app-menu';

describe('the application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has no reload and no developer tools in an installed build (${platform})`, () => {
      const roles = rolesOf(appMenuTemplate({ packaged: true, platform, appName: 'TSS Companion' }));
      for (const role of DEVELOPER_ROLES) expect(roles).not.toContain(role);
      expect(roles).toEqual(expect.arrayContaining(['quit', 'editMenu', 'windowMenu', 'resetZoom']));
    });
  }

  it('keeps reload and developer tools in a development build', () => {
    const roles = rolesOf(appMenuTemplate({ packaged: false, platform: 'linux', appName: 'TSS Companion' }));
    expect(roles).toEqual(expect.arrayContaining([...DEVELOPER_ROLES]));
  });

  it('has the app menu with About and Quit on macOS, a File menu elsewhere', () => {
    expect(appMenuTemplate({ packaged: true, platform: 'darwin', appName: 'TSS Companion' })[0]).toMatchObject({ label: 'TSS Companion' });
    expect(rolesOf(appMenuTemplate({ packaged: true, platform: 'darwin', appName: 'x' }).slice(0, 1))).toEqual(expect.arrayContaining(['about', 'quit']));
    expect(appMenuTemplate({ packaged: true, platform: 'win32', appName: 'x' })[0]).toMatchObject({ role: 'fileMenu' });
  });
});

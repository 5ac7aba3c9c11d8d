import { describe, expect, it } from 'vitest';
import { de } from '../../../../renderer/src/i18n/de';
import { en } from '../../../../renderer/src/i18n/en';

describe('errors of the files channels', () => {
  it('are said in German and English, E_NOT_AVAILABLE (a shell without the dialog) included', () => {
    for (const code of ['E_NOT_AVAILABLE', 'E_SAVE_DESTINATION_REFUSED', 'E_FOLDER_UNREADABLE', 'E_NOT_A_FOLDER'] as const) {
      expect((de.errors.codes as Record<string, string>)[code]).toBeTruthy();
      expect((en.errors.codes as Record<string, string>)[code]).toBeTruthy();
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openElectronStore } from '../../../../main/app/electron-settings-store';
import { openConfStore } from '../../../../main/core/settings/key-value-store';
import { makeTempDir } from '../../../support/temp-dir';

describe('openElectronStore', () => {
  const dir = makeTempDir();
  afterEach(() => dir.remove());

  it('writes the same file the plain-Node store reads, so app and CLI share settings', () => {
    const store = openElectronStore('settings', dir.path);
    store.set('language', 'en');
    expect(JSON.parse(readFileSync(join(dir.path, 'settings.json'), 'utf8'))).toEqual({ language: 'en' });
    expect(openConfStore('settings', dir.path).get('language')).toBe('en');
  });
});

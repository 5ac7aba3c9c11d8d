import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaveTargets } from '../../../../../main/core/files/save-targets';
import { makeTempDir } from '../../../../support/temp-dir';

describe('where the app may write (the OS dialog grants)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let targets: SaveTargets;
  let home: string;

  beforeEach(() => {
    dir = makeTempDir();
    home = join(dir.path, 'home');
    mkdirSync(join(dir.path, 'data'), { recursive: true });
    mkdirSync(home, { recursive: true });
    targets = new SaveTargets({ dataDir: join(dir.path, 'data'), documentsDir: join(home, 'Documents'), grantsOnly: true });
  });
  afterEach(() => dir.remove());

  it('lets a chosen folder take only the names main makes, never a file the page names in it', () => {
    targets.grant(home, 'folder');
    expect(targets.file({ folder: home }, 'beleg.pdf')).toBe(join(home, 'beleg.pdf'));
    expect(targets.folder({ folder: home })).toBe(home);
    expect(() => targets.file({ file: join(home, '.profile') }, 'beleg.pdf')).toThrow(expect.objectContaining({ code: 'E_SAVE_DESTINATION_REFUSED' }));
    expect(() => targets.file({ folder: home }, '../.profile')).toThrow(expect.objectContaining({ code: 'E_SAVE_DESTINATION_REFUSED' }));
  });

  it('lets a chosen file be written once, and no other file beside it', () => {
    const chosen = join(home, 'beleg.pdf');
    targets.grant(chosen, 'file');
    expect(() => targets.file({ file: join(home, '.profile') }, 'x')).toThrow(expect.objectContaining({ code: 'E_SAVE_DESTINATION_REFUSED' }));
    expect(targets.file({ file: chosen }, 'x')).toBe(chosen);
    expect(() => targets.file({ file: chosen }, 'x')).toThrow(expect.objectContaining({ code: 'E_SAVE_DESTINATION_REFUSED' }));
  });

  it('never writes into the data folder, even when it was chosen', () => {
    targets.grant(join(dir.path, 'data'), 'folder');
    expect(() => targets.file({ folder: join(dir.path, 'data') }, 'vault.json')).toThrow(expect.objectContaining({ code: 'E_SAVE_DESTINATION_REFUSED' }));
  });

  it('knows its default folder and the store folders in it, and nothing outside', () => {
    expect(targets.isDefaultFolder(join(home, 'Documents', 'TSS Companion', 'Filiale'))).toBe(true);
    expect(targets.isDefaultFolder(join(home, 'Documents', 'TSS Companion', '..', '..'))).toBe(false);
    expect(targets.isDefaultFolder(home)).toBe(false);
    expect(targets.isDefaultFolder('TSS Companion')).toBe(false);
  });
});

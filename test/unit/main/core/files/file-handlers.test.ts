import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileHandlers } from '../../../../../main/core/files/file-handlers';
import type { FilesPort } from '../../../../../main/core/files/files-port';
import { SaveTargets } from '../../../../../main/core/files/save-targets';
import { makeTempDir } from '../../../../support/temp-dir';

describe('the files channels with the OS dialog (a fake)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  const setUp = () => {
    const documentsDir = join(dir.path, 'Documents');
    const opened: Array<{ path: string; existed: boolean }> = [];
    const port: FilesPort = {
      chooser: 'native',
      documentsDir,
      // An OS dialog opens at its default path only if that folder exists: the fake notes whether it did.
      chooseFile: async (path) => (opened.push({ path, existed: existsSync(join(path, '..')) }), path),
      chooseFolder: async (path) => (opened.push({ path, existed: existsSync(path) }), path),
    };
    const targets = new SaveTargets({ dataDir: join(dir.path, 'data'), documentsDir, grantsOnly: true });
    const handlers = fileHandlers(port, targets) as Record<string, (request: unknown) => Promise<unknown>>;
    return { handlers, opened, targets, documentsDir };
  };

  it('makes the default folder (owner only) before the dialog opens there, for a file and for a folder', async () => {
    const { handlers, opened, targets } = setUp();
    const store = targets.defaultFolder('Filiale Nord');
    await handlers['files:choose']!({ mode: 'file', defaultPath: join(store, 'beleg.pdf'), filter: 'pdf' });
    expect(opened[0]).toEqual({ path: join(store, 'beleg.pdf'), existed: true });
    if (process.platform !== 'win32') expect(statSync(store).mode & 0o777).toBe(0o700);
    const other = targets.defaultFolder('Filiale Süd');
    await handlers['files:choose']!({ mode: 'folder', defaultPath: other });
    expect(opened[1]).toEqual({ path: other, existed: true });
  });

  it('makes no folder outside the default one', async () => {
    const { handlers, opened } = setUp();
    const elsewhere = join(dir.path, 'elsewhere');
    await handlers['files:choose']!({ mode: 'folder', defaultPath: elsewhere });
    expect(opened[0]).toEqual({ path: elsewhere, existed: false });
  });
});

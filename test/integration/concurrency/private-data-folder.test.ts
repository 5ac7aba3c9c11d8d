import { execFile } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, 'wide-umask.child.ts');

/** Every folder and file under `dir` with its mode, as `path mode` lines. */
function modes(dir: string): string[] {
  const lines: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const info = lstatSync(path);
      lines.push(`${relative(dir, path)} ${(info.mode & 0o777).toString(8)}`);
      if (info.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return lines;
}

describe.skipIf(process.platform === 'win32')('the data folder is owner-only whatever the umask', () => {
  it('a process with umask 000 writes only 0700 folders and 0600 files; a folder left wide is closed again', { timeout: 60_000 }, async () => {
    const parent = makeTempDir('tss-umask-');
    const dataDir = join(parent.path, 'TSS Companion');
    try {
      // What an older version (or Electron's own userData) left: a wide folder with wide files in it.
      mkdirSync(join(dataDir, 'runs'), { recursive: true });
      chmodSync(dataDir, 0o755);
      chmodSync(join(dataDir, 'runs'), 0o777);
      writeFileSync(join(dataDir, 'runs', 'old-run.json'), '{}', { mode: 0o644 });
      chmodSync(join(dataDir, 'runs', 'old-run.json'), 0o644);

      await run(process.execPath, ['--import', 'tsx', CHILD, dataDir], { env: { ...process.env, NODE_ENV: 'test' }, timeout: 50_000 });

      expect((lstatSync(dataDir).mode & 0o777).toString(8)).toBe('700');
      const all = modes(dataDir);
      expect(all.some((l) => l.startsWith('vault.json '))).toBe(true);
      expect(all.some((l) => l.startsWith('settings.json '))).toBe(true);
      expect(all.some((l) => l.startsWith('recovery/'))).toBe(true);
      const wide = all.filter((line) => {
        const [path, mode] = [line.slice(0, line.lastIndexOf(' ')), line.slice(line.lastIndexOf(' ') + 1)];
        return lstatSync(join(dataDir, path)).isDirectory() ? mode !== '700' : mode !== '600';
      });
      expect(wide).toEqual([]);
    } finally {
      parent.remove();
    }
  });
});

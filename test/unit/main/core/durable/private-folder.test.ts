import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivateFile } from '../../../../../main/core/durable/atomic-file';
import { withFileLock } from '../../../../../main/core/durable/file-lock';
import { removeOrphanTempFiles, securePrivateTree } from '../../../../../main/core/durable/private-folder';
import { makeTempDir } from '../../../../support/temp-dir';

const posix = process.platform !== 'win32';
const mode = (path: string) => (lstatSync(path).mode & 0o777).toString(8);

/** A pid no process has: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('crashed writers’ temp files', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir('tss-orphans-')));
  afterEach(() => dir.remove());

  it('removes ours of a process that is gone, and old settings-store ones; leaves live and young ones and everything else', async () => {
    const dead = deadPid();
    const gone = `vault.json.${dead}.0a1b2c3d4e5f.tmp`;
    const goneSandbox = `state.json.${dead}.tmp`;
    const live = `vault.json.${process.pid}.0a1b2c3d4e5f.tmp`;
    const youngConf = 'settings.json.tmp-1764460000abc123';
    const oldConf = 'settings.json.tmp-1764460000def456';
    const keep = ['vault.json', 'vault.json.prev', 'notes.tmp', 'vault.json.damaged-2025-01-01'];
    for (const name of [gone, goneSandbox, live, youngConf, oldConf, ...keep]) writeFileSync(join(dir.path, name), 'x');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir.path, oldConf), hourAgo, hourAgo);

    expect((await removeOrphanTempFiles(dir.path)).sort()).toEqual([gone, goneSandbox, oldConf].sort());
    expect(readdirSync(dir.path).sort()).toEqual([live, youngConf, ...keep].sort());
    // An old one of a live process is an orphan too (a writer takes seconds, not ten minutes).
    utimesSync(join(dir.path, live), hourAgo, hourAgo);
    expect(await removeOrphanTempFiles(dir.path)).toEqual([live]);
  });

  it('a folder that is not there is nothing to clean', async () => {
    expect(await removeOrphanTempFiles(join(dir.path, 'missing'))).toEqual([]);
  });
});

describe.skipIf(!posix)('owner-only files and folders', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let umask: number;
  beforeEach(() => {
    dir = makeTempDir('tss-private-');
    umask = process.umask(0o000); // every bit the process asks for would be granted
  });
  afterEach(() => {
    process.umask(umask);
    dir.remove();
  });

  it('securePrivateTree closes the data folder and its own sub-folders and files, cleans their temp files, leaves others alone', async () => {
    const data = join(dir.path, 'data');
    mkdirSync(join(data, 'runs'), { recursive: true, mode: 0o777 });
    mkdirSync(join(data, 'Cache'), { recursive: true, mode: 0o755 });
    writeFileSync(join(data, 'vault.json'), '{}', { mode: 0o644 });
    writeFileSync(join(data, 'runs', 'r.json'), '{}', { mode: 0o666 });
    writeFileSync(join(data, 'runs', `r.json.${deadPid()}.abcdef012345.tmp`), 'x', { mode: 0o600 });
    writeFileSync(join(data, 'Cache', 'blob'), 'x', { mode: 0o644 });

    await securePrivateTree(data, ['runs', 'recovery']);
    expect([mode(data), mode(join(data, 'runs')), mode(join(data, 'vault.json')), mode(join(data, 'runs', 'r.json'))]).toEqual(['700', '700', '600', '600']);
    expect(readdirSync(join(data, 'runs'))).toEqual(['r.json']);
    expect(mode(join(data, 'Cache', 'blob'))).toBe('644'); // not ours: shut out by the folder's 0700
    expect(existsSync(join(data, 'recovery'))).toBe(false);
  });

  it('writePrivateFile: 0600 file, its folder made 0700 even when it already existed wider', async () => {
    const folder = join(dir.path, 'documents');
    mkdirSync(folder, { mode: 0o777 });
    await writePrivateFile(join(folder, 'report.pdf'), 'pdf');
    expect([mode(folder), mode(join(folder, 'report.pdf'))]).toEqual(['700', '600']);
  });

  it('the cross-process lock’s folder is owner-only too', async () => {
    const target = join(dir.path, 'settings.json');
    const seen = await withFileLock(target, async () => mode(`${target}.lock`));
    expect(seen).toBe('700');
    expect(existsSync(`${target}.lock`)).toBe(false);
  });
});

import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, 'settings-writer.child.ts');

describe('one settings file, several processes', () => {
  it('two processes setting different keys at once: each one’s last value stays', { timeout: 120_000 }, async () => {
    const dir = makeTempDir('tss-settings-procs-');
    try {
      const child = (...args: string[]) =>
        run(process.execPath, ['--import', 'tsx', CHILD, dir.path, ...args], { env: { ...process.env, NODE_ENV: 'test' }, timeout: 100_000 });
      await Promise.all([child('language', 'en', 'de', '60'), child('environment', 'test', 'live', '60'), child('language', 'en', 'de', '60')]);
      expect(JSON.parse(readFileSync(join(dir.path, 'settings.json'), 'utf8'))).toEqual({ language: 'en', environment: 'test' });
      expect(readdirSync(dir.path).sort()).toEqual(['settings.json']);
    } finally {
      dir.remove();
    }
  });
});

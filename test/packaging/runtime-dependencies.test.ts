import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; bin: Record<string, string>; scripts: Record<string, string> };

/** electron-builder packs every runtime dependency into the installer: a compiler there is dead weight and binaries. */
const COMPILERS = ['tsx', 'esbuild', 'typescript', 'vite', 'electron-vite', '@esbuild/linux-x64', 'ts-node', 'swc', '@swc/core'];

describe('what the installer and the npm bin carry', () => {
  it('has no compiler among the runtime dependencies', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => COMPILERS.includes(name))).toEqual([]);
  });

  it('points the tss-companion bin at the built JavaScript, which npm run build makes', () => {
    expect(pkg.bin['tss-companion']).toBe('out/cli/tss-companion.js');
    expect(pkg.scripts.build).toContain('npm run build:cli');
  });
});

import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';

/**
 * electron-builder has no CLI command that validates without building; this is its own schema check
 * (app-builder-lib's getConfig + validateConfiguration), the same one a real build runs first.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const YML = join(ROOT, 'electron-builder.yml');

const load = (configPath: string | null = null) => getConfig(ROOT, configPath, null);
const validate = async (configPath: string | null = null) => validateConfiguration(await load(configPath), new DebugLogger(false));

let temp: ReturnType<typeof makeTempDir> | null = null;
afterEach(() => {
  temp?.remove();
  temp = null;
});

/** A copy of the real yml with `extra` appended, in a temp folder. */
function ymlWith(extra: string): string {
  temp = makeTempDir('tss-builder-config-');
  const file = join(temp.path, 'electron-builder.yml');
  writeFileSync(file, `${readFileSync(YML, 'utf8')}\n${extra}\n`);
  return file;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validate()).resolves.toBeUndefined();
  });

  it('fails that validation on an unknown key, so the check above can fail', async () => {
    await expect(validate(ymlWith('notAnElectronBuilderOption: true'))).rejects.toThrow(/notAnElectronBuilderOption/);
  });

  it('fails that validation on a misspelt fuse', async () => {
    const file = ymlWith('electronFuses:\n  runAsNod: false');
    await expect(validate(file)).rejects.toThrow(/runAsNod/);
  });

  it('names the app and its outputs', async () => {
    const config = await load();
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { author: { name: string; email: string } };
    expect(config).toMatchObject({
      appId: 'de.tsscompanion.app',
      productName: 'TSS Companion',
      directories: { buildResources: 'assets', output: 'release' },
      asar: true,
      npmRebuild: false,
      publish: null,
      linux: { target: ['AppImage', 'deb'], category: 'Utility', maintainer: `${pkg.author.name} <${pkg.author.email}>` },
      win: { target: 'nsis' },
      mac: { target: 'dmg' },
    });
  });

  it('flips the hardening fuses', async () => {
    const { electronFuses } = await load();
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has a 512x512 PNG icon in the build resources', () => {
    const png = readFileSync(join(ROOT, 'assets/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  describe('files', () => {
    /** electron-builder's own matcher over the configured `files` patterns. */
    const included = async (): Promise<(relative: string) => boolean> => {
      // getConfig has normalised the yml's plain list into one file set.
      const [fileSet, ...more] = (await load()).files as Array<{ from?: string; to?: string; filter: string[] }>;
      expect(more).toEqual([]);
      expect(fileSet).toEqual({ filter: expect.any(Array) });
      const filter = new FileMatcher(ROOT, '/app', (pattern) => pattern, fileSet!.filter).createFilter();
      const fileStat = { isDirectory: () => false } as Parameters<typeof filter>[1];
      return (relative) => filter(join(ROOT, relative), fileStat);
    };

    it('ships the build output and package.json', async () => {
      const ships = await included();
      for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js', 'package.json']) {
        expect(ships(file), file).toBe(true);
      }
    });

    it('leaves out tests, sources, source maps and the browser bridge', async () => {
      const ships = await included();
      for (const file of [
        'test/unit/main/app/window.test.ts',
        'test/fixtures/insecure-app/main.js',
        'out/main/index.js.map',
        'out/renderer/assets/index-abc.js.map',
        'out/main/window.test.js',
        'out/renderer/assets/app.spec.js',
        'out/browser-bridge/bridge.js',
        'main/app/index.ts',
        'renderer/index.html',
        'electron-builder.yml',
      ]) {
        expect(ships(file), file).toBe(false);
      }
    });
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const electronPackageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));

/** The Electron runtime already on this machine, if any; never downloads. */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const pathFile = join(electronPackageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : existsSync(pathFile)
      ? join(electronPackageDir, 'dist', relative)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

/** The runtime, fetched by electron's own installer where this machine can reach its download host. */
export function obtainElectronBinary(): string | null {
  const found = findElectronBinary();
  if (found) return found;
  const install = spawnSync(process.execPath, [join(electronPackageDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  return install.status === 0 ? findElectronBinary() : null;
}

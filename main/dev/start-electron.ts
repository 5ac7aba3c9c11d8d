import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { obtainElectronBinary } from './electron-runtime';

// `npm start`: build, then run the app in Electron. Offline machines get one line pointing at the browser shell.
const root = fileURLToPath(new URL('../../', import.meta.url));

const electron = obtainElectronBinary();
if (!electron) {
  console.error(
    'The Electron runtime is not installed and cannot be downloaded here; run `npm run start:browser` to use TSS Companion in Chromium.',
  );
  process.exit(1);
}

const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SandboxProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
  stderr(): string;
}

/** Runs `node --import tsx <script> ...args` from the repository root and waits for "sandbox at <url>" on stdout. */
export async function spawnSandboxScript(script: string, args: string[]): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    void exited.then((code) => reject(new Error(`${script} exited (${code}) before it listened: ${stderr}`)));
    lines.on('line', (line) => {
      const match = /sandbox at (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return { url, child, exited, stderr: () => stderr };
}

/** The standalone sandbox (`npm run sandbox`) as its own process. */
export const spawnStandaloneSandbox = (args: string[]): Promise<SandboxProcess> =>
  spawnSandboxScript('main/products/sign-de/sandbox/main.ts', ['--port', '0', '--deploy-delay-ms', '0', ...args]);

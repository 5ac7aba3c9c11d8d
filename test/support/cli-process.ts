import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The command as installed: `tss-companion`, its bin the built JavaScript (vitest's global setup builds it). */
export const CLI_BIN = join(import.meta.dirname, '../../out/cli/tss-companion.js');

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The real bin in a child process, as a technician runs it (stdin piped, not a terminal): of this process's environment only PATH and HOME,
 * plus `env`. The timeout only ends a hung process; a command on a busy machine stays far inside it.
 */
export async function runCliProcess(args: string[], options: { env?: Record<string, string>; cwd?: string; stdin?: string } = {}): Promise<CliOutcome> {
  try {
    const child = run(process.execPath, [CLI_BIN, ...args], {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...options.env },
      timeout: 5 * 60_000,
    });
    // What is piped in (`--plan -`), else an empty stdin, as from a script.
    child.child.stdin?.end(options.stdin ?? '');
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

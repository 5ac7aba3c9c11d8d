import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_BIN, runCliProcess } from '../../support/cli-process';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

/** `tss-companion sandbox …` started; resolves with what it printed once it serves, or its exit code if it ended. */
function startSandboxCommand(args: string[], env: Record<string, string>): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, 'sandbox', '--port', '0', ...args], { env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...env } });
    children.push(child);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/^auth only/m.test(stdout)) resolve({ stdout, code: null });
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, code }));
  });
}

describe('tss-companion sandbox: the organization’s secret never on the command line (review #20)', () => {
  it('refuses --api-secret (and --api-key) as flags, exit 2', async () => {
    const result = await startSandboxCommand(['--api-key', 'k1', '--api-secret', 's1'], {});
    expect(result.code).toBe(2);
  }, 60_000);

  it('takes the key and secret from FISKALY_API_KEY / FISKALY_API_SECRET, does not print the secret back, and accepts a login with them', async () => {
    const secret = 'a made-up sandbox secret 4711';
    const started = await startSandboxCommand([], { FISKALY_API_KEY: 'sandbox-key-1', FISKALY_API_SECRET: secret });
    expect(started.code, started.stdout).toBeNull();
    expect(started.stdout).toMatch(/api_key=sandbox-key-1 api_secret=\(FISKALY_API_SECRET\)/);
    expect(started.stdout).not.toContain(secret);
    const url = /sandbox at (http:\/\/127\.0\.0\.1:\d+\/api\/v2)/.exec(started.stdout)![1]!;
    const login = await fetch(`${url}/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_key: 'sandbox-key-1', api_secret: secret }) });
    expect(login.status).toBe(200);
  }, 60_000);

  it('says where the key and secret come from in its help', async () => {
    const help = await runCliProcess(['sandbox', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/FISKALY_API_KEY and FISKALY_API_SECRET \(both, never as flags/);
    expect(help.stdout).not.toContain('--api-secret');
  });
});

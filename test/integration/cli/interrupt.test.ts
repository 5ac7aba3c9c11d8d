import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANIZATION } from '../../../main/products/sign-de/sandbox/organizations';
import type { Sandbox } from '../../../main/products/sign-de/sandbox/server';
import { CLI_BIN, type CliOutcome, runCliProcess } from '../../support/cli-process';
import { MASTER_DATA_FLAGS } from '../../support/master-data';
import { startSandbox } from '../../support/sandbox-api';
import { makeTempDir } from '../../support/temp-dir';

const PASSPHRASE = 'a long passphrase for the ctrl-c test';

/** The CLI as a technician runs it, with one Ctrl+C (SIGINT) once its stderr (or stdout) shows `when`. */
function runWithCtrlC(args: string[], env: Record<string, string>, when = /\[1\/\d+\]/): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...env } });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const check = () => {
      if (sent || !when.test(stderr + stdout)) return;
      sent = true;
      child.kill('SIGINT');
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      check();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      check();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('Ctrl+C during tss-companion provision', () => {
  const dir = makeTempDir();
  let fiskaly: Sandbox;
  beforeAll(async () => {
    // A TSS takes a while to deploy here, so the Ctrl+C lands inside the run.
    ({ sandbox: fiskaly } = await startSandbox({ deployDelayMs: 1_500 }));
  });
  afterAll(async () => {
    await fiskaly.close();
    dir.remove();
  });

  it('stops after the current step with exit 130, prints the exact resume command (also in --json), and that command finishes the run', async () => {
    const env = { TSS_COMPANION_PASSPHRASE: PASSPHRASE, FISKALY_API_KEY: DEFAULT_ORGANIZATION.apiKey, FISKALY_API_SECRET: DEFAULT_ORGANIZATION.apiSecret };
    const stopped = await runWithCtrlC(
      ['provision', '--base-url', fiskaly.url, '--client', 'CTRL-C-1', '--store', 'Filiale Stopp', ...MASTER_DATA_FLAGS, '--no-receipt', '--json', '--data-dir', dir.path],
      env,
    );
    expect(stopped.code, stopped.stderr).toBe(130);
    const line = /to continue where it stopped: (tss-companion runs resume .*)$/m.exec(stopped.stderr);
    expect(line, stopped.stderr).not.toBeNull();
    const resume = line![1]!;
    expect(resume).toMatch(new RegExp(`^tss-companion runs resume [0-9a-f-]{36} --base-url ${fiskaly.url.replaceAll('.', '\\.')} --data-dir \\S+$`));
    const [json] = JSON.parse(stopped.stdout) as Array<{ status: string; runId: string; error: { code: string; resume: string } }>;
    expect(json).toMatchObject({ status: 'stopped', error: { code: 'E_RUN_CANCELLED', resume } });
    expect(resume).toContain(json!.runId);

    const resumed = await runCliProcess(resume.split(' ').slice(1), { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/^Filiale Stopp: done; TSS /);
  }, 120_000);

  it('ends a command that runs no provisioning at once (the standalone sandbox)', async () => {
    const result = await runWithCtrlC(['sandbox', '--port', '0'], {}, /sandbox at http:\/\/127\.0\.0\.1:\d+/);
    expect(result.code).toBe(130);
    expect(result.stderr).not.toContain('stopping after the current step');
  }, 60_000);
});

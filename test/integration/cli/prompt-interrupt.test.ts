import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_BIN, type CliOutcome } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

/** util-linux `script`: runs a command on a pseudo-terminal, the keys piped into it typed there. */
const SCRIPT = (() => {
  try {
    return execFileSync('which', ['script'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
})();

const quoted = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** The CLI on a terminal; once it shows `when`, `keys` are typed. */
function onTerminal(args: string[], when: RegExp, keys: string): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const line = [process.execPath, CLI_BIN, ...args].map(quoted).join(' ');
    const child = spawn(SCRIPT!, ['-qefc', line, '/dev/null'], { env: { PATH: process.env.PATH!, HOME: process.env.HOME!, TERM: 'dumb' } });
    let stdout = '';
    let typed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (typed || !when.test(stdout)) return;
      typed = true;
      child.stdin.write(keys);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr: '' }));
  });
}

describe.skipIf(!SCRIPT)('Ctrl+C at a passphrase prompt (review #7)', () => {
  const dir = makeTempDir('tss-cli-prompt-');
  afterAll(() => dir.remove());

  it('ends the command with exit 130, saying so, and makes no vault', async () => {
    const result = await onTerminal(['recover', 'list', '--data-dir', dir.path], /Choose a passphrase for this laptop’s vault: /, '\x03');
    expect(result.code, result.stdout).toBe(130);
    expect(result.stdout).toMatch(/tss-companion: Stopped with Ctrl\+C at "Choose a passphrase for this laptop’s vault"; nothing was changed\./);
    expect(existsSync(join(dir.path, 'vault.json'))).toBe(false);
  }, 60_000);
});

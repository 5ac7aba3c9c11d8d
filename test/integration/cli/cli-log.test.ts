import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

describe('the command line’s log', () => {
  it('writes logs/cli.log in the data folder, with no secret from the environment in it', { timeout: 120_000 }, async () => {
    const dir = makeTempDir('tss-cli-log-');
    try {
      const passphrase = 'a passphrase for the cli log test';
      const outcome = await runCliProcess(['provision', '--sandbox', '--client', 'KASSE-1', '--store', 'Filiale Log', '--no-receipt', '--data-dir', dir.path], {
        env: { TSS_COMPANION_PASSPHRASE: passphrase },
      });
      expect(outcome.code, outcome.stderr).toBe(0);
      const log = readFileSync(join(dir.path, 'logs', 'cli.log'), 'utf8');
      const lines = log.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; shell: string });
      expect(lines[0]).toMatchObject({ msg: 'services started', shell: 'cli' });
      expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['run started', 'run done']));
      expect(log).not.toContain(passphrase);
    } finally {
      dir.remove();
    }
  });
});

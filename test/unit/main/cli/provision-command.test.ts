import { describe, expect, it } from 'vitest';
import { provisionCommand } from '../../../../main/cli/provision-command';
import type { CommandIo } from '../../../../main/cli/command-io';
import { VaultError, VaultErrorCode } from '../../../../main/vault';
import { makeTempDir } from '../../../support/temp-dir';

const RUN_ID = '0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';

/** provision with services that start a run (its id reported) and then meet a vault that stopped working. */
async function provisionWithVaultGoneMidRun() {
  const dir = makeTempDir('tss-cli-provision-');
  const out: string[] = [];
  const err: string[] = [];
  const services = {
    vault: { isInitialized: async () => true, opened: async () => ({ unlockWithPassphrase: async () => {} }) },
    signDe: {
      connections: { clientAt: async () => ({}) },
      runs: { get: async () => ({ runId: RUN_ID, tssId: '' }) },
      foregroundRuns: {
        start: async (plan: { storeName: string }, drive: { onProgress(event: object): void }) => {
          drive.onProgress({ runId: RUN_ID, storeName: plan.storeName, index: 1, total: 12, step: 'auth', status: 'done' });
          throw new VaultError(VaultErrorCode.locked, 'The vault is locked.');
        },
      },
    },
  };
  const io = { env: { TSS_COMPANION_PASSPHRASE: 'x' }, dataDir: dir.path, dataDirGiven: true, out: (l: string) => out.push(l), err: (l: string) => err.push(l), services: () => services } as unknown as CommandIo;
  try {
    const exit = await provisionCommand({ sandbox: true, clients: '1', store: 'Nord', json: true }, io);
    return { exit, out, err, dir: dir.path };
  } finally {
    dir.remove();
  }
}

describe('provision --json when the vault stops a run that has started (review #8)', () => {
  it('lists the store with its run id and resume line in the array, with the vault’s exit code', async () => {
    const { exit, out, dir } = await provisionWithVaultGoneMidRun();
    expect(exit).toBe(4);
    expect(JSON.parse(out.join('\n'))).toEqual([
      {
        storeName: 'Nord',
        status: 'failed',
        runId: RUN_ID,
        error: expect.objectContaining({ code: VaultErrorCode.locked, exit: 4, runId: RUN_ID, resume: `tss-companion runs resume ${RUN_ID} --sandbox --data-dir ${dir}` }),
      },
    ]);
  });
});

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGN_DE_VAULT_REGISTRY } from '../../../../../main/products/sign-de';
import { Journal } from '../../../../../main/products/sign-de/provisioning/journal';
import { resumeRun, startRun } from '../../../../../main/products/sign-de/provisioning/orchestrator';
import { isPinBlocked, listKnownTss, revealPuk, unblockAdminPin } from '../../../../../main/products/sign-de/provisioning/puk-recovery';
import { parseStorePlan } from '../../../../../main/products/sign-de/provisioning/store-plan';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { readAuditLog, revealFromRecoveryFile } from '../../../../../main/vault';
import { TEST_PASSPHRASE, runDeps, testVault } from '../../../../support/provisioning';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';
import { makeTempDir } from '../../../../support/temp-dir';

const plan = parseStorePlan({ storeName: 'Filiale Köln', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-1' }], testReceipt: false });

describe('PUK recovery', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    dir = makeTempDir();
  });
  afterEach(async () => {
    await sandbox.close();
    dir.remove();
  });

  async function blockPin(tssId: string) {
    for (let i = 0; i < 5; i++) await api.request('POST', `/tss/${tssId}/admin/auth`, { admin_pin: '000000' });
    expect((await api.request('POST', `/tss/${tssId}/admin/auth`, { admin_pin: '000000' })).body).toMatchObject({ code: 'E_ADMIN_PIN_BLOCKED' });
  }

  it('lists the TSS the vault knows with no network and reveals a PUK only for the passphrase, audited', async () => {
    const { deps, vault } = await runDeps(sandbox, dir.path);
    const report = await startRun(plan, deps);
    await sandbox.close();
    const offline = await testVault(dir.path);
    expect(await listKnownTss(offline)).toEqual([
      expect.objectContaining({ tssId: report.tssId, storeName: 'Filiale Köln', environment: 'sandbox', hasPuk: true, hasPin: true }),
    ]);
    await expect(revealPuk(offline, report.tssId, 'wrong passphrase!!')).rejects.toMatchObject({ code: 'E_VAULT_WRONG_PASSPHRASE' });
    const puk = await revealPuk(offline, report.tssId, TEST_PASSPHRASE);
    expect(puk).toBe((await vault.get(report.tssId, 'admin-puk'))!.puk);
    const audit = await readAuditLog(dir.path);
    expect(audit.filter((r) => r.action === 'reveal')).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(puk);
    ({ sandbox, api } = await startSandbox());
  });

  it('unblocks a blocked PIN with the PUK, and the new PIN from the vault works', async () => {
    const { deps, vault, client } = await runDeps(sandbox, dir.path);
    const report = await startRun(plan, deps);
    await blockPin(report.tssId);
    const blocked = await client.adminLogin(report.tssId, (await vault.get(report.tssId, 'admin-pin'))!.pin).catch((e: unknown) => e);
    expect(isPinBlocked(blocked)).toBe(true);

    await unblockAdminPin(client, vault, report.tssId, '13572468');
    expect((await vault.get(report.tssId, 'admin-pin'))!.pin).toBe('13572468');
    expect((await api.request('POST', `/tss/${report.tssId}/admin/auth`, { admin_pin: '13572468' })).status).toBe(200);
  });

  it('points a run that meets a blocked PIN to the recovery, and resumes after it', async () => {
    const crash = await runDeps(sandbox, dir.path, {
      failpoint: (name) => {
        // After initialize: a resume before it sets the vault's PIN again with the PUK, which unblocks it anyway.
        if (name === 'after:initialize') throw new Error('laptop lid closed');
      },
    });
    await expect(startRun(plan, crash.deps)).rejects.toBeTruthy();
    const [run] = await Journal.list(dir.path);
    await blockPin(run!.tssId);
    const { deps, vault, client } = await runDeps(sandbox, dir.path);
    await expect(resumeRun(run!.runId, deps)).rejects.toMatchObject({ code: 'E_ADMIN_PIN_BLOCKED', next: 'puk-recovery' });
    await unblockAdminPin(client, vault, run!.tssId);
    expect((await resumeRun(run!.runId, deps)).status).toBe('done');
  });

  it('keeps the old PIN when fiskaly refuses the PUK', async () => {
    const { deps, vault, client } = await runDeps(sandbox, dir.path);
    const report = await startRun(plan, deps);
    const before = (await vault.get(report.tssId, 'admin-pin'))!.pin;
    const labels = (await vault.list()).find((e) => e.id === report.tssId)!.labels;
    await vault.put({ id: report.tssId, kind: 'admin-puk', labels, secret: { puk: '0000000000' } });
    await expect(unblockAdminPin(client, vault, report.tssId, '99998888')).rejects.toMatchObject({ code: 'E_ADMIN_LOGIN_FAILED' });
    expect((await vault.get(report.tssId, 'admin-pin'))!.pin).toBe(before);
  });

  it('reveals a PUK from a recovery file on another laptop', async () => {
    const { deps, vault } = await runDeps(sandbox, dir.path);
    const report = await startRun(plan, deps);
    const file = join(dir.path, 'recovery.tsscr');
    await vault.exportRecoveryFile(file, TEST_PASSPHRASE);
    const other = makeTempDir();
    const revealed = await revealFromRecoveryFile(file, TEST_PASSPHRASE, report.tssId, 'admin-puk', { auditDir: other.path, reason: 'PUK recovery', registry: SIGN_DE_VAULT_REGISTRY });
    expect(revealed.puk).toBe((await vault.get(report.tssId, 'admin-puk'))!.puk);
    expect((await readAuditLog(other.path)).map((r) => r.action)).toEqual(['reveal']);
    const second = await testVault(other.path);
    const summary = await second.importRecoveryFile(file, TEST_PASSPHRASE, TEST_PASSPHRASE);
    expect(summary.added.length).toBe(2);
    expect(await listKnownTss(second)).toEqual([expect.objectContaining({ tssId: report.tssId, hasPuk: true, hasPin: true })]);
    other.remove();
  });
});

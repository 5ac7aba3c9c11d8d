import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../preload/contract';
import { runCli } from '../../../../../main/cli/run-cli';
import { Journal } from '../../../../../main/products/sign-de/provisioning/journal';
import { prepareRun, resumeRun, startRun } from '../../../../../main/products/sign-de/provisioning/orchestrator';
import { parseStorePlan } from '../../../../../main/products/sign-de/provisioning/store-plan';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { type Services, createServices } from '../../../../../main/services';
import { TEST_PASSPHRASE, runDeps, testVault } from '../../../../support/provisioning';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';
import { makeTempDir } from '../../../../support/temp-dir';
import { nextEvent } from '../../../../support/events';
import { MASTER_DATA } from '../../../../support/master-data';

const plan = parseStorePlan({
  storeName: 'Filiale Dresden',
  environment: 'sandbox',
  clients: [{ serialNumber: 'KASSE-01' }, { serialNumber: 'KASSE-02' }, { serialNumber: 'KASSE-03' }],
});

/** The CLI in this process, as `tss-companion …` runs it, with its lines collected. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env: { TSS_COMPANION_PASSPHRASE: TEST_PASSPHRASE, ...env }, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('a stuck run’s ways out', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let sandbox: Sandbox;
  let api: SandboxApi;
  beforeEach(async () => {
    dir = makeTempDir();
    ({ sandbox, api } = await startSandbox());
  });
  afterEach(async () => {
    await sandbox.close();
    dir.remove();
  });

  async function stuckRun(): Promise<string> {
    const { deps } = await runDeps(sandbox, dir.path, {
      failpoint: (name) => {
        if (name === 'after:deploy') throw new Error('network gone');
      },
    });
    await expect(startRun(plan, deps)).rejects.toMatchObject({ next: 'resume' });
    return (await Journal.list(dir.path))[0]!.runId;
  }

  it('runs one resume of a run at a time: the second gets E_RUN_BUSY, and nothing is made twice', async () => {
    const runId = await stuckRun();
    const [a, b] = await Promise.all([runDeps(sandbox, dir.path), runDeps(sandbox, dir.path)]);
    const outcomes = await Promise.allSettled([resumeRun(runId, a.deps), resumeRun(runId, b.deps)]);
    const failed = outcomes.filter((o) => o.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect((failed[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'E_RUN_BUSY', message: expect.stringMatching(/another window or process/) });
    expect(outcomes.find((o) => o.status === 'fulfilled')).toMatchObject({ value: { status: 'done' } });
    expect((await api.control('GET', '/status')).body).toMatchObject({ tss: 1, clients: 3, transactions: 1 });
    // Released at the end: the next resume may take it (and finds the run done).
    expect((await resumeRun(runId, a.deps)).status).toBe('done');
  });

  it('registers clients with bounded concurrency: never more at once than asked, default 4', async () => {
    const many = parseStorePlan({ storeName: 'Filiale Kassel', environment: 'sandbox', testReceipt: false, clients: Array.from({ length: 12 }, (_, i) => ({ serialNumber: `K-${i + 1}` })) });
    await api.control('PUT', '/faults', { latencyMs: 20 });
    for (const [asked, expected] of [[2, 2], [undefined, 4]] as const) {
      const folder = makeTempDir();
      const { deps, client } = await runDeps(sandbox, folder.path, asked ? { clientConcurrency: asked } : {});
      let inFlight = 0;
      let most = 0;
      const create = client.createClient.bind(client);
      client.createClient = async (...args) => {
        most = Math.max(most, ++inFlight);
        try {
          return await create(...args);
        } finally {
          inFlight--;
        }
      };
      expect((await startRun(many, deps)).status).toBe('done');
      expect(most, `asked ${asked}`).toBe(expected);
      sandbox.reset();
      folder.remove();
    }
  });

  it('abandons from the CLI: nothing deleted, the run leaves the unfinished list, and is not resumed', async () => {
    const runId = await stuckRun();
    const before = await cli(['runs', '--data-dir', dir.path]);
    expect(before.code).toBe(0);
    expect(before.out).toContain(`next: tss-companion runs resume ${runId} --sandbox`);
    expect(before.out).toContain(`tss-companion runs abandon ${runId}`);

    const abandoned = await cli(['runs', 'abandon', runId, '--data-dir', dir.path]);
    expect(abandoned.code, abandoned.err).toBe(0);
    expect(abandoned.out).toMatch(/abandoned\. Nothing was deleted/);
    const journal = (await Journal.load(dir.path, runId)).data;
    expect(journal).toMatchObject({ status: 'abandoned', abandonedAt: expect.any(String) });
    const { vault } = await runDeps(sandbox, dir.path);
    expect(await vault.get(journal.tssId, 'admin-puk')).toBeTruthy();
    expect(existsSync(join(dir.path, 'runs', `${runId}.json`))).toBe(true);

    const listed = await cli(['runs', '--json', '--data-dir', dir.path]);
    expect(JSON.parse(listed.out)).toEqual([expect.objectContaining({ runId, status: 'abandoned' })]);
    const again = await cli(['runs', 'resume', runId, '--sandbox', '--data-dir', dir.path]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/abandoned/);
    await expect(resumeRun(runId, (await runDeps(sandbox, dir.path)).deps)).rejects.toMatchObject({ code: 'E_RUN_ABANDONED' });
  });

  it('refuses bad run commands with what was wrong', async () => {
    expect(await cli(['runs', 'abandon', 'nope', '--data-dir', dir.path])).toMatchObject({ code: 2, err: expect.stringMatching(/not a run id/) });
    expect(await cli(['runs', 'abandon', '4f0c8a0e-1111-4222-8333-444455556666', '--data-dir', dir.path])).toMatchObject({ code: 2, err: expect.stringMatching(/no run/) });
    expect(await cli(['runs', 'explode', '--data-dir', dir.path])).toMatchObject({ code: 2, err: expect.stringMatching(/usage: tss-companion runs/) });
    const runId = await stuckRun();
    for (const n of ['0', '17', 'four', '2.5']) {
      const refused = await cli(['runs', 'resume', runId, '--sandbox', '--client-concurrency', n, '--data-dir', dir.path]);
      expect(refused, n).toMatchObject({ code: 2, err: expect.stringMatching(/--client-concurrency takes a whole number from 1 to 16/) });
    }
  });

  it('resumes from the CLI against the built-in sandbox, with bounded client concurrency', async () => {
    // The CLI's --sandbox keeps its state in the data folder; the run is started there too.
    const started = await cli(['provision', '--sandbox', '--clients', '5', '--no-receipt', '--client-concurrency', '2', '--data-dir', dir.path]);
    expect(started.code, started.err).toBe(0);
    const [run] = await Journal.list(dir.path);
    const repaired = await cli(['runs', 'resume', run!.runId, '--sandbox', '--repair', '--client-concurrency', '3', '--data-dir', dir.path]);
    expect(repaired.code, repaired.err).toBe(0);
    expect(repaired.out).toMatch(/done; .* 5 clients/);
  });
});

describe('the ways out through the app’s services', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let fiskaly: Sandbox;
  let fiskalyApi: SandboxApi;
  const opened: Services[] = [];
  const open = () => {
    const services = createServices({ dataDir: dir.path, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 }, fiskalyUrl: fiskaly.url });
    opened.push(services);
    return services;
  };
  beforeEach(async () => {
    dir = makeTempDir();
    ({ sandbox: fiskaly, api: fiskalyApi } = await startSandbox({ organizations: [{ apiKey: 'store-key', apiSecret: 'store-secret', env: 'TEST' }] }));
  });
  afterEach(async () => {
    for (const services of opened.splice(0)) await services.close();
    await fiskaly.close();
    dir.remove();
  });

  const call = async <T = unknown>(services: Services, channel: string, payload?: unknown): Promise<T> => {
    const result = (await services.dispatch(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const finished = (services: Services, runId: string) => nextEvent(services.events, 'provisioning:finished', (report) => report.runId === runId);

  it('two windows on one data folder resume the same run: one runs it, the other hears E_RUN_BUSY', async () => {
    const first = open();
    await call(first, 'vault:setup', { passphrase: TEST_PASSPHRASE });
    const org = await call<{ id: string }>(first, 'orgs:save', { environment: 'test', label: 'Kette', apiKey: 'store-key', apiSecret: 'store-secret' });
    expect(await first.dispatch('settings:set', { clientConcurrency: 17 })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    expect(await call(first, 'settings:set', { clientConcurrency: 2 })).toMatchObject({ clientConcurrency: 2 });
    expect(first.settings.clientConcurrency()).toBe(2);
    const second = open();
    await call(second, 'vault:unlock', { passphrase: TEST_PASSPHRASE });
    // A run made durable but not started, as after a crash before its first request.
    const runId = await prepareRun({ ...plan, environment: 'test', masterData: MASTER_DATA }, { dataDir: dir.path, vault: await runDepsVault(dir.path) }, org.id);

    const end = finished(first, runId);
    const answers = await Promise.all([first.dispatch('provisioning:resume', { runId }), second.dispatch('provisioning:resume', { runId })]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'E_RUN_BUSY' } });
    const winner = answers[0]!.ok ? first : second;
    const report = await (winner === first ? end : finished(second, runId));
    expect(report).toMatchObject({ runId, status: 'done' });
    await fiskalyApi.login('store-key', 'store-secret');
    const tss = await fiskalyApi.request<{ data: unknown[] }>('GET', '/tss');
    expect(tss.body.data).toHaveLength(1);
    expect((await fiskalyApi.control('GET', '/status')).body).toMatchObject({ tss: 1, clients: 3 });
  });

  it('abandons and repairs through dispatch', async () => {
    const services = open();
    await call(services, 'vault:setup', { passphrase: TEST_PASSPHRASE });
    const org = await call<{ id: string }>(services, 'orgs:save', { environment: 'test', label: 'Kette', apiKey: 'store-key', apiSecret: 'store-secret' });
    const end = nextEvent(services.events, 'provisioning:finished');
    const started = await call<{ runId: string }>(services, 'provisioning:start', { plan: { ...plan, environment: 'test', masterData: MASTER_DATA }, organizationId: org.id });
    const done = await end;
    expect(done).toMatchObject({ runId: started.runId, status: 'done' });

    // A done run cannot be abandoned, but it can be repaired: the server lost it all, the repair makes it again.
    expect(await services.dispatch('provisioning:abandon', { runId: started.runId })).toMatchObject({ ok: false, error: { code: 'E_RUN_DONE' } });
    fiskaly.reset();
    const repairEnd = finished(services, started.runId);
    await call(services, 'provisioning:repair', { runId: started.runId });
    expect(await repairEnd).toMatchObject({ status: 'done' });
    await fiskalyApi.login('store-key', 'store-secret');
    expect((await fiskalyApi.request('GET', `/tss/${done.tssId}`)).body).toMatchObject({ state: 'INITIALIZED', number_registered_clients: 3 });

    // A stuck run: abandoned through dispatch, it leaves the unfinished list.
    const stuck = await prepareRun({ ...plan, environment: 'test', masterData: MASTER_DATA }, { dataDir: dir.path, vault: await runDepsVault(dir.path) }, org.id);
    const abandoned = await call<{ status: string }>(services, 'provisioning:abandon', { runId: stuck });
    expect(abandoned).toMatchObject({ status: 'abandoned' });
    const runs = await call<Array<{ runId: string; status: string }>>(services, 'runs:list');
    expect(runs.find((r) => r.runId === stuck)).toMatchObject({ status: 'abandoned' });
    expect(await services.dispatch('provisioning:resume', { runId: stuck })).toMatchObject({ ok: false, error: { code: 'E_RUN_ABANDONED' } });
    expect(await services.dispatch('provisioning:abandon', { runId: 'nope' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
  });
});

/** The vault of the data folder, opened beside the services (as another process would); a plan without a PIN stores nothing in it. */
const runDepsVault = (dataDir: string) => testVault(dataDir);

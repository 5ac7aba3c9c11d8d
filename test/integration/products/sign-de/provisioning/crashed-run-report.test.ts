import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, STEP_NAMES } from '../../../../../main/products/sign-de/provisioning/journal';
import { parseStorePlan } from '../../../../../main/products/sign-de/provisioning/store-plan';
import { type Services, createServices } from '../../../../../main/services';
import { makeTempDir } from '../../../../support/temp-dir';

// A run cut off by a crash after 9 of its 12 steps: its journal says "running" and lists the done steps.
// The runs list must tell where it is without the vault (which is locked, or not even set up, after a restart).
describe('a crashed run as the runs list shows it, with the vault locked', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let services: Services;
  beforeEach(() => {
    dir = makeTempDir();
    services = createServices({ dataDir: dir.path, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 } });
  });
  afterEach(() => dir.remove());

  it('lists its 12 steps and the 9 done, from the journal alone', async () => {
    const plan = parseStorePlan({ storeName: 'Filiale Jena', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-01' }], testReceipt: true });
    const journal = await Journal.create(dir.path, plan);
    await journal.update((data) => {
      data.done = STEP_NAMES.slice(0, 9);
      data.status = 'running';
    });

    const listed = await services.dispatch('runs:list', undefined);
    expect(listed).toMatchObject({ ok: true });
    const [run] = (listed as { ok: true; value: Array<{ status: string; steps?: string[]; done?: string[] }> }).value;
    expect(run).toMatchObject({ status: 'running', steps: [...STEP_NAMES], done: STEP_NAMES.slice(0, 9) });
    expect(await services.dispatch('vault:status', undefined)).toMatchObject({ ok: true, value: { unlocked: false } });
  });

  it('a run without a test receipt has 10 steps', async () => {
    const plan = parseStorePlan({ storeName: 'Filiale Gera', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-01' }], testReceipt: false });
    await Journal.create(dir.path, plan);
    const listed = (await services.dispatch('runs:list', undefined)) as { ok: true; value: Array<{ steps?: string[]; done?: string[] }> };
    expect(listed.value[0]).toMatchObject({ steps: STEP_NAMES.slice(0, 10), done: [] });
  });
});

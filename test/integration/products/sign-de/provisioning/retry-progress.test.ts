import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRun } from '../../../../../main/products/sign-de/provisioning/orchestrator';
import type { ProgressEvent } from '../../../../../main/products/sign-de/provisioning/run-report';
import { parseStorePlan } from '../../../../../main/products/sign-de/provisioning/store-plan';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { runDeps } from '../../../../support/provisioning';
import { startSandbox } from '../../../../support/sandbox-api';
import { makeTempDir } from '../../../../support/temp-dir';

// While fiskaly answers 5xx the client waits and tries again; the run must say so, not seem to hang.
describe('a run’s progress while requests are tried again', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let sandbox: Sandbox;
  beforeEach(async () => {
    dir = makeTempDir();
    ({ sandbox } = await startSandbox({ faults: { seed: 5, errorRate: 0.3 } }));
  });
  afterEach(async () => {
    await sandbox.close();
    dir.remove();
  });

  it('reports each retry as a running event of its step, with the try and the tries in all', async () => {
    const plan = parseStorePlan({ storeName: 'Filiale Suhl', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-01' }, { serialNumber: 'KASSE-02' }] });
    const events: ProgressEvent[] = [];
    const { deps } = await runDeps(sandbox, dir.path, { onProgress: (event) => events.push(event) });
    await expect(startRun(plan, deps)).resolves.toMatchObject({ status: 'done' });
    expect(sandbox.faults.counts.errors).toBeGreaterThan(0);
    const retries = events.filter((event) => event.retry);
    expect(retries.length).toBeGreaterThan(0);
    for (const event of retries) {
      expect(event.status).toBe('running');
      expect(event.retry!.attempt).toBeGreaterThanOrEqual(2);
      expect(event.retry!.attempts).toBe(12);
    }
  });
});

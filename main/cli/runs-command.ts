import { Journal } from '../provisioning/journal';
import type { CommandIo } from './provision-command';
import { EXIT } from './exit-codes';

/** `tss-companion runs`: the provisioning runs on this laptop, unfinished ones first to resume. */
export async function runsCommand(io: CommandIo): Promise<number> {
  const runs = await Journal.list(io.dataDir);
  if (runs.length === 0) io.out('No provisioning runs on this laptop yet.');
  const ordered = [...runs.filter((r) => r.status !== 'done'), ...runs.filter((r) => r.status === 'done')];
  for (const run of ordered) {
    const where = run.error ? ` at ${run.error.step}: ${run.error.message}` : '';
    io.out(`${run.runId}  ${run.status.padEnd(9)}  ${run.plan.environment.padEnd(7)}  ${run.plan.storeName}${where}`);
  }
  return EXIT.ok;
}

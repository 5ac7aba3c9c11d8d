import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type ProgressEvent, type RunReport, resumeRun, startRun } from '../provisioning/orchestrator';
import { ProvisioningError } from '../provisioning/provisioning-error';
import { PlanError, type StorePlan, parsePlanFile, parseStorePlan } from '../provisioning/store-plan';
import { connect } from './connection';
import { EXIT, UsageError } from './exit-codes';
import { parseClientConcurrency } from './runs-command';
import { openVault } from './vault-access';

export interface CommandIo {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  out(line: string): void;
  err(line: string): void;
  signal?: AbortSignal;
}

const OPTIONS = {
  sandbox: { type: 'boolean' },
  'base-url': { type: 'string' },
  live: { type: 'boolean' },
  'confirm-live': { type: 'string' },
  clients: { type: 'string' },
  plan: { type: 'string' },
  store: { type: 'string' },
  'no-receipt': { type: 'boolean' },
  resume: { type: 'string' },
  json: { type: 'boolean' },
  'client-concurrency': { type: 'string' },
} as const;

/** `tss-companion provision`: one store or a plan file of many, or `--resume RUN_ID`. */
export async function provisionCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true });
  if (values.live && values['confirm-live'] !== 'LIVE') {
    throw new UsageError('Provisioning in fiskaly LIVE creates real, billable TSS: add --confirm-live LIVE to go ahead.');
  }
  const connection = await connect({ sandbox: Boolean(values.sandbox), baseUrl: values['base-url'], live: Boolean(values.live), dataDir: io.dataDir }, io.env);
  try {
    const clientConcurrency = parseClientConcurrency(values['client-concurrency']);
    const plans = values.resume ? [] : await readPlans(values, connection.environment);
    const { vault } = await openVault(io.dataDir, io.env);
    const deps = {
      dataDir: io.dataDir,
      vault,
      clientFor: () => connection.client,
      signal: io.signal,
      clientConcurrency,
      onProgress: (e: ProgressEvent) => {
        if (e.status === 'running' && !e.detail) return;
        const detail = e.detail ? ` ${e.detail.done}/${e.detail.total}` : '';
        io.err(`${e.storeName}: [${e.index}/${e.total}] ${e.step}${detail} ${e.status === 'running' ? '…' : e.status}`);
      },
    };
    const reports: RunReport[] = [];
    let exit: number = EXIT.ok;
    const attempt = async (run: () => Promise<RunReport>) => {
      try {
        reports.push(await run());
      } catch (error) {
        if (!(error instanceof ProvisioningError) && !(error as { code?: string }).code) throw error;
        const failure = error as ProvisioningError;
        io.err(`failed: ${failure.message}`);
        exit = failure.code === 'E_RUN_CANCELLED' ? EXIT.cancelled : failure.next === 'puk-recovery' ? EXIT.pinBlocked : EXIT.failed;
      }
    };
    if (values.resume) await attempt(() => resumeRun(values.resume!, deps));
    for (const plan of plans) {
      if (io.signal?.aborted) break;
      await attempt(() => startRun(plan, deps));
    }
    const publicReports = reports.map(({ runId, storeName, environment, status, tssId, tssSerialNumber, bsiCertificationId, clients, receipt }) => ({
      runId,
      storeName,
      environment,
      status,
      tssId,
      tssSerialNumber,
      bsiCertificationId,
      clients,
      receipt: receipt && { number: receipt.number, qrCodeData: receipt.qrCodeData, valid: receipt.valid, checks: receipt.checks },
    }));
    if (values.json) io.out(JSON.stringify(publicReports, null, 2));
    else for (const r of publicReports) {
      io.out(`${r.storeName}: ${r.status}; TSS ${r.tssId} (serial ${r.tssSerialNumber}); ${r.clients.filter((c) => c.registered).length} clients; test receipt ${r.receipt ? (r.receipt.valid ? 'valid' : 'INVALID') : 'not signed'}`);
    }
    return exit;
  } finally {
    await connection.close();
  }
}

async function readPlans(values: { plan?: string; clients?: string; store?: string; 'no-receipt'?: boolean }, environment: StorePlan['environment']): Promise<StorePlan[]> {
  if (Boolean(values.plan) === Boolean(values.clients)) throw new UsageError('Give either --clients N or --plan FILE.');
  try {
    if (values.plan) {
      const text = await readFile(values.plan, 'utf8').catch(() => {
        throw new UsageError(`Cannot read the plan file ${values.plan}.`);
      });
      return parsePlanFile(text, values.plan.toLowerCase().endsWith('.csv') ? 'csv' : 'json').map((p) => ({ ...p, environment }));
    }
    const count = Number(values.clients);
    if (!/^\d+$/.test(values.clients!) || count < 1 || count > 199) throw new UsageError('--clients takes a whole number from 1 to 199.');
    return [
      parseStorePlan({
        storeName: values.store ?? 'Store',
        environment,
        testReceipt: !values['no-receipt'],
        clients: Array.from({ length: count }, (_, i) => ({ serialNumber: `KASSE-${String(i + 1).padStart(3, '0')}` })),
      }),
    ];
  } catch (error) {
    if (error instanceof PlanError) throw new UsageError(error.message);
    throw error;
  }
}

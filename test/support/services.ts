import { expect } from 'vitest';
import type { Result } from '../../preload/contract';
import { type Services, type ServicesConfig, createServices } from '../../main/services';
import { nextEvent } from './events';
import { MASTER_DATA } from './master-data';
import { TEST_PASSPHRASE } from './provisioning';
import { makeTempDir } from './temp-dir';

/** One channel through the real dispatch, its value or a thrown error naming channel, code and message. */
export function channelCaller(services: Services): <T = unknown>(channel: string, payload?: unknown) => Promise<T> {
  return async <T>(channel: string, payload?: unknown): Promise<T> => {
    const result = (await services.dispatch(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

export interface ServicesWithVault {
  services: Services;
  dataDir: string;
  call: ReturnType<typeof channelCaller>;
  /** A sandbox store provisioned through the channels, with master data; its TSS id. */
  provisionSandboxStore(storeName: string, serials?: readonly string[]): Promise<string>;
  close(): Promise<void>;
}

/** The app's services on a fresh data folder, the vault set up with TEST_PASSPHRASE (cheap scrypt). */
export async function servicesWithVault(prefix: string, config: Partial<ServicesConfig> = {}): Promise<ServicesWithVault> {
  const dir = makeTempDir(prefix);
  const services = createServices({ dataDir: dir.path, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 }, ...config });
  const call = channelCaller(services);
  await call('vault:setup', { passphrase: TEST_PASSPHRASE });
  return {
    services,
    dataDir: dir.path,
    call,
    async provisionSandboxStore(storeName, serials = ['KASSE-1']) {
      const end = nextEvent(services.events, 'provisioning:finished');
      const clients = serials.map((serialNumber) => ({ serialNumber }));
      await call('provisioning:start', { plan: { storeName, environment: 'sandbox', masterData: MASTER_DATA, clients } });
      const report = await end;
      expect(report.status).toBe('done');
      return report.tssId!;
    },
    async close() {
      await services.close();
      dir.remove();
    },
  };
}

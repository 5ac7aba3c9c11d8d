import type { HandlerSet } from '../../../core/bridge/compose-handlers';
import { AppError } from '../../../core/errors';
import { requirePassphrase } from '../../../vault/confirmation';
import type { SignDeServices } from '../services';
import type { SignDeVaultAccess } from '../vault-kinds';
import { findTill, todayInGermany } from './store-records';
import { addTills } from './till-additions';
import { findDuplicateSerials } from '../provisioning/serials';

/** The store record's channels, and disabling a TSS (which decommissions its TSE in the record). */
export function storeHandlers(services: SignDeServices, vault: SignDeVaultAccess): HandlerSet {
  const { connections, tss, storeRecords } = services;
  return {
    'store:get': ({ tssId }) => storeRecords.get(tssId),
    'store:duplicate-serials': async ({ storeName, serialNumbers }) =>
      (await findDuplicateSerials({ storeName, clients: serialNumbers.map((serialNumber) => ({ serialNumber })) }, storeRecords.dataDir)).map(({ serialNumber, usedBy }) => ({
        serialNumber,
        usedBy: usedBy.map(({ storeName: name, environment }) => ({ storeName: name, environment })),
      })),
    'store:set-master-data': ({ tssId, masterData }) => storeRecords.setMasterData(tssId, masterData),
    // Registering tills asks no more than a setup does: the passphrase only where a LIVE setup needs it.
    'store:add-tills': async ({ tssId, tills, passphrase }) => {
      const record = await storeRecords.get(tssId);
      if (record.environment === 'live') await requirePassphrase(vault, 'add-live-tills', passphrase);
      const client = await connections.clientFor(record.environment, record.organizationId);
      return addTills(storeRecords, { client, vault: await vault.unlocked() }, tssId, tills);
    },
    'store:deregister-till': async ({ tssId, clientId, decommissioning }) => {
      findTill(await storeRecords.get(tssId), clientId);
      await tss.setClientState(tssId, clientId, 'DEREGISTERED');
      return storeRecords.recordTillDeregistered(tssId, clientId, decommissioning);
    },
    'tss:disable': async ({ tssId, confirmation, passphrase, decommissioning }) => {
      await requirePassphrase(vault, 'disable-tss', passphrase);
      const overview = await tss.disable(tssId, confirmation);
      // A TSS known only from an imported recovery file has no record to write into.
      await storeRecords.recordTssDisabled(tssId, decommissioning ?? { date: todayInGermany(), reason: 'not given' }).catch((error: unknown) => {
        if (!(error instanceof AppError && error.code === 'E_STORE_UNKNOWN')) throw error;
      });
      return overview;
    },
  };
}

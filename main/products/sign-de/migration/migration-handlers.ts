import type { HandlerSet } from '../../../core/bridge/compose-handlers';
import type { SaveTargets } from '../../../core/files/save-targets';
import { requirePassphrase } from '../../../vault/confirmation';
import type { SignDeServices } from '../services';
import type { SignDeVaultAccess } from '../vault-kinds';

/**
 * The migration's channels: the inventory (read only), runs in the background (start, resume, cancel,
 * abandon, list) and the store's documents. A LIVE start or resume carries the vault's passphrase, checked
 * here before anything is done, as a LIVE setup does; the cut-over's typed confirmation is the page's.
 */
export function migrationHandlers(services: SignDeServices, vault: SignDeVaultAccess, files: SaveTargets): HandlerSet {
  const { migrations } = services;
  return {
    'migration:inventory': ({ environment, organizationId, v1TssId }) => migrations.inventory(environment, organizationId, v1TssId),
    'migration:start': async ({ plan, organizationId, confirmCutOver, passphrase }) => {
      if (plan.environment === 'live') await requirePassphrase(vault, 'live-migration', passphrase);
      return migrations.start(plan, organizationId, { confirmCutOver });
    },
    'migration:resume': async ({ runId, confirmCutOver, serialFixes, passphrase }) => {
      if ((await migrations.get(runId)).environment === 'live') await requirePassphrase(vault, 'live-migration', passphrase);
      return migrations.resume(runId, { confirmCutOver, serialFixes });
    },
    'migration:cancel': ({ runId }) => migrations.cancel(runId),
    'migration:abandon': ({ runId }) => migrations.abandon(runId),
    'migration:list': () => migrations.list(),
    'migration:save-documents': async ({ runId, destination }) => {
      const saved = await migrations.saveDocuments(runId, files.folder(destination));
      for (const file of [saved.mappingJson, saved.mappingCsv, saved.exportArchive, saved.handover.pdf, saved.handover.json, saved.handover.xml]) files.remember(file.path);
      return saved;
    },
  };
}

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HandoverFiles } from '../../../preload/contract/sign-de/store-record';
import type { HandlerSet } from '../../core/bridge/compose-handlers';
import { writeFileAtomic } from '../../core/durable/atomic-file';
import type { SaveTargets } from '../../core/files/save-targets';
import { checkNetworkPrinter } from '../../printing';
import { planConfirmation, requirePassphrase } from '../../vault/confirmation';
import { migrationHandlers } from './migration/migration-handlers';
import { listKnownTss, revealPuk, unblockAdminPin } from './provisioning/puk-recovery';
import type { SignDeServices } from './services';
import { resetSharedSandbox } from './sandbox/reset-shared';
import { storeHandlers } from './store/store-handlers';
import { checkReceipt } from './tse';
import type { SignDeVaultAccess } from './vault-kinds';

const paper = (width: 80 | 58) => `${width}mm` as const;

/** The three handover files, each remembered as one main wrote (so it may be shown in its folder). */
const remembered = (files: SaveTargets, saved: HandoverFiles): HandoverFiles => {
  for (const file of [saved.pdf, saved.json, saved.xml]) files.remember(file.path);
  return saved;
};

/** The bridge channels SIGN DE answers: organizations, runs, recovery, the store overview, receipts and handover. */
export function signDeHandlers(services: SignDeServices, vault: SignDeVaultAccess, files: SaveTargets): HandlerSet {
  const { connections, runs, organizations, tss, documents, handover } = services;
  return {
    'orgs:list': () => organizations.list(),
    'orgs:save': (input) => organizations.save(input),
    'runs:list': () => runs.list(),
    'runs:get': ({ runId }) => runs.get(runId),
    'provisioning:start': async ({ plan, organizationId, passphrase }) => {
      const action = planConfirmation(plan);
      if (action) await requirePassphrase(vault, action, passphrase);
      return runs.start(plan, organizationId);
    },
    'provisioning:resume': ({ runId }) => runs.resume(runId),
    'provisioning:cancel': ({ runId }) => runs.cancel(runId),
    'provisioning:repair': ({ runId }) => runs.resume(runId, { repair: true }),
    'provisioning:abandon': ({ runId }) => runs.abandon(runId),
    // Before the first passphrase there is no vault, so nothing to list (not an error to show).
    'recovery:list': async () => ((await vault.isInitialized()) ? listKnownTss(await vault.opened()) : []),
    'recovery:reveal': async ({ tssId, passphrase }) => ({ puk: await revealPuk(await vault.opened(), tssId, passphrase) }),
    // Unblocking sets a PIN (the technician's or a generated one): confirmed either way.
    'recovery:unblock': async ({ tssId, newPin, passphrase }) => {
      await requirePassphrase(vault, 'set-admin-pin', passphrase);
      const home = (await listKnownTss(await vault.opened())).find((t) => t.tssId === tssId);
      const client = await connections.clientFor(home?.environment ?? 'sandbox', home?.organizationId);
      await unblockAdminPin(client, await vault.unlocked(), tssId, newPin);
      await tss.forgetPinBlock(tssId);
      return {};
    },
    'tss:overview': ({ tssId }) => tss.overview(tssId),
    // Confirmed in the page (a dialog); the sandbox's training data only, never the vault or this laptop's records.
    'sandbox:reset': async ({ seed }) => {
      await resetSharedSandbox(await connections.sandboxUrl(), seed);
      return {};
    },
    'tss:set-client-state': ({ tssId, clientId, state }) => tss.setClientState(tssId, clientId, state),
    'tss:stale-preview': ({ tssId, olderThanHours }) => tss.previewStale(tssId, olderThanHours),
    'tss:close-stale': ({ tssId, olderThanHours, transactionIds }) => tss.closeStale(tssId, olderThanHours, transactionIds),
    // The export lands in the data folder (its journal points there); a chosen place gets a copy.
    'tss:export': async ({ tssId, destination }) => {
      const saved = await tss.exportTar(tssId);
      const target = files.file(destination, basename(saved.path));
      if (!target) return saved;
      await writeFileAtomic(target, await readFile(saved.path));
      files.remember(target);
      return { path: target, bytes: saved.bytes };
    },
    'tss:export-status': ({ tssId }) => tss.exportStatus(tssId),
    'receipt:get': ({ runId }) => documents.receipt(runId),
    'receipt:verify': ({ qrCodeData, tssSerialNumber }) => {
      const result = checkReceipt(qrCodeData, tssSerialNumber ? { tssSerialNumber } : {});
      return { valid: result.valid, checks: result.checks };
    },
    'print:receipt': ({ runId, printer, width }) => documents.printReceipt(runId, printer, paper(width)),
    'print:pdf': async ({ runId, width, destination }) => {
      const saved = await documents.receiptPdf(runId, width, (name) => files.file(destination, name));
      files.remember(saved.path);
      return saved;
    },
    // The address rule first, before the receipt is even built; sendToNetworkPrinter checks again at the socket.
    'print:escpos': async ({ runId, host, port, width, nativeQr }) => {
      await checkNetworkPrinter({ host, port });
      return documents.escpos(runId, host, port, paper(width), nativeQr);
    },
    // The run's store: its handover in all three forms; the page answers with the PDF.
    'report:handover': async ({ runId, destination }) => {
      const tssId = await documents.finishedRunTss(runId);
      return remembered(files, await handover.save(tssId, { outDir: files.folder(destination) ?? undefined })).pdf;
    },
    ...storeHandlers(services, vault),
    'handover:save': async ({ tssId, destination }) => remembered(files, await handover.save(tssId, { outDir: files.folder(destination) ?? undefined })),
    ...migrationHandlers(services, vault, files),
  };
}

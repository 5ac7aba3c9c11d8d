import type { AppStoreState, Screen } from '../../state/store-types';
import type { ActionOnView, ErrorArea, Operation } from '../../state/ui-error';
import { vaultNeed } from '../../state/vault-need';
import { type WizardStep, productHomeActions, productMigrationActions } from '../../products';

const wizardAreas: Record<WizardStep, ErrorArea[]> = {
  plan: ['vault', 'orgs', 'run'],
  run: ['run'],
  receipt: ['receipt', 'handover', 'backup', 'store'],
};

/** The error areas the current view shows next to their controls; the frame shows all others. */
export function claimedAreas(screen: Screen, wizardStep: WizardStep): ErrorArea[] {
  switch (screen) {
    case 'home':
      return ['vault', 'backup', 'orgs', 'stores'];
    case 'wizard':
      return wizardAreas[wizardStep];
    case 'recovery':
      return ['recovery', 'backup'];
    case 'overview':
      return ['overview', 'store'];
    case 'receipt':
      return ['receipt', 'handover'];
    case 'migration':
      return ['migration'];
    default:
      return [];
  }
}

/** The vault form a vault card shows now: set up, unlock, restore, or (ready) the recovery file's export. */
function vaultAction(state: AppStoreState): Operation | null {
  const { vault } = state;
  if (!vault) return null;
  if (vault.damage) return 'restoreVault';
  const need = vaultNeed(vault);
  return need === 'setup' ? 'setupVault' : need === 'unlock' ? 'unlockVault' : 'exportRecovery';
}

/**
 * The actions (of `besideActionOperations`) the current view shows with their error beside them; the frame
 * shows the errors of the others, so none is ever invisible. Mirrors what the screens render.
 */
export function actionsOnView(state: AppStoreState): ActionOnView[] {
  const vaultForm = vaultAction(state);
  switch (state.screen) {
    case 'home':
      // The vault card, and the products' cards with an error beside each row's buttons.
      return [...(vaultForm === 'setupVault' ? (['setupVault', 'importRecovery'] as const) : vaultForm ? [vaultForm] : []), ...productHomeActions(state)];
    case 'recovery': {
      const { tssId, puk } = state.recovery;
      return ['importRecovery', ...(tssId ? (['unblockPin'] as const) : []), ...(tssId && puk === null ? (['revealPuk'] as const) : [])];
    }
    case 'wizard':
      return wizardActions(state, vaultForm);
    case 'receipt':
      return receiptShown(state, state.receiptRunId) ? printActions : [];
    case 'migration':
      return productMigrationActions(state);
    default:
      return [];
  }
}

/** The print panel's actions: shown beside its buttons once the receipt is there. */
const printActions: Operation[] = ['loadPrinters', 'printReceipt', 'printPdf', 'printEscpos'];

/** Whether the receipt panel shows the receipt of `runId` (and with it the print panel). */
const receiptShown = (state: AppStoreState, runId: string | null): boolean => runId !== null && state.receiptRunId === runId && state.receipt !== null;

function wizardActions(state: AppStoreState, vaultForm: Operation | null): Operation[] {
  const { phase, runId } = state.run;
  switch (state.wizard.step) {
    case 'plan': {
      // The plan page holds the vault card (while the vault needs it) and the start.
      if (vaultForm === 'setupVault') return ['setupVault', 'importRecovery', 'startRun'];
      const vault = vaultForm && vaultForm !== 'exportRecovery' && vaultNeed(state.vault) !== null ? [vaultForm] : [];
      return [...vault, 'startRun'];
    }
    case 'run':
      // The start is on the plan page: a refused start shows there, not here.
      if (phase === 'idle') return [];
      if (phase === 'starting' || phase === 'running' || phase === 'cancelling') return ['cancelRun'];
      if ((phase === 'failed' || phase === 'cancelled') && runId) {
        // RunStep shows the vault card beside Resume while the vault is locked.
        return vaultNeed(state.vault) === 'unlock' && vaultForm ? ['resumeRun', 'repairRun', vaultForm] : ['resumeRun', 'repairRun'];
      }
      return [];
    case 'receipt':
      // The store's documents (once the run has its TSS): the recovery file's passphrase form.
      return [...(state.run.tssId ? (['exportRecovery'] as const) : []), ...(receiptShown(state, state.run.runId) ? printActions : [])];
    default:
      return [];
  }
}

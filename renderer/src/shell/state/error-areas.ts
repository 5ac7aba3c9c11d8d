import type { Screen } from '../../state/store-types';
import type { ErrorArea } from '../../state/ui-error';
import type { WizardStep } from '../../products';

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
    default:
      return [];
  }
}

import { useMemo } from 'react';
import { useApp } from '../../../state/store-context';
import type { WizardContext } from './wizard-rules';

/** The wizard rules' context, selected field by field so a render only follows real changes. */
export function useWizardContext(): WizardContext {
  const environment = useApp((state) => state.settings?.environment ?? null);
  const organizations = useApp((state) => state.organizations);
  const vault = useApp((state) => state.vault);
  const runPhase = useApp((state) => state.run.phase);
  return useMemo(() => ({ environment, organizations, vault, runPhase }), [environment, organizations, vault, runPhase]);
}

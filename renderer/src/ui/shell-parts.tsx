import { type ComponentType, type ReactNode, createContext, useContext } from 'react';
import type { Organization } from '../../../preload/contract/core/organizations';
import type { ErrorArea } from '../state/ui-error';

/**
 * What the shell lends the product wings: its vault card and recovery-file forms, the organization form
 * and the environment choice. A wing's screen shows them through `useShellParts()` without importing the
 * shell; the shell provides them around the screens.
 */
export interface ShellParts {
  VaultCard: ComponentType<{ showExport?: boolean; level?: 2 | 3; errorAreas?: ErrorArea[] }>;
  ExportRecoveryForm: ComponentType;
  ImportRecoveryForm: ComponentType;
  OrganizationForm: ComponentType<{ environment?: Organization['environment']; onSaved?(organization: Organization): void }>;
  EnvironmentChoice: ComponentType<{ className?: string }>;
}

const ShellPartsContext = createContext<ShellParts | null>(null);

export function ShellPartsProvider({ parts, children }: { parts: ShellParts; children: ReactNode }) {
  return <ShellPartsContext.Provider value={parts}>{children}</ShellPartsContext.Provider>;
}

export function useShellParts(): ShellParts {
  const parts = useContext(ShellPartsContext);
  if (!parts) throw new Error('useShellParts must be used inside <ShellPartsProvider>.');
  return parts;
}

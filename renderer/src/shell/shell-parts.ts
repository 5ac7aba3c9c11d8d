import type { ShellParts } from '../ui/shell-parts';
import { OrganizationForm } from './orgs/OrganizationForm';
import { EnvironmentChoice } from './settings/EnvironmentChoice';
import { ExportRecoveryForm } from './vault/ExportRecoveryForm';
import { ImportRecoveryForm } from './vault/ImportRecoveryForm';
import { VaultCard } from './vault/VaultCard';

/** The shell's parts a product wing's screens may show (see ui/shell-parts.tsx). */
export const shellParts: ShellParts = { VaultCard, ExportRecoveryForm, ImportRecoveryForm, OrganizationForm, EnvironmentChoice };

import type { ComponentType } from 'react';
import type { Screen } from '../../state/store-types';

import { de } from './i18n/de';
import { en } from './i18n/en';

/**
 * The SIGN DE wing as the shell sees it (through products/index.ts): its part of the store, its screens,
 * loaded on first use, its cards on Home and its texts (the `sign-de` namespace).
 */
export { createSignDeSlices, initialSignDeState } from './sign-de-slices';
export { SignDeHomeCards } from './SignDeHomeCards';
export { signDeHomeActions } from './stores/home-row-actions';
export { migrationActions as signDeMigrationActions } from './migration/migration-actions';
export { SandboxResetCard as SignDeSettingsCards } from './sandbox/SandboxResetCard';
export type { SignDeMessages } from './i18n/de';
export type { WizardStep } from './wizard/wizard-rules';

/** The i18next namespace of SIGN DE's texts. */
export const SIGN_DE_NAMESPACE = 'sign-de';
export const signDeMessages = { de, en };

export const signDeScreens = {
  wizard: () => import('./wizard/WizardScreen').then((module) => module.WizardScreen),
  recovery: () => import('./recovery/RecoveryScreen').then((module) => module.RecoveryScreen),
  overview: () => import('./overview/OverviewScreen').then((module) => module.OverviewScreen),
  receipt: () => import('./receipt/ReceiptScreen').then((module) => module.ReceiptScreen),
  migration: () => import('./migration/MigrationScreen').then((module) => module.MigrationScreen),
} satisfies Partial<Record<Screen, () => Promise<ComponentType>>>;

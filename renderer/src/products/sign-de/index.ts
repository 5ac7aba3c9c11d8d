import type { ComponentType } from 'react';
import type { Screen } from '../../state/store-types';

/**
 * The SIGN DE wing as the shell sees it (through products/index.ts): its part of the store, its screens,
 * loaded on first use, and its cards on Home.
 */
export { createSignDeSlices, initialSignDeState } from './sign-de-slices';
export { SignDeHomeCards } from './SignDeHomeCards';
export type { WizardStep } from './wizard/wizard-rules';

export const signDeScreens = {
  wizard: () => import('./wizard/WizardScreen').then((module) => module.WizardScreen),
  recovery: () => import('./recovery/RecoveryScreen').then((module) => module.RecoveryScreen),
  overview: () => import('./overview/OverviewScreen').then((module) => module.OverviewScreen),
  receipt: () => import('./receipt/ReceiptScreen').then((module) => module.ReceiptScreen),
} satisfies Partial<Record<Screen, () => Promise<ComponentType>>>;

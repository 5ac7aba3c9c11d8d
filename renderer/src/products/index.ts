import type { ComponentType } from 'react';
import type { AppStoreState, SliceTools } from '../state/store-types';
import type { ActionOnView } from '../state/ui-error';
import {
  SIGN_DE_NAMESPACE,
  type SignDeMessages,
  SignDeHomeCards,
  SignDeSettingsCards,
  createSignDeSlices,
  initialSignDeState,
  signDeMessages,
  signDeHomeActions,
  signDeMigrationActions,
  signDeScreens,
} from './sign-de';

/**
 * The product wings, the one place the shell reaches them through: their part of the store, their screens
 * (each loaded on first use), their cards on Home and their texts, one i18n namespace each.
 */
export type { WizardStep } from './sign-de';

export const initialProductState = { ...initialSignDeState };

export const createProductSlices = (tools: SliceTools) => ({ ...createSignDeSlices(tools) });

export const productScreens = { ...signDeScreens };

export const productHomeCards: readonly ComponentType[] = [SignDeHomeCards];

/** The row actions each wing's Home cards show with their error beside the row (see `actionsOnView`). */
export const productHomeActions = (state: AppStoreState): ActionOnView[] => [...signDeHomeActions(state)];

/** The migration wizard's actions with their error beside them (see `actionsOnView`). */
export const productMigrationActions = (state: AppStoreState): ActionOnView[] => [...signDeMigrationActions(state)];

/** Each wing's cards on the settings screen (SIGN DE: resetting the built-in sandbox). */
export const productSettingsCards: readonly ComponentType[] = [SignDeSettingsCards];

/** Each wing's namespace and its texts per language. */
export const productMessages = { [SIGN_DE_NAMESPACE]: signDeMessages } as const;

/** The namespaces' message shapes, for i18next's types. */
export interface ProductMessages {
  [SIGN_DE_NAMESPACE]: SignDeMessages;
}

import type { ComponentType } from 'react';
import type { SliceTools } from '../state/store-types';
import { SignDeHomeCards, createSignDeSlices, initialSignDeState, signDeScreens } from './sign-de';

/**
 * The product wings, the one place the shell reaches them through: their part of the store, their screens
 * (each loaded on first use) and their cards on Home.
 */
export type { WizardStep } from './sign-de';

export const initialProductState = { ...initialSignDeState };

export const createProductSlices = (tools: SliceTools) => ({ ...createSignDeSlices(tools) });

export const productScreens = { ...signDeScreens };

export const productHomeCards: readonly ComponentType[] = [SignDeHomeCards];

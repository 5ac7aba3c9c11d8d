import type { Settings } from './settings';

/** Events main pushes to the renderer whatever the product. */
export interface CoreEvents {
  'settings:changed': Settings;
}

export const coreEvents = ['settings:changed'] as const satisfies readonly (keyof CoreEvents)[];

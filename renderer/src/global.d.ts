import type { CompanionApi } from '../../preload/contract';

declare global {
  interface Window {
    /** The typed bridge the preload exposes; the renderer's only way to reach main. */
    companion: CompanionApi;
  }
}

export {};

import type { CompanionApi } from '../../../preload/contract/api';
import { channels } from '../../../preload/contract/channels';
import { fail } from '../../../preload/contract/core/result';
import { rendererErrorCodes } from './error-codes';

/**
 * Stands in for `window.companion` when the preload did not run (the page opened on its own): every
 * call resolves to a plain failure the UI can show, instead of a TypeError and a white screen.
 */
export function createUnavailableBridge(): CompanionApi {
  const areas: Record<string, Record<string, () => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [area, verb] = channel.split(':') as [string, string];
    areas[area] ??= {};
    areas[area][verb] = () =>
      Promise.resolve(fail(rendererErrorCodes.unavailable, 'TSS Companion’s bridge is not available on this page.'));
  }
  return { ...areas, on: () => () => {} } as unknown as CompanionApi;
}

/** The real bridge when the preload exposed one, otherwise the stand-in. */
export function resolveBridge(candidate: CompanionApi | undefined): CompanionApi {
  return candidate ?? createUnavailableBridge();
}

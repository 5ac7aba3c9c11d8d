import type { SaveTarget } from '../../../../preload/contract/core/files';
import { useApp } from '../../state/store-context';
import type { Operation } from '../../state/ui-error';
import type { DestinationRequest } from './destination-request';

/**
 * Asks where to save, the way this shell does (the OS's dialog, or the in-app chooser), for a save button
 * or for a step that saves several files into one folder. Null means the technician cancelled.
 */
export function useChooseDestination(): (request: DestinationRequest, operation: Operation) => Promise<SaveTarget | null> {
  return useApp((state) => state.chooseDestination);
}

import { useTranslation } from 'react-i18next';
import type { SaveTarget, SavedFile } from '../../../preload/contract/core/files';
import type { Operation } from '../state/ui-error';
import type { DestinationRequest } from './save/destination-request';
import { useChooseDestination } from './save/useChooseDestination';

/**
 * A button that asks where to save (the default folder and name already filled in), then has main
 * save there: it says so while main works and does not send twice. Cancelling the dialog saves
 * nothing. `onSaved` gets null as the save starts, then the file or null if it failed.
 */
export function SaveFileButton<T = SavedFile>({
  label,
  busy,
  destination,
  operation,
  save,
  onSaved,
  primary = false,
}: {
  label: string;
  busy: boolean;
  /** What to ask for; a function when the default name depends on the moment (a date in it). */
  destination: DestinationRequest | (() => DestinationRequest);
  /** The save's operation: a failure to open the dialog shows where the save's errors do. */
  operation: Operation;
  save(destination: SaveTarget): Promise<T | null>;
  onSaved(file: T | null): void;
  primary?: boolean;
}) {
  const { t } = useTranslation();
  const choose = useChooseDestination();
  return (
    <button
      type="button"
      className={primary ? 'button button--primary' : 'button'}
      aria-disabled={busy || undefined}
      onClick={async () => {
        if (busy) return;
        const target = await choose(typeof destination === 'function' ? destination() : destination, operation);
        if (!target) return;
        onSaved(null);
        onSaved(await save(target));
      }}
    >
      {busy ? t('common.working') : label}
    </button>
  );
}

import { useTranslation } from 'react-i18next';
import type { SavedFile } from '../../../preload/contract/core/files';

/**
 * A button that has main save a file (a report, a PDF, an export): it says so while main works and does
 * not send twice; `onSaved` gets null as the save starts, then the file or null if it failed.
 */
export function SaveFileButton({
  label,
  busy,
  save,
  onSaved,
  primary = false,
}: {
  label: string;
  busy: boolean;
  save(): Promise<SavedFile | null>;
  onSaved(file: SavedFile | null): void;
  primary?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={primary ? 'button button--primary' : 'button'}
      aria-disabled={busy || undefined}
      onClick={async () => {
        if (busy) return;
        onSaved(null);
        onSaved(await save());
      }}
    >
      {busy ? t('common.working') : label}
    </button>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/store-context';

/**
 * "In Ordner zeigen" for a file main saved: the OS's file manager with the file selected (the app), or the
 * in-app chooser at its folder (the browser shell). Nothing where the shell cannot show it; says so if it failed.
 */
export function ShowInFolderButton({ path }: { path: string }) {
  const { t } = useTranslation();
  const canShow = useApp((state) => state.canShowInFolder);
  const showInFolder = useApp((state) => state.showInFolder);
  const [failedFor, setFailedFor] = useState<string | null>(null);
  if (!canShow) return null;
  return (
    <>
      <div className="actions">
        <button type="button" className="button" onClick={async () => setFailedFor((await showInFolder(path)) ? null : path)}>
          {t('files.showInFolder')}
        </button>
      </div>
      {failedFor === path && (
        <p className="field__error" role="alert">
          {t('files.showFailed')}
        </p>
      )}
    </>
  );
}

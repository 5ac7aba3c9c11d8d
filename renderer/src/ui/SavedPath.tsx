import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedFile } from '../../../preload/contract/core/files';
import { useApp } from '../state/store-context';

/**
 * Where main saved a file, announced politely; the path can be selected and copied, and in the app
 * "In Ordner zeigen" opens its folder in the file manager with the file selected.
 */
export function SavedPath({ file, label }: { file: SavedFile | null; label?: string }) {
  const { t } = useTranslation();
  const canShow = useApp((state) => state.canShowInFolder);
  const showInFolder = useApp((state) => state.showInFolder);
  const [failedFor, setFailedFor] = useState<string | null>(null);
  return (
    <div className="saved-file">
      <p className="saved" role="status">
        {file && (
          <>
            <span className="saved__label">{label ?? t('common.savedAt')}</span> <code className="path">{file.path}</code>
          </>
        )}
      </p>
      {file && canShow && (
        <div className="actions">
          <button type="button" className="button" onClick={async () => setFailedFor((await showInFolder(file.path)) ? null : file.path)}>
            {t('files.showInFolder')}
          </button>
        </div>
      )}
      {file && failedFor === file.path && (
        <p className="field__error" role="alert">
          {t('files.showFailed')}
        </p>
      )}
    </div>
  );
}

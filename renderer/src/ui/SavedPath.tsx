import { useTranslation } from 'react-i18next';
import type { SavedFile } from '../../../preload/contract/core/files';
import { ShowInFolderButton } from './ShowInFolderButton';

/**
 * Where main saved a file, announced politely; the path can be selected and copied, and in the app
 * "In Ordner zeigen" opens its folder in the file manager with the file selected.
 */
export function SavedPath({ file, label }: { file: SavedFile | null; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="saved-file">
      <p className="saved" role="status">
        {file && (
          <>
            <span className="saved__label">{label ?? t('common.savedAt')}</span> <code className="path">{file.path}</code>
          </>
        )}
      </p>
      {file && <ShowInFolderButton path={file.path} />}
    </div>
  );
}

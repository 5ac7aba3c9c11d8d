import { useTranslation } from 'react-i18next';
import type { SavedFile } from '../../../preload/contract/core/files';

/** Where main saved a file, announced politely; the path can be selected and copied. */
export function SavedPath({ file, label }: { file: SavedFile | null; label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="saved" role="status">
      {file && (
        <>
          <span className="saved__label">{label ?? t('common.savedAt')}</span> <code className="path">{file.path}</code>
        </>
      )}
    </p>
  );
}

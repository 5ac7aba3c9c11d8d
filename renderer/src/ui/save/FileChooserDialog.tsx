import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { joinPath } from '../../../../preload/contract/core/files';
import { useApp } from '../../state/store-context';
import { TextField } from '../TextField';
import { type ChooserState, withExtension } from './destination-request';

/** A name the in-app chooser refuses: empty, a path instead of a name, or "." / "..". */
export function fileNameProblem(name: string): 'missing' | 'invalid' | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'missing';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[/\\\u0000-\u001f]/.test(trimmed) || trimmed === '.' || trimmed === '..') return 'invalid';
  return null;
}

/** The listed file a save would replace (the name as it is saved, extension added), or null. */
export function replacedFile(chooser: ChooserState | null): string | null {
  if (chooser?.mode !== 'file' || !chooser.listing) return null;
  const name = withExtension(chooser.name, chooser.filter);
  return chooser.listing.files.includes(name) ? name : null;
}

/**
 * The browser shell's save dialog (the app uses the OS's own): opened at the default folder with the
 * default name, so one click on "Speichern" saves there. Subfolders can be opened and the folder above;
 * a folder that does not exist yet is made on saving. Escape or "Abbrechen" saves nothing. A file that is
 * already there is replaced only after a second "Ersetzen".
 */
export function FileChooserDialog() {
  const { t } = useTranslation();
  const chooser = useApp((state) => state.chooser);
  const browse = useApp((state) => state.browseChooser);
  const setName = useApp((state) => state.setChooserName);
  const close = useApp((state) => state.closeChooser);
  const dialog = useRef<HTMLDialogElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const folderId = useId();
  const open = chooser !== null;
  const [replaceConfirmed, setReplaceConfirmed] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setReplaceConfirmed(null);
      element.showModal();
      saveButton.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const problem = chooser?.mode === 'file' ? fileNameProblem(chooser.name) : null;
  const replaces = replacedFile(chooser);
  const asksToReplace = replaces !== null && replaceConfirmed === `${chooser?.folder}\u0000${replaces}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    // The first "Speichern" on a name that is taken asks; the second ("Ersetzen") replaces.
    if (replaces !== null && !asksToReplace) return setReplaceConfirmed(`${chooser?.folder}\u0000${replaces}`);
    setReplaceConfirmed(null);
    close(true);
  };
  const listing = chooser?.listing ?? null;

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog confirm-dialog--calm file-chooser"
      aria-labelledby={chooser ? titleId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        close(false);
      }}
    >
      {chooser && (
        <form onSubmit={submit} noValidate>
          <h2 id={titleId} className="confirm-dialog__title">
            {chooser.mode === 'file' ? t('files.saveTitle') : chooser.mode === 'folder' ? t('files.folderTitle') : t('files.showTitle')}
          </h2>
          <p className="file-chooser__folder">
            <span id={folderId} className="saved__label">
              {t('files.folderLabel')}
            </span>{' '}
            <code className="path" aria-labelledby={folderId}>
              {chooser.folder}
            </code>
          </p>
          <p className="muted" role="status">
            {chooser.error
              ? t('files.unreadable')
              : listing === null
                ? t('common.loading')
                : !listing.exists
                  ? t('files.madeOnSave')
                  : listing.folders.length + listing.files.length === 0
                    ? t('files.empty')
                    : ''}
          </p>
          <ul className="file-chooser__list" aria-label={t('files.foldersLabel')}>
            {listing?.parent && (
              <li>
                <button type="button" className="link-button" onClick={() => void browse(listing.parent!)}>
                  {t('files.up')}
                </button>
              </li>
            )}
            {listing?.folders.map((name) => (
              <li key={`d-${name}`}>
                <button type="button" className="link-button" onClick={() => void browse(joinPath(chooser.folder, name))}>
                  {t('files.openFolder', { name })}
                </button>
              </li>
            ))}
            {listing?.files.map((name) =>
              chooser.mode === 'show' && name === chooser.name ? (
                <li key={`f-${name}`} aria-current="true">
                  <strong>{t('files.savedHere', { name })}</strong>
                </li>
              ) : (
                <li key={`f-${name}`} className="muted">
                  {name}
                </li>
              ),
            )}
          </ul>
          {chooser.mode === 'file' && (
            <TextField
              label={t('files.nameLabel')}
              value={chooser.name}
              onChange={setName}
              spellCheck={false}
              error={problem === 'missing' ? t('files.nameMissing') : problem === 'invalid' ? t('files.nameInvalid') : null}
              showError
            />
          )}
          {asksToReplace && (
            <p className="callout callout--warning" role="alert">
              {t('files.replaceQuestion', { name: replaces })}
            </p>
          )}
          {chooser.mode === 'show' ? (
            <div className="confirm-dialog__actions">
              <button ref={saveButton} type="button" className="button button--primary" onClick={() => close(false)}>
                {t('files.close')}
              </button>
            </div>
          ) : (
            <div className="confirm-dialog__actions">
              <button type="button" className="button" onClick={() => close(false)}>
                {t('common.cancel')}
              </button>
              <button ref={saveButton} type="submit" className="button button--primary" aria-disabled={problem !== null || undefined}>
                {asksToReplace ? t('files.replace') : t('files.save')}
              </button>
            </div>
          )}
        </form>
      )}
    </dialog>
  );
}

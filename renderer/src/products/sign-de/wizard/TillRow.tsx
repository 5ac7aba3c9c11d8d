import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../state/store-context';
import { TillDetailsFields } from '../master-data/TillDetailsFields';
import { resolveTillDetails, tillDetailsProblems } from '../master-data/master-data-draft';

/** One till in the list: remove it, or open its own details (fields drawn only while open: a TSS takes 199). */
export function TillRow({ serial, showErrors }: { serial: string; showErrors: boolean }) {
  const { t } = useTranslation('sign-de');
  const removeClient = useApp((state) => state.removeClient);
  const tillDetails = useApp((state) => state.wizard.draft.tillDetails);
  const own = useApp((state) => state.wizard.draft.tillOverrides[serial]);
  const updateTillOverride = useApp((state) => state.updateTillOverride);
  const clearTillOverride = useApp((state) => state.clearTillOverride);
  const [toggledOpen, setOpen] = useState(own !== undefined);
  // A till whose own details the contract would refuse stays open, so the marked field can be seen.
  const open = toggledOpen || (showErrors && own !== undefined && Object.keys(tillDetailsProblems(resolveTillDetails(tillDetails, own))).length > 0);
  return (
    <li className="client-list__item">
      <code>{serial}</code>
      {own && <span className="tag">{t('clients.differs')}</span>}
      <button type="button" className="button button--small" aria-label={`${t('clients.remove')}: ${serial}`} onClick={() => removeClient(serial)}>
        {t('clients.remove')}
      </button>
      <details className="till-list__own" open={open || undefined} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t('clients.ownDetailsOf', { serial })}</summary>
        {open && (
          <>
            <p className="muted">{t('clients.ownDetailsHint')}</p>
            <TillDetailsFields value={own ?? {}} inherited={tillDetails} onChange={(patch) => updateTillOverride(serial, patch)} showErrors={showErrors} />
            {own && (
              <button type="button" className="button button--small" onClick={() => clearTillOverride(serial)}>
                {t('clients.sameAsAll')}
              </button>
            )}
          </>
        )}
      </details>
    </li>
  );
}

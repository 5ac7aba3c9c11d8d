import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STALE_DEFAULT_HOURS,
  STALE_MAX_HOURS,
  STALE_MIN_HOURS,
  type StaleCloseResult,
  type StalePreview,
} from '../../../../preload/contract/stale-transactions';
import type { TssOverview } from '../../../../preload/contract/workbench';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/TextField';
import { explainCode } from '../../components/error-text';
import { unixDateTime } from '../../receipt/format';
import { useApp } from '../../state/store-context';

/** Whole hours within the rule main enforces, else null. */
function hoursOf(text: string): number | null {
  if (!/^\d{1,5}$/.test(text.trim())) return null;
  const hours = Number(text.trim());
  return hours >= STALE_MIN_HOURS && hours <= STALE_MAX_HOURS ? hours : null;
}

/**
 * ACTIVE transactions n/2000, and closing the stale ones: the technician sets how old is stale, sees them
 * per till, confirms, and sees per till what was closed. Changing the threshold drops the list shown.
 */
export function StaleTransactions({ overview }: { overview: TssOverview }) {
  const { t } = useTranslation();
  const previewStale = useApp((state) => state.previewStale);
  const closeStale = useApp((state) => state.closeStale);
  const busy = useApp((state) => state.busy.previewStale === true || state.busy.closeStale === true);
  const [hoursText, setHoursText] = useState(String(STALE_DEFAULT_HOURS));
  const [preview, setPreview] = useState<StalePreview | null>(null);
  const [result, setResult] = useState<StaleCloseResult | null>(null);
  const [asking, setAsking] = useState(false);
  const titleId = useId();
  const hours = hoursOf(hoursText);
  const none = overview.activeTransactions === 0;
  const listed = preview?.tills.reduce((sum, till) => sum + till.transactions.length, 0) ?? 0;

  const show = async () => {
    if (busy || none || hours === null) return;
    setResult(null);
    setPreview(await previewStale(hours));
  };

  const confirm = async () => {
    setAsking(false);
    if (!preview) return;
    const closed = await closeStale(preview);
    if (closed) {
      setPreview(null);
      setResult(closed);
    }
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('overview.activeTitle')}
      </h2>
      <p>{t('overview.activeCount', { count: overview.activeTransactions, max: overview.maxActiveTransactions })}</p>
      <p className="muted">{t('overview.activeHint')}</p>
      <TextField
        label={t('overview.stale.thresholdLabel')}
        hint={t('overview.stale.thresholdHint')}
        value={hoursText}
        inputMode="numeric"
        maxLength={5}
        onChange={(text) => {
          setHoursText(text);
          setPreview(null);
        }}
        error={hours === null ? t('overview.stale.thresholdInvalid', { min: STALE_MIN_HOURS, max: STALE_MAX_HOURS }) : null}
      />
      <div className="actions">
        <button type="button" className="button" aria-disabled={busy || none || hours === null || undefined} onClick={() => void show()}>
          {busy ? t('common.working') : t('overview.stale.show')}
        </button>
      </div>
      {preview && <StalePreviewList preview={preview} busy={busy} onClose={() => setAsking(true)} />}
      {result && <StaleResult result={result} />}
      <ConfirmDialog
        open={asking}
        title={t('overview.stale.confirmTitle', { count: listed })}
        body={<p>{t('overview.stale.confirmBody', { hours: preview?.olderThanHours ?? STALE_DEFAULT_HOURS })}</p>}
        confirmLabel={t('overview.stale.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}

/** What main found: per till, number, start and age; the close button when there is anything to close. */
export function StalePreviewList({ preview, busy, onClose }: { preview: StalePreview; busy: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const listed = preview.tills.reduce((sum, till) => sum + till.transactions.length, 0);
  return (
    <>
      <p role="status">
        {listed === 0 ? t('overview.stale.none', { hours: preview.olderThanHours }) : t('overview.stale.found', { hours: preview.olderThanHours, count: listed })}
      </p>
      {preview.recent > 0 && <p className="muted">{t('overview.stale.recent', { hours: preview.olderThanHours, count: preview.recent })}</p>}
      {listed > 0 && (
        <>
          <table className="table">
            <caption className="visually-hidden">{t('overview.stale.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.stale.till')}</th>
                <th scope="col">{t('overview.stale.number')}</th>
                <th scope="col">{t('overview.stale.startedAt')}</th>
                <th scope="col">{t('overview.stale.age')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.tills.flatMap((till) =>
                till.transactions.map((tx) => (
                  <tr key={tx.id}>
                    <th scope="row">
                      <code>{till.serialNumber}</code>
                    </th>
                    <td>{tx.number}</td>
                    <td>{unixDateTime(tx.startedAt, i18n.language) ?? '—'}</td>
                    <td>{t('overview.stale.ageHours', { hours: tx.ageHours })}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => !busy && onClose()}>
              {t('overview.stale.close')}
            </button>
          </div>
        </>
      )}
    </>
  );
}

/** Per till: closed, already finished at the till, and what failed with why. */
export function StaleResult({ result }: { result: StaleCloseResult }) {
  const { t } = useTranslation();
  return (
    <div role="status">
      <p className="saved">{t('overview.stale.summary', { closed: result.closed, already: result.alreadyClosed, failed: result.failed })}</p>
      <ul>
        {result.tills.map((till) => (
          <li key={till.clientId || 'unknown'}>
            {t('overview.stale.tillResult', {
              serial: till.serialNumber || '—',
              closed: till.closed.length,
              already: till.alreadyClosed.length,
              failed: till.failed.length,
            })}
            {till.failed.length > 0 && (
              <ul>
                {till.failed.map((failure) => (
                  <li key={failure.id}>{t('overview.stale.failedItem', { number: failure.number ?? failure.id, reason: explainCode(t, failure).detail })}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

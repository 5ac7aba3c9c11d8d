import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STALE_DEFAULT_HOURS,
  STALE_MAX_HOURS,
  STALE_MIN_HOURS,
  type StaleCloseResult,
  type StalePreview,
} from '../../../../../preload/contract/sign-de/stale-transactions';
import type { TssOverview } from '../../../../../preload/contract/sign-de/tss';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { TextField } from '../../../ui/TextField';
import { explainCode } from '../../../ui/error-text';
import { unixDateTime } from '../../../../../preload/contract/sign-de/german-format';
import { useApp } from '../../../state/store-context';

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
  const { t } = useTranslation('sign-de');
  const previewStale = useApp((state) => state.previewStale);
  const closeStale = useApp((state) => state.closeStale);
  const busy = useApp((state) => state.busy.previewStale === true || state.busy.closeStale === true);
  const [hoursText, setHoursText] = useState(String(STALE_DEFAULT_HOURS));
  const [preview, setPreview] = useState<StalePreview | null>(null);
  const [result, setResult] = useState<StaleCloseResult | null>(null);
  const [asking, setAsking] = useState(false);
  /** Tills the technician took out of this close; all are in at first. */
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const titleId = useId();
  const hours = hoursOf(hoursText);
  const none = overview.activeTransactions === 0;
  const chosen = preview ? chosenOf(preview, skipped) : null;
  const count = chosen?.tills.reduce((sum, till) => sum + till.transactions.length, 0) ?? 0;

  const show = async () => {
    if (busy || none || hours === null) return;
    setResult(null);
    setSkipped(new Set());
    setPreview(await previewStale(hours));
  };

  const confirm = async () => {
    setAsking(false);
    if (!chosen || count === 0) return;
    const closed = await closeStale(chosen);
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
      {preview && (
        <StalePreviewList
          preview={preview}
          skipped={skipped}
          onToggle={(clientId) =>
            setSkipped((before) => {
              const after = new Set(before);
              if (!after.delete(clientId)) after.add(clientId);
              return after;
            })
          }
          busy={busy}
          onClose={() => count > 0 && setAsking(true)}
        />
      )}
      {result && <StaleResult result={result} />}
      <ConfirmDialog
        open={asking}
        title={t('overview.stale.confirmTitle', { count })}
        body={<p>{t('overview.stale.confirmBody', { hours: preview?.olderThanHours ?? STALE_DEFAULT_HOURS })}</p>}
        confirmLabel={t('overview.stale.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}

/** The preview without the tills the technician took out. */
export function chosenOf(preview: StalePreview, skipped: ReadonlySet<string>): StalePreview {
  return { ...preview, tills: preview.tills.filter((till) => !skipped.has(till.clientId)) };
}

interface StalePreviewListProps {
  preview: StalePreview;
  skipped: ReadonlySet<string>;
  onToggle(clientId: string): void;
  busy: boolean;
  onClose(): void;
}

/** What main found: per till a choice, then number, start and age of each; the close button for the chosen. */
export function StalePreviewList({ preview, skipped, onToggle, busy, onClose }: StalePreviewListProps) {
  const { t, i18n } = useTranslation('sign-de');
  const listed = preview.tills.reduce((sum, till) => sum + till.transactions.length, 0);
  const chosen = chosenOf(preview, skipped).tills.reduce((sum, till) => sum + till.transactions.length, 0);
  const legendId = useId();
  return (
    <>
      <p role="status">
        {listed === 0 ? t('overview.stale.none', { hours: preview.olderThanHours }) : t('overview.stale.found', { hours: preview.olderThanHours, count: listed })}
      </p>
      {preview.recent > 0 && <p className="muted">{t('overview.stale.recent', { hours: preview.olderThanHours, count: preview.recent })}</p>}
      {listed > 0 && (
        <>
          <fieldset className="choice" aria-labelledby={legendId}>
            <legend id={legendId} className="choice__legend">
              {t('overview.stale.tillsLegend')}
            </legend>
            {preview.tills.map((till) => (
              <TillChoice key={till.clientId} label={t('overview.stale.tillChoice', { serial: till.serialNumber, count: till.transactions.length })} checked={!skipped.has(till.clientId)} onChange={() => onToggle(till.clientId)} />
            ))}
          </fieldset>
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
            <button type="button" className="button" aria-disabled={busy || chosen === 0 || undefined} onClick={() => !busy && chosen > 0 && onClose()}>
              {t('overview.stale.close', { count: chosen })}
            </button>
          </div>
        </>
      )}
    </>
  );
}

function TillChoice({ label, checked, onChange }: { label: string; checked: boolean; onChange(): void }) {
  const id = useId();
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={onChange} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Per till: closed, already finished at the till, and what failed with why. */
export function StaleResult({ result }: { result: StaleCloseResult }) {
  const { t } = useTranslation('sign-de');
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

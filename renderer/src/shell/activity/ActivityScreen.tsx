import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../../preload/contract/core/result';
import { FailureDetail } from '../../ui/FailureDetail';
import type { ActivityPage } from '../../../../preload/contract/core/activity';
import { useApp } from '../../state/store-context';
import { isKnownKind, reasonKey } from './activity-labels';

/** Entries per page: a screen's worth at 1366×768. */
export const ACTIVITY_PAGE = 20;

/**
 * The vault's audit log, newest first, a page at a time: when, who (the OS account), what (revealed,
 * exported, imported), which TSS or organization, and why. Never a secret: the log holds none.
 */
export function ActivityScreen() {
  const { t } = useTranslation();
  const loadActivity = useApp((state) => state.loadActivity);
  const navigate = useApp((state) => state.navigate);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<ActivityPage | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let current = true;
    void loadActivity({ offset, limit: ACTIVITY_PAGE }).then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.ok) {
        setPage(result.value);
        setFailure(null);
      } else setFailure(result.error);
    });
    return () => {
      current = false;
    };
  }, [loadActivity, offset]);
  const goTo = useCallback((next: number) => {
    setLoading(true);
    setOffset(next);
  }, []);

  return (
    <div className="screen">
      <h1 className="screen__title" tabIndex={-1}>
        {t('activity.title')}
      </h1>
      <p className="muted">{t('activity.intro')}</p>
      <div className="actions actions--lead">
        <button type="button" className="button" onClick={() => navigate('settings')}>
          {t('activity.back')}
        </button>
      </div>
      {failure && (
        <div className="notice notice--error" role="alert">
          <span className="notice__title">{t('activity.failed')}</span>
          <FailureDetail error={failure} />
        </div>
      )}
      {page === null ? (
        <p className="muted" role="status">
          {loading ? t('activity.loading') : ''}
        </p>
      ) : page.total === 0 ? (
        <p className="muted">{t('activity.empty')}</p>
      ) : (
        <ActivityTable page={page} onPage={goTo} busy={loading} />
      )}
    </div>
  );
}

function ActivityTable({ page, onPage, busy }: { page: ActivityPage; onPage(offset: number): void; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const reasonText = (reason: string) => {
    const key = reasonKey(reason);
    return key ? t(`activity.reasons.${key}`) : reason;
  };
  const captionId = useId();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const from = page.offset + 1;
  const to = page.offset + page.entries.length;
  return (
    <section className="card">
      <div className="table-wrap">
        <table className="table" aria-labelledby={captionId}>
          <caption id={captionId}>{t('activity.caption', { from, to, total: page.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('activity.when')}</th>
              <th scope="col">{t('activity.who')}</th>
              <th scope="col">{t('activity.what')}</th>
              <th scope="col">{t('activity.which')}</th>
              <th scope="col">{t('activity.why')}</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry, index) => (
              <tr key={`${page.offset + index}`}>
                <td>{formatTime(when, entry.time)}</td>
                <td>{entry.user ?? t('activity.unknownUser')}</td>
                <td>
                  {isKnownKind(entry.kind) ? t(`activity.kinds.${entry.kind}`) : entry.kind} {t(`activity.actions.${entry.action}`)}
                  {entry.file && <div className="muted">{t('activity.file', { name: entry.file })}</div>}
                </td>
                <td>
                  {entry.storeName && <div>{entry.storeName}</div>}
                  <code className="path">{entry.entryId}</code>
                </td>
                <td>{reasonText(entry.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="button" aria-disabled={busy || page.offset === 0 || undefined} onClick={() => !busy && page.offset > 0 && onPage(Math.max(0, page.offset - ACTIVITY_PAGE))}>
          {t('activity.newer')}
        </button>
        <button type="button" className="button" aria-disabled={busy || to >= page.total || undefined} onClick={() => !busy && to < page.total && onPage(page.offset + ACTIVITY_PAGE)}>
          {t('activity.older')}
        </button>
      </div>
    </section>
  );
}


function formatTime(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

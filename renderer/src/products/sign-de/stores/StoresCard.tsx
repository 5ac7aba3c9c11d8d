import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../ui/ActionError';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { useApp } from '../../../state/store-context';
import { type StoreRow, storeRows } from './store-rows';
import { RunStatusText } from './run-status-text';
import { MigrateFromV1Button } from '../migration/MigrateFromV1Button';

/** The stores and TSS this laptop knows (runs and vault), each with its state on demand and its actions. */
export function StoresCard() {
  const { t } = useTranslation('sign-de');
  const runs = useApp((state) => state.runs);
  const known = useApp((state) => state.knownTss);
  const summaries = useApp((state) => state.tssSummaries);
  const titleId = useId();
  const rows = storeRows(runs, known, summaries);

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('stores.title')}
      </h2>
      <ErrorNotices areas={['stores']} />
      <div className="actions">
        <MigrateFromV1Button />
      </div>
      {runs === null && known === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('stores.none')}</p>
      ) : (
        <ul className="store-list" aria-labelledby={titleId}>
          {rows.map((row) => (
            <StoreItem key={row.tssId} row={row} />
          ))}
        </ul>
      )}
    </section>
  );
}

function StoreItem({ row }: { row: StoreRow }) {
  const { t } = useTranslation('sign-de');
  const loadTssSummary = useApp((state) => state.loadTssSummary);
  const openOverview = useApp((state) => state.openOverview);
  const openReceipt = useApp((state) => state.openReceipt);
  const openRecovery = useApp((state) => state.openRecovery);
  const loading = useApp((state) => state.busy.loadTssSummary === true);
  const name = row.storeName || t('stores.unnamed');
  const canHaveState = row.run === null || row.run.status === 'done' || Boolean(row.run.tssSerialNumber);
  /** Each button's name says which store it is for; it starts with the visible words (WCAG 2.5.3). */
  const named = (visible: string) => ({ 'aria-label': `${visible}: ${name}` });

  return (
    <li className="store-item">
      <h3 className="store-item__title">{name}</h3>
      <dl className="facts facts--compact">
        <dt>{t('settings.environmentLegend')}</dt>
        <dd>{t(`environment.names.${row.environment}`)}</dd>
        <dt>{t('stores.tssId')}</dt>
        <dd>
          <code className="path">{row.tssId}</code>
        </dd>
        <dt>{t('stores.setup')}</dt>
        <dd>{row.run ? <RunStatusText run={row.run} /> : t('stores.noRun')}</dd>
        <dt>{t('stores.vault')}</dt>
        <dd>
          {row.known ? t('stores.vaultHas', { pin: row.known.hasPin ? t('common.yes') : t('common.no'), puk: row.known.hasPuk ? t('common.yes') : t('common.no') }) : t('stores.vaultNone')}
        </dd>
        {row.summary && (
          <>
            <dt>{t('overview.state')}</dt>
            <dd>{row.summary.state}</dd>
            <dt>{t('overview.clientsTitle')}</dt>
            <dd>{t('overview.count', { count: row.summary.registeredClients, max: row.summary.maxRegisteredClients })}</dd>
            <dt>{t('overview.activeTitle')}</dt>
            <dd>{t('overview.count', { count: row.summary.activeTransactions, max: row.summary.maxActiveTransactions })}</dd>
            <dt>{t('overview.signatureCounter')}</dt>
            <dd>{row.summary.signatureCounter ?? '—'}</dd>
          </>
        )}
      </dl>
      <div className="actions">
        {canHaveState && (
          <button
            type="button"
            className="button"
            {...named(row.summary ? t('stores.refreshState') : t('stores.loadState'))}
            aria-disabled={loading || undefined}
            onClick={() => !loading && void loadTssSummary(row.tssId)}
          >
            {row.summary ? t('stores.refreshState') : t('stores.loadState')}
          </button>
        )}
        {canHaveState && (
          <button type="button" className="button" {...named(t('stores.openOverview'))} onClick={() => openOverview(row.tssId)}>
            {t('stores.openOverview')}
          </button>
        )}
        {row.run?.status === 'done' && row.run.receipt && (
          <button type="button" className="button" {...named(t('stores.openReceipt'))} onClick={() => openReceipt(row.run!.runId)}>
            {t('stores.openReceipt')}
          </button>
        )}
        {row.known?.hasPuk && (
          <button type="button" className="button" {...named(t('stores.openRecovery'))} onClick={() => openRecovery(row.tssId)}>
            {t('stores.openRecovery')}
          </button>
        )}
      </div>
      <ActionError operations={['loadTssSummary']} subject={row.tssId} />
    </li>
  );
}

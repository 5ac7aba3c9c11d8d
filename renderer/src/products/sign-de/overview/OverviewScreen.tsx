import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TssOverview } from '../../../../../preload/contract/sign-de/tss';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { unixDateTime } from '../../../../../preload/contract/sign-de/german-format';
import { storeNameOf } from './overview-slice';
import { useApp } from '../../../state/store-context';
import { AddTills } from './AddTills';
import { ClientsTable } from './ClientsTable';
import { HandoverCard } from './HandoverCard';
import { MasterDataCard } from './MasterDataCard';
import { DisableTss } from './DisableTss';
import { ExportCard } from './ExportCard';
import { StaleTransactions } from './StaleTransactions';
import { CertificateFact, TssHealth } from './TssHealth';

/**
 * One store's TSS: state, serial, certification, counters; its master data, clients and added tills, the
 * handover (due anew after each change); open transactions, export, disable.
 */
export function OverviewScreen() {
  const { t } = useTranslation('sign-de');
  const tssId = useApp((state) => state.overviewTssId);
  const overview = useApp((state) => (state.overview?.tssId === state.overviewTssId ? state.overview : null));
  const storeName = useApp((state) => storeNameOf(state, state.overviewTssId));
  const loading = useApp((state) => state.busy.loadOverview === true);
  const loadOverview = useApp((state) => state.loadOverview);
  const loadStoreRecord = useApp((state) => state.loadStoreRecord);
  const navigate = useApp((state) => state.navigate);
  // The store record (master data, tills, changes) is this laptop's, asked for once the store is shown.
  useEffect(() => {
    if (tssId) void loadStoreRecord(tssId);
  }, [tssId, loadStoreRecord]);

  return (
    <div className="screen">
      <h1 className="screen__title" tabIndex={-1}>
        {t('overview.title')}
      </h1>
      <p className="screen__subtitle">{storeName ?? t('stores.unnamed')}</p>
      <div className="actions actions--lead">
        <button type="button" className="button" onClick={() => navigate('home')}>
          {t('common.backHome')}
        </button>
        {tssId && (
          <button
            type="button"
            className="button"
            aria-disabled={loading || undefined}
            onClick={() => {
              if (loading) return;
              void loadOverview(tssId);
              void loadStoreRecord(tssId);
            }}
          >
            {t('overview.refresh')}
          </button>
        )}
      </div>
      {/* The store record's errors show beside their cards; without the cards, here. */}
      <ErrorNotices areas={overview === null ? ['overview', 'store'] : ['overview']} />
      {!tssId ? (
        <p className="muted">{t('overview.noneChosen')}</p>
      ) : overview === null ? (
        <p className="muted" role="status">
          {loading ? t('common.loading') : t('overview.notLoaded')}
        </p>
      ) : (
        <>
          <TssHealth overview={overview} />
          <TssFacts overview={overview} />
          <MasterDataCard />
          <ClientsTable overview={overview} />
          <AddTills overview={overview} storeName={storeName} />
          <HandoverCard />
          <StaleTransactions key={overview.tssId} overview={overview} />
          <ExportCard />
          <DisableTss overview={overview} storeName={storeName} />
        </>
      )}
    </div>
  );
}

function TssFacts({ overview }: { overview: TssOverview }) {
  const { t, i18n } = useTranslation('sign-de');
  const titleId = useId();
  const initialized = unixDateTime(overview.timeInit, i18n.language);
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('overview.tssTitle')}
      </h2>
      <dl className="facts">
        <dt>{t('settings.environmentLegend')}</dt>
        <dd>{t(`environment.names.${overview.environment}`)}</dd>
        <dt>{t('overview.state')}</dt>
        <dd>
          <strong className={`state state--${overview.state.toLowerCase()}`}>{overview.state}</strong>
        </dd>
        <dt>{t('stores.tssId')}</dt>
        <dd>
          <code className="path">{overview.tssId}</code>
        </dd>
        <dt>{t('overview.serialNumber')}</dt>
        <dd>
          <code className="path">{overview.serialNumber}</code>
        </dd>
        <dt>{t('overview.bsi')}</dt>
        <dd>{overview.bsiCertificationId ?? '—'}</dd>
        <dt>{t('overview.initialized')}</dt>
        <dd>{initialized ?? '—'}</dd>
        <CertificateFact overview={overview} />
        <dt>{t('overview.signatureCounter')}</dt>
        <dd>{overview.signatureCounter ?? '—'}</dd>
        <dt>{t('overview.transactionCounter')}</dt>
        <dd>{overview.transactionCounter ?? '—'}</dd>
      </dl>
    </section>
  );
}

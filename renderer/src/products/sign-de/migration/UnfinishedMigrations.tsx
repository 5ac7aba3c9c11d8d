import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../state/store-context';
import { isMigrated } from './migration-progress';

/** Migrations main keeps that are not finished (prepared, stopped, failed): each can be continued where it is. */
export function UnfinishedMigrations() {
  const { t } = useTranslation('sign-de');
  const runs = useApp((state) => state.migration.runs);
  const followed = useApp((state) => state.migration.run.runId);
  const load = useApp((state) => state.loadMigrationRuns);
  const open = useApp((state) => state.openMigration);

  useEffect(() => {
    void load();
  }, [load]);

  const unfinished = (runs ?? []).filter((run) => run.status !== 'abandoned' && !isMigrated(run) && run.runId !== followed);
  if (unfinished.length === 0) return null;
  return (
    <div className="callout">
      <p>{t('migration.unfinished.intro')}</p>
      <ul>
        {unfinished.map((run) => (
          <li key={run.runId}>
            {t('migration.unfinished.item', { store: run.storeName, phase: t(`migration.steps.${run.phase}`), status: t(`stores.runStatus.${run.status}`) })}{' '}
            <button type="button" className="button" aria-label={`${t('migration.unfinished.continue')}: ${run.storeName}`} onClick={() => open(run.runId)}>
              {t('migration.unfinished.continue')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

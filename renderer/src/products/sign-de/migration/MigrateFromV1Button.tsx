import { useTranslation } from 'react-i18next';
import { useApp } from '../../../state/store-context';

/** "Migrate from V1": opens the migration wizard (on Home and in the store list). */
export function MigrateFromV1Button({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation('sign-de');
  const openMigration = useApp((state) => state.openMigration);
  return (
    <button type="button" className={primary ? 'button button--primary' : 'button'} onClick={() => openMigration()}>
      {t('migration.open')}
    </button>
  );
}

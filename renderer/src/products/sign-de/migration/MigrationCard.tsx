import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MigrateFromV1Button } from './MigrateFromV1Button';

/** Home's way into the migration: what it does, and the button. */
export function MigrationCard() {
  const { t } = useTranslation('sign-de');
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('migration.title')}
      </h2>
      <p>{t('migration.openHint')}</p>
      <div className="actions">
        <MigrateFromV1Button primary />
      </div>
    </section>
  );
}

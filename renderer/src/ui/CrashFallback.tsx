import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** What an error boundary shows instead of a white screen. */
export function CrashFallback({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="crash" role="alert" aria-labelledby={titleId}>
      <h1 id={titleId} className="crash__title">
        {t('crash.title')}
      </h1>
      <p>{t('crash.body')}</p>
      <button type="button" className="button button--primary" onClick={onReload}>
        {t('crash.reload')}
      </button>
    </section>
  );
}

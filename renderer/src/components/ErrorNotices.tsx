import { useTranslation } from 'react-i18next';
import { useApp } from '../state/store-context';
import { type UiError, retryableOperations } from '../state/ui-error';
import { describeError } from './error-text';

/** Every failed bridge call, in plain language, with what to do next and a way to act on it. */
export function ErrorNotices() {
  const { t } = useTranslation();
  const errors = useApp((state) => state.errors);
  if (errors.length === 0) return null;
  return (
    <section className="notices" aria-label={t('errors.regionLabel')}>
      {errors.map((error) => (
        <ErrorNotice key={error.operation} error={error} />
      ))}
    </section>
  );
}

function ErrorNotice({ error }: { error: UiError }) {
  const { t } = useTranslation();
  const load = useApp((state) => state.load);
  const dismissError = useApp((state) => state.dismissError);
  const text = describeError(t, error);

  return (
    <div className="notice notice--error" role="alert" data-testid="error-notice" data-code={error.code}>
      <p className="notice__title">{text.title}</p>
      <p>{text.detail}</p>
      {text.next && <p>{text.next}</p>}
      <p className="notice__code">
        {t('errors.codeLabel')} <code>{error.code}</code>
      </p>
      <div className="notice__actions">
        {retryableOperations.includes(error.operation) && (
          <button type="button" className="button button--primary" onClick={() => void load()}>
            {t('errors.retry')}
          </button>
        )}
        <button type="button" className="button" onClick={() => dismissError(error.operation)}>
          {t('errors.dismiss')}
        </button>
      </div>
    </div>
  );
}

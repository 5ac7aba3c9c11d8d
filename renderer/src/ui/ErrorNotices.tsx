import { useTranslation } from 'react-i18next';
import { useApp } from '../state/store-context';
import { type ActionOnView, type ErrorArea, type Operation, type UiError, besideActionOperations, operationArea, retryableOperations, shownBeside } from '../state/ui-error';
import { describeError } from './error-text';

interface ErrorNoticesProps {
  /** Only errors of these areas (a screen shows its own next to its controls; not those shown beside their action)… */
  areas?: readonly ErrorArea[];
  /** …or every error except these (the frame shows what the current view does not). */
  exclude?: readonly ErrorArea[];
  /** …or only these operations' errors (shown beside the button that started them). */
  operations?: readonly Operation[];
  /** The frame's: the actions the current view shows (their errors are beside them); others' errors appear here. */
  actionsOnView?: readonly ActionOnView[];
}

/** Failed bridge calls, in plain language, with what to do next and a way to act on it. */
export function ErrorNotices({ areas, exclude, operations, actionsOnView }: ErrorNoticesProps) {
  const { t } = useTranslation();
  const all = useApp((state) => state.errors);
  const errors = all.filter((error) => {
    const area = operationArea[error.operation];
    if (operations) return operations.includes(error.operation);
    // An action's error is shown beside the action (ActionError); here only when the view does not show that action.
    if (besideActionOperations.includes(error.operation)) return actionsOnView !== undefined && !shownBeside(error, actionsOnView);
    return (!areas || areas.includes(area)) && !exclude?.includes(area);
  });
  if (errors.length === 0) return null;
  return (
    <section className="notices" aria-label={t('errors.regionLabel')}>
      {errors.map((error) => (
        <ErrorNotice key={error.operation} error={error} />
      ))}
    </section>
  );
}

export function ErrorNotice({ error }: { error: UiError }) {
  const { t } = useTranslation();
  const retry = useApp((state) => state.retry);
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
          <button type="button" className="button button--primary" onClick={() => void retry(error.operation)}>
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

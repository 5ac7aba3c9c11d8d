import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/store-context';
import type { Operation } from '../state/ui-error';
import { ErrorNotice } from './ErrorNotices';

/**
 * The error of an action, placed right beside the button or form that started it. When a new error
 * appears it is scrolled into view and focused, so the technician sees (and a screen reader reads) it
 * where they acted, even low on a 1366×768 screen. List the operation in `besideActionOperations` so the
 * screen's area notices leave it to this component. In a list of rows, `subject` (a TSS or run id) keeps it
 * to the error of that row's action (recorded by `call(…, { subject })`).
 */
export function ActionError({ operations, subject, hidden = false }: { operations: readonly Operation[]; subject?: string; hidden?: boolean }) {
  const { t } = useTranslation();
  const error = useApp(
    (state) => state.errors.find((candidate) => operations.includes(candidate.operation) && (subject === undefined || candidate.subject === subject)) ?? null,
  );
  const region = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!error || hidden) return;
    const element = region.current;
    if (!element) return;
    element.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    element.focus({ preventScroll: true });
  }, [error, hidden]);

  if (!error || hidden) return null;
  return (
    <section ref={region} className="notices notices--action" aria-label={t('errors.regionLabel')} tabIndex={-1} data-operation={error.operation}>
      <ErrorNotice error={error} />
    </section>
  );
}

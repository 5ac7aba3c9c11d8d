import { useTranslation } from 'react-i18next';
import { type RunState, type StepStatus, stepLog } from './run-progress';

const marks: Record<StepStatus, string> = { pending: '○', running: '◔', done: '✓', skipped: '✓', failed: '✕', cancelled: '■' };

/** Every step of the run with its status; the clients step counts n/total. */
export function StepLog({ run }: { run: RunState }) {
  const { t } = useTranslation('sign-de');
  return (
    <ol className="step-log" aria-label={t('run.logLabel')}>
      {stepLog(run).map(({ step, status }) => (
        <li key={step} className={`step-log__item step-log__item--${status}`} aria-current={run.current === step && status === 'running' ? 'step' : undefined}>
          <span className="step-log__mark" aria-hidden="true">
            {marks[status]}
          </span>
          <span className="step-log__name">{t(`run.steps.${step}`)}</span>
          <span className="step-log__status">
            {t(`run.stepStatus.${status}`)}
            {step === 'clients' && run.clients && ` · ${t('run.clientsCount', { done: run.clients.done, total: run.clients.total })}`}
          </span>
        </li>
      ))}
    </ol>
  );
}

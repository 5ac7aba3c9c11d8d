import { useTranslation } from 'react-i18next';
import { MIGRATION_STEPS, type MigrationPhase } from '../../../../../preload/contract/sign-de/migration-steps';
import type { StepStatus } from '../run/run-progress';
import type { MigrationRunView } from './migration-progress';

const marks: Record<StepStatus, string> = { pending: '○', running: '◔', done: '✓', skipped: '✓', failed: '✕', cancelled: '■' };

/** The steps of the given phases with their status (prepare's steps are provisioning's, named as there). */
export function MigrationStepLog({ run, phases }: { run: MigrationRunView; phases: readonly MigrationPhase[] }) {
  const { t } = useTranslation('sign-de');
  const steps = phases.flatMap((phase) => MIGRATION_STEPS[phase].map((step) => ({ phase, step })));
  return (
    <ol className="step-log" aria-label={t('run.logLabel')}>
      {steps.map(({ phase, step }) => {
        const status = run.steps[step] ?? 'pending';
        return (
          <li key={step} className={`step-log__item step-log__item--${status}`} aria-current={run.current === step && status === 'running' ? 'step' : undefined}>
            <span className="step-log__mark" aria-hidden="true">
              {marks[status]}
            </span>
            <span className="step-log__name">{phase === 'prepare' ? t(`run.steps.${step as 'auth'}`) : t(`migration.stepNames.${step as 'v1-auth'}`)}</span>
            <span className="step-log__status">{t(`run.stepStatus.${status}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}

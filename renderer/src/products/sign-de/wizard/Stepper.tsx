import { useTranslation } from 'react-i18next';
import { useApp } from '../../../state/store-context';
import { useWizardContext } from './use-wizard-context';
import { isRunStarted } from '../run/run-progress';
import { canVisit, isStepComplete, wizardSteps } from './wizard-rules';

/** The wizard's steps: where the technician is, what is done, and a way back to any open step. */
export function Stepper() {
  const { t } = useTranslation('sign-de');
  const current = useApp((state) => state.wizard.step);
  const draft = useApp((state) => state.wizard.draft);
  const context = useWizardContext();
  const goToStep = useApp((state) => state.goToStep);

  return (
    <nav className="stepper" aria-label={t('wizard.stepperLabel')}>
      <ol className="stepper__list">
        {wizardSteps.map((step, index) => {
          // Done: passed on the way here (a resumed run's plan steps count as done: the run has them).
          const passed = index < wizardSteps.indexOf(current);
          const done = passed && (isStepComplete(step, draft, context) || isRunStarted(context.runPhase));
          const state = step === current ? 'current' : done ? 'done' : 'open';
          return (
            <li key={step} className={`stepper__item stepper__item--${state}`}>
              <button
                type="button"
                className="stepper__button"
                aria-current={step === current ? 'step' : undefined}
                disabled={step !== current && !canVisit(step, draft, context)}
                onClick={() => goToStep(step)}
              >
                <span className="stepper__number" aria-hidden="true">
                  {done ? '✓' : index + 1}
                </span>
                <span className="stepper__title">{t(`wizard.steps.${step}`)}</span>
              </button>
              <span className="visually-hidden">{t(`wizard.stepState.${state}`)}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

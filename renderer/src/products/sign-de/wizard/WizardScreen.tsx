import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Stepper } from './Stepper';
import { useApp } from '../../../state/store-context';
import { useWizardContext } from './use-wizard-context';
import { stepProblems, wizardSteps } from './wizard-rules';
import { PlanStep } from './PlanStep';
import { ReceiptStep } from './ReceiptStep';
import { RunStep } from './RunStep';

/** Plan (one page) → Setup (the run) → Test receipt and documents; the run moves the wizard on by itself. */
export function WizardScreen() {
  const { t } = useTranslation('sign-de');
  const step = useApp((state) => state.wizard.step);
  const draft = useApp((state) => state.wizard.draft);
  const followRun = useApp((state) => state.followRun);
  const context = useWizardContext();
  const [showErrors, setShowErrors] = useState(false);
  const [shownFor, setShownFor] = useState(step);
  const heading = useRef<HTMLHeadingElement>(null);
  const previousStep = useRef(step);
  const problems = stepProblems(step, draft, context);
  const number = wizardSteps.indexOf(step) + 1;

  // Errors are shown per page: a new page starts quiet.
  if (shownFor !== step) {
    setShownFor(step);
    setShowErrors(false);
  }

  // A started run leaves the plan, a done one goes on to its receipt.
  useEffect(() => followRun(), [context.runPhase, step, followRun]);

  // After a page change (not on first render), focus the page's heading so it is announced.
  useEffect(() => {
    if (previousStep.current === step) return;
    previousStep.current = step;
    heading.current?.focus();
  }, [step]);

  return (
    <div className="screen wizard">
      <h1 className="screen__title" tabIndex={-1}>
        {t('wizard.title')}
      </h1>
      <Stepper />
      <section className="card wizard__step" aria-labelledby="wizard-step-title" data-step={step}>
        <h2 id="wizard-step-title" ref={heading} className="card__title wizard__step-title" tabIndex={-1}>
          {t('wizard.stepHeading', { number, total: wizardSteps.length, title: t(`wizard.steps.${step}`) })}
        </h2>
        {step === 'plan' && <PlanStep problems={problems} showErrors={showErrors} onBlocked={() => setShowErrors(true)} />}
        {step === 'run' && <RunStep />}
        {step === 'receipt' && <ReceiptStep />}
      </section>
    </div>
  );
}

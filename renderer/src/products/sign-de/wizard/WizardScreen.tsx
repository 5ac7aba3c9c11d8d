import { type ComponentType, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Stepper } from './Stepper';
import { useApp } from '../../../state/store-context';
import { useWizardContext } from './use-wizard-context';
import { type StepProblems, type WizardStep, canGoBack, canGoNext, nextStep, stepProblems, wizardSteps } from './wizard-rules';
import { ClientsStep } from './ClientsStep';
import { problemText } from './problem-text';
import { ConnectStep } from './ConnectStep';
import { HandoverStep } from './HandoverStep';
import { PinStep } from './PinStep';
import { ReceiptStep } from './ReceiptStep';
import { RunStep } from './RunStep';
import { StoreStep } from './StoreStep';

interface StepProps {
  problems: StepProblems;
  showErrors: boolean;
}

const stepComponents: Record<WizardStep, ComponentType<StepProps>> = {
  connect: ConnectStep,
  store: StoreStep,
  pin: PinStep,
  clients: ClientsStep,
  run: RunStep,
  receipt: ReceiptStep,
  handover: HandoverStep,
};

/** Connect → Store and TSS → Admin PIN → Clients → Run → Test receipt → Handover. */
export function WizardScreen() {
  const { t } = useTranslation('sign-de');
  const step = useApp((state) => state.wizard.step);
  const draft = useApp((state) => state.wizard.draft);
  const context = useWizardContext();
  const [showErrors, setShowErrors] = useState(false);
  const [shownFor, setShownFor] = useState(step);
  const heading = useRef<HTMLHeadingElement>(null);
  const previousStep = useRef(step);
  const problems = stepProblems(step, draft, context);
  const Step = stepComponents[step];
  const number = wizardSteps.indexOf(step) + 1;

  // Errors are shown per step: a new step starts quiet.
  if (shownFor !== step) {
    setShownFor(step);
    setShowErrors(false);
  }

  // After a step change (not on first render), focus the step's heading so it is announced.
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
        <Step problems={problems} showErrors={showErrors} />
      </section>
      <WizardNav step={step} problems={problems} showErrors={showErrors} onBlocked={() => setShowErrors(true)} canNext={canGoNext(step, draft, context)} canBack={canGoBack(step, draft, context)} />
    </div>
  );
}

interface WizardNavProps {
  step: WizardStep;
  problems: StepProblems;
  showErrors: boolean;
  canNext: boolean;
  canBack: boolean;
  onBlocked(): void;
}

function WizardNav({ step, problems, showErrors, canNext, canBack, onBlocked }: WizardNavProps) {
  const { t } = useTranslation('sign-de');
  const wizardNext = useApp((state) => state.wizardNext);
  const wizardBack = useApp((state) => state.wizardBack);
  const resetWizard = useApp((state) => state.resetWizard);
  const navigate = useApp((state) => state.navigate);
  const last = nextStep(step) === null;
  const reasons = Object.values(problems);

  return (
    <div className="wizard__nav">
      {showErrors && !canNext && reasons.length > 0 && (
        <div className="callout callout--danger" role="alert">
          <p>{t('wizard.blocked')}</p>
          <ul>
            {reasons.map((reason) => (
              <li key={reason}>{problemText(t, reason)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button" aria-disabled={!canBack || undefined} onClick={() => canBack && wizardBack()}>
          {t('wizard.back')}
        </button>
        {last ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              if (resetWizard()) navigate('home');
            }}
          >
            {t('wizard.finish')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            aria-disabled={!canNext || undefined}
            onClick={() => {
              if (canNext) wizardNext();
              else onBlocked();
            }}
          >
            {t('wizard.next')}
          </button>
        )}
      </div>
    </div>
  );
}

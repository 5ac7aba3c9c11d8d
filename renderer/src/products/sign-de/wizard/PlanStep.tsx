import { ClientsStep } from './ClientsStep';
import { ConnectStep } from './ConnectStep';
import { PinStep } from './PinStep';
import { StartPlan } from './StartPlan';
import { StoreStep } from './StoreStep';
import type { StepProblems } from './wizard-rules';

/** The whole plan on one page: connection, store and TSS, tills, admin PIN, and the review with the start. */
export function PlanStep({ problems, showErrors, onBlocked }: { problems: StepProblems; showErrors: boolean; onBlocked(): void }) {
  return (
    <div className="step-body">
      <ConnectStep problems={problems} showErrors={showErrors} />
      <StoreStep problems={problems} showErrors={showErrors} />
      <ClientsStep problems={problems} showErrors={showErrors} />
      <PinStep problems={problems} showErrors={showErrors} />
      <StartPlan problems={problems} onBlocked={onBlocked} />
    </div>
  );
}

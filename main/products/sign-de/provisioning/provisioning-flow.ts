import type { RunFlow } from '../../../core/runs/run-flow';
import { RunEngine } from '../../../core/runs/run-engine';
import { type JournalData, PROVISIONING_JOURNAL, STEP_NAMES, type StepName } from './journal';
import { ProvisioningError, toProvisioningError } from './provisioning-error';

/** The test receipt's steps, left out of a plan without one. */
export const RECEIPT_STEPS: readonly StepName[] = ['test-transaction', 'receipt-check'];
/** Everything from the TSS's creation on: what a TSS the server lost or never deployed must do again. */
export const FROM_CREATE_TSS: readonly StepName[] = STEP_NAMES.filter((s) => s !== 'auth' && s !== 'store-pin');
export const AFTER_DEPLOY: readonly StepName[] = ['set-pin', 'admin-login', 'initialize', 'clients', 'admin-logout', 'test-transaction', 'receipt-check'];

/** How often a run goes through its steps again when fiskaly no longer shows what it confirmed. */
const MAX_PASSES = 3;

/** A SIGN DE store's provisioning as a flow of the core's run engine; its steps are ProvisioningSteps. */
export const provisioningFlow: RunFlow<JournalData> = {
  ...PROVISIONING_JOURNAL,
  steps: (data) => STEP_NAMES.filter((s) => data.plan.testReceipt || !RECEIPT_STEPS.includes(s)),
  // The deployment beside storing the PIN, the admin logout beside the test receipt.
  runsBesideNext: ['deploy', 'admin-logout'],
  /**
   * The credentials are checked on every execution (a resume may come with another key), and an admin
   * login lives only as long as its session: it is made again whenever admin work is left.
   */
  mustRepeat(step, data) {
    if (step === 'auth') return true;
    return step === 'admin-login' && (!data.done.includes('initialize') || !data.done.includes('clients'));
  },
  maxPasses: MAX_PASSES,
  unverified: (missing, passes, step) =>
    new ProvisioningError(
      'E_SERVER_DID_NOT_KEEP',
      `fiskaly confirmed this run's work but does not show ${missing.join(' and ')}, after ${passes} tries. Resume the run later; if it happens again, contact fiskaly support.`,
      step,
    ),
  failure: toProvisioningError,
  refusals: {
    abandoned: 'This run was abandoned and is not continued. Set the store up with a new run.',
    notFound: 'This provisioning run is not on this laptop.',
  },
};

export const provisioningRuns = new RunEngine(provisioningFlow);

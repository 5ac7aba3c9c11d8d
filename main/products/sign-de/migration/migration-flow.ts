import { MIGRATION_STEPS, MIGRATION_STEP_NAMES, type MigrationStepName } from '../../../../preload/contract/sign-de/migration';
import { RunEngine } from '../../../core/runs/run-engine';
import type { RunFlow } from '../../../core/runs/run-flow';
import { provisioningFlow } from '../provisioning/provisioning-flow';
import { toProvisioningError } from '../provisioning/provisioning-error';
import type { StepName } from '../provisioning/journal';
import { MigrationError } from './migration-error';
import { MIGRATION_JOURNAL, type MigrationRecord } from './migration-journal';

const PREPARE: readonly string[] = MIGRATION_STEPS.prepare;
/** Until the technician confirms the cut-over, a run prepares V2 and stops there: V1 stays untouched. */
const BEFORE_CUT_OVER: readonly MigrationStepName[] = [...MIGRATION_STEPS.inventory, ...MIGRATION_STEPS.prepare];

export const isPrepareStep = (step: MigrationStepName): step is MigrationStepName & StepName => PREPARE.includes(step);

/**
 * A store's move from SIGN DE V1 to V2 as the second flow of the SIGN DE wing on the core's run engine:
 * inventory (read only) → prepare V2 (provisioning's own steps on the new TSS) → cut-over → decommission.
 * V1 is written to only after the confirmation, and disabled last.
 */
export const migrationFlow: RunFlow<MigrationRecord> = {
  ...MIGRATION_JOURNAL,
  steps: (record) => (record.cutOverConfirmedAt ? MIGRATION_STEP_NAMES : BEFORE_CUT_OVER),
  /**
   * Logins are made again on every execution (a session lives no longer than the process). A prepare step
   * is done again where the new TSS's own record no longer has it done: its reconciliation (in `auth`)
   * found the server lacking it.
   */
  mustRepeat(step, record) {
    if (step === 'v1-auth' || step === 'v2-auth') return true;
    if (!isPrepareStep(step)) return false;
    return !record.v2.done.includes(step) || Boolean(provisioningFlow.mustRepeat?.(step, record.v2));
  },
  // A new TSS fiskaly no longer shows as it confirmed it: the steps go again (the reconciliation redoes it).
  maxPasses: 2,
  unverified: (missing, passes, step) =>
    new MigrationError(
      'E_SERVER_DID_NOT_KEEP',
      `fiskaly confirmed the new TSS's setup but does not show ${missing.join(' and ')}, after ${passes} tries. Resume the run later; if it happens again, contact fiskaly support.`,
      step,
    ),
  failure: toProvisioningError,
  refusals: {
    abandoned: 'This migration was abandoned and is not continued. Start a new migration of the store.',
    notFound: 'This migration run is not on this laptop.',
  },
};

export const migrationRuns = new RunEngine(migrationFlow);

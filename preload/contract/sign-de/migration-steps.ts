import type { StepName } from './provisioning-steps';

/** The migration's phases and steps, without zod: the renderer bundles them (the models are in migration.ts). */

/** The phases in order; the wizard shows one step each, V1 is touched only from the cut-over on. */
export const MIGRATION_PHASES = ['inventory', 'prepare', 'cut-over', 'decommission'] as const;
export type MigrationPhase = (typeof MIGRATION_PHASES)[number];

/** Preparing V2 is provisioning without its test receipt (that one is the cut-over's, per till); a renamed provisioning step fails the typecheck here. */
const PREPARE_STEPS = ['auth', 'create-tss', 'store-puk', 'deploy', 'store-pin', 'set-pin', 'admin-login', 'initialize', 'clients', 'admin-logout'] as const satisfies readonly StepName[];

/** Every phase's steps, in order: the run engine journals each; a resume starts at the first not done. */
export const MIGRATION_STEPS = {
  inventory: ['v1-auth', 'v1-read', 'v2-auth', 'v2-existing-tss'],
  prepare: PREPARE_STEPS,
  'cut-over': ['v1-quiet-check', 'v1-close-active', 'v1-export', 'v1-export-download', 'v2-test-receipts', 'receipts-verified'],
  decommission: ['v1-disable', 'v1-read-back', 'store-record'],
} as const satisfies Record<MigrationPhase, readonly string[]>;
export type MigrationStepName = (typeof MIGRATION_STEPS)[MigrationPhase][number];

/** All steps in run order. */
export const MIGRATION_STEP_NAMES: readonly MigrationStepName[] = MIGRATION_PHASES.flatMap((phase) => MIGRATION_STEPS[phase]);

export function phaseOf(step: MigrationStepName): MigrationPhase {
  return MIGRATION_PHASES.find((phase) => (MIGRATION_STEPS[phase] as readonly string[]).includes(step))!;
}

import type { EnvironmentId } from '../../../../../preload/contract/core/settings';
import type { StorePlanInput } from '../../../../../preload/contract/sign-de/store-plan';
import {
  MAX_CLIENTS,
  MAX_PIN_LENGTH,
  MIN_PIN_LENGTH,
  STORE_NAME_MAX,
  TSS_DESCRIPTION_PATTERN,
} from '../../../../../preload/contract/sign-de/store-rules';
import type { Organization } from '../../../../../preload/contract/core/organizations';
import type { VaultState } from '../../../../../preload/contract/core/vault';
import { clientListProblems } from './client-list';
import {
  type MasterDataDraft,
  type MasterDataField,
  type MasterDataProblem,
  type TillDetailsDraft,
  emptyMasterData,
  emptyTillDetails,
  masterDataProblems,
  masterDataRequired,
  resolveTillDetails,
  tillDetailsProblems,
  toStoreMasterData,
  toTillDetails,
} from '../master-data/master-data-draft';
import { type RunPhase, isRunStarted } from '../run/run-progress';
import { vaultNeed } from '../../../state/vault-need';

export const wizardSteps = ['connect', 'store', 'pin', 'clients', 'run', 'receipt', 'handover'] as const;
export type WizardStep = (typeof wizardSteps)[number];

/** The steps that make the plan; once a run started they are fixed. */
const planSteps: readonly WizardStep[] = ['connect', 'store', 'pin', 'clients'];

export type PinMode = 'generate' | 'own';

/** What the technician entered so far. The admin PIN is here only between its step and the start. */
export interface WizardDraft {
  organizationId: string | null;
  storeName: string;
  tssDescription: string;
  pinMode: PinMode;
  adminPin: string;
  adminPinRepeat: string;
  clients: string[];
  /** Taxpayer and Betriebsstätte: required in TEST and LIVE, optional in the sandbox. */
  masterData: MasterDataDraft;
  /** "Details for all tills": typed once for a store of identical tills. */
  tillDetails: TillDetailsDraft;
  /** A till's own details by serial, where it differs from the others; '' fields follow the shared ones. */
  tillOverrides: Record<string, Partial<TillDetailsDraft>>;
}

export const emptyDraft: WizardDraft = {
  organizationId: null,
  storeName: '',
  tssDescription: '',
  pinMode: 'generate',
  adminPin: '',
  adminPinRepeat: '',
  clients: [],
  masterData: emptyMasterData,
  tillDetails: emptyTillDetails,
  tillOverrides: {},
};

/** Everything outside the draft a step's check depends on. */
export interface WizardContext {
  environment: EnvironmentId | null;
  organizations: Organization[] | null;
  vault: VaultState | null;
  runPhase: RunPhase;
}

export type DraftField =
  | 'environment'
  | 'organization'
  | 'vault'
  | 'storeName'
  | 'tssDescription'
  | 'adminPin'
  | 'adminPinRepeat'
  | 'clients'
  | 'tillDetails'
  | MasterDataField;

/** A reason a step is not complete; each has a plain-language text (wizard.problems.*). */
export type DraftProblem =
  | 'environmentUnknown'
  | 'organizationMissing'
  | 'organizationNone'
  | 'vaultNotReady'
  | 'storeNameMissing'
  | 'storeNameTooLong'
  | 'tssDescriptionInvalid'
  | 'pinTooShort'
  | 'pinTooLong'
  | 'pinMismatch'
  | 'clientsMissing'
  | 'clientsTooMany'
  | 'clientsInvalid'
  | 'tillDetailsInvalid'
  | MasterDataProblem;

export type StepProblems = Partial<Record<DraftField, DraftProblem>>;

/** Organizations that can serve `environment` (the sandbox needs none). */
export function organizationsFor(organizations: Organization[] | null, environment: EnvironmentId | null): Organization[] {
  if (!organizations || environment === null || environment === 'sandbox') return [];
  return organizations.filter((organization) => organization.environment === environment);
}

export function stepProblems(step: WizardStep, draft: WizardDraft, context: WizardContext): StepProblems {
  const problems: StepProblems = {};
  switch (step) {
    case 'connect': {
      if (context.environment === null) problems.environment = 'environmentUnknown';
      else if (context.environment !== 'sandbox') {
        const candidates = organizationsFor(context.organizations, context.environment);
        if (candidates.length === 0) problems.organization = 'organizationNone';
        else if (!candidates.some((organization) => organization.id === draft.organizationId)) problems.organization = 'organizationMissing';
      }
      if (vaultNeed(context.vault) !== null) problems.vault = 'vaultNotReady';
      break;
    }
    case 'store': {
      const name = draft.storeName.trim();
      if (name === '') problems.storeName = 'storeNameMissing';
      else if (name.length > STORE_NAME_MAX) problems.storeName = 'storeNameTooLong';
      if (!TSS_DESCRIPTION_PATTERN.test(draft.tssDescription.trim())) problems.tssDescription = 'tssDescriptionInvalid';
      if (masterDataRequired(context.environment, draft.masterData)) Object.assign(problems, masterDataProblems(draft.masterData));
      break;
    }
    case 'pin': {
      if (draft.pinMode === 'generate') break;
      if (draft.adminPin.length < MIN_PIN_LENGTH) problems.adminPin = 'pinTooShort';
      else if (draft.adminPin.length > MAX_PIN_LENGTH) problems.adminPin = 'pinTooLong';
      if (draft.adminPinRepeat !== draft.adminPin) problems.adminPinRepeat = 'pinMismatch';
      break;
    }
    case 'clients': {
      if (draft.clients.length === 0) problems.clients = 'clientsMissing';
      else if (draft.clients.length > MAX_CLIENTS) problems.clients = 'clientsTooMany';
      else if (clientListProblems(draft.clients).length > 0) problems.clients = 'clientsInvalid';
      if (tillsOf(draft).some((till) => Object.keys(tillDetailsProblems(till.details)).length > 0)) problems.tillDetails = 'tillDetailsInvalid';
      break;
    }
    default:
      break;
  }
  return problems;
}

export function isStepComplete(step: WizardStep, draft: WizardDraft, context: WizardContext): boolean {
  if (planSteps.includes(step)) return Object.keys(stepProblems(step, draft, context)).length === 0;
  if (step === 'run') return context.runPhase === 'done';
  return false;
}

/** Every plan step is complete: the run can start. */
export function isPlanComplete(draft: WizardDraft, context: WizardContext): boolean {
  return planSteps.every((step) => isStepComplete(step, draft, context));
}

/**
 * Which steps the stepper lets the technician open. Plan steps while no run started, each once the ones
 * before it are complete; the run once the plan is complete (or a run is going); receipt and handover
 * once the run is done.
 */
export function canVisit(step: WizardStep, draft: WizardDraft, context: WizardContext): boolean {
  const started = isRunStarted(context.runPhase);
  if (planSteps.includes(step)) {
    if (started) return false;
    const before = planSteps.slice(0, planSteps.indexOf(step));
    return before.every((previous) => isStepComplete(previous, draft, context));
  }
  if (step === 'run') return started || isPlanComplete(draft, context);
  return context.runPhase === 'done';
}

export function nextStep(step: WizardStep): WizardStep | null {
  return wizardSteps[wizardSteps.indexOf(step) + 1] ?? null;
}

export function previousStep(step: WizardStep): WizardStep | null {
  return wizardSteps[wizardSteps.indexOf(step) - 1] ?? null;
}

/** Next is allowed when this step is complete and the next one may be opened. */
export function canGoNext(step: WizardStep, draft: WizardDraft, context: WizardContext): boolean {
  const next = nextStep(step);
  if (next === null) return false;
  if (step === 'receipt') return context.runPhase === 'done';
  return isStepComplete(step, draft, context) && canVisit(next, draft, context);
}

/** Back is allowed unless it would reopen the plan of a run that has started. */
export function canGoBack(step: WizardStep, draft: WizardDraft, context: WizardContext): boolean {
  const previous = previousStep(step);
  return previous !== null && canVisit(previous, draft, context);
}

/** Every till with its details as they apply: its own where given, else those for all tills. */
export function tillsOf(draft: WizardDraft): { serialNumber: string; details: TillDetailsDraft }[] {
  return draft.clients.map((serialNumber) => ({ serialNumber, details: resolveTillDetails(draft.tillDetails, draft.tillOverrides[serialNumber]) }));
}

/** The plan provisioning:start gets; the PIN only when the technician chose their own. */
export function buildPlan(draft: WizardDraft, environment: EnvironmentId): StorePlanInput {
  const description = draft.tssDescription.trim();
  return {
    storeName: draft.storeName.trim(),
    environment,
    ...(masterDataRequired(environment, draft.masterData) ? { masterData: toStoreMasterData(draft.masterData) } : {}),
    ...(description ? { tssDescription: description } : {}),
    clients: tillsOf(draft).map((till) => ({ ...toTillDetails(till.details), serialNumber: till.serialNumber })),
    testReceipt: true,
    ...(draft.pinMode === 'own' ? { adminPin: draft.adminPin } : {}),
  };
}

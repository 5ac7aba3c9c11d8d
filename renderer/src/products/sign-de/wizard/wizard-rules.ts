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
import { toTssDescription } from '../../../../../preload/contract/sign-de/tss-description';
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

/**
 * The wizard's pages: the whole plan on one (connection, store, PIN, tills, master data, review and start),
 * the run, and the test receipt with the store's documents (handover and recovery file).
 */
export const wizardSteps = ['plan', 'run', 'receipt'] as const;
export type WizardStep = (typeof wizardSteps)[number];

export type PinMode = 'generate' | 'own';

/**
 * What the technician entered so far. `clients` is the till list as typed or pasted, one entry per serial,
 * checked but not filtered (a refused entry stays to be corrected). The admin PIN is here only until the start.
 */
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

/** Why the plan cannot start yet, field by field; empty when it can. */
export function planProblems(draft: WizardDraft, context: WizardContext): StepProblems {
  const problems: StepProblems = {};
  if (context.environment === null) problems.environment = 'environmentUnknown';
  else if (context.environment !== 'sandbox') {
    const candidates = organizationsFor(context.organizations, context.environment);
    if (candidates.length === 0) problems.organization = 'organizationNone';
    else if (!candidates.some((organization) => organization.id === draft.organizationId)) problems.organization = 'organizationMissing';
  }
  if (vaultNeed(context.vault) !== null) problems.vault = 'vaultNotReady';

  const name = draft.storeName.trim();
  if (name === '') problems.storeName = 'storeNameMissing';
  else if (name.length > STORE_NAME_MAX) problems.storeName = 'storeNameTooLong';
  if (!TSS_DESCRIPTION_PATTERN.test(tssDescriptionOf(draft))) problems.tssDescription = 'tssDescriptionInvalid';

  Object.assign(problems, pinProblems(draft));

  if (draft.clients.length === 0) problems.clients = 'clientsMissing';
  else if (draft.clients.length > MAX_CLIENTS) problems.clients = 'clientsTooMany';
  else if (clientListProblems(draft.clients).length > 0) problems.clients = 'clientsInvalid';
  if (tillsOf(draft).some((till) => Object.keys(tillDetailsProblems(till.details)).length > 0)) problems.tillDetails = 'tillDetailsInvalid';

  if (masterDataRequired(context.environment, draft.masterData)) Object.assign(problems, masterDataProblems(draft.masterData));
  return problems;
}

/** An own admin PIN: long enough, typed twice alike; a generated one needs nothing. */
export function pinProblems(draft: Pick<WizardDraft, 'pinMode' | 'adminPin' | 'adminPinRepeat'>): StepProblems {
  const problems: StepProblems = {};
  if (draft.pinMode === 'generate') return problems;
  if (draft.adminPin.length < MIN_PIN_LENGTH) problems.adminPin = 'pinTooShort';
  else if (draft.adminPin.length > MAX_PIN_LENGTH) problems.adminPin = 'pinTooLong';
  if (draft.adminPinRepeat !== draft.adminPin) problems.adminPinRepeat = 'pinMismatch';
  return problems;
}

/**
 * Only the plan page has fields; the run and the receipt have nothing to complete. 'pin' asks for the
 * admin PIN's fields alone (the PUK recovery's new PIN follows the same rules).
 */
export function stepProblems(step: WizardStep | 'pin', draft: WizardDraft, context: WizardContext): StepProblems {
  if (step === 'pin') return pinProblems(draft);
  return step === 'plan' ? planProblems(draft, context) : {};
}

/** Every plan field is fine: the run can start. */
export function isPlanComplete(draft: WizardDraft, context: WizardContext): boolean {
  return Object.keys(planProblems(draft, context)).length === 0;
}

export function isStepComplete(step: WizardStep, draft: WizardDraft, context: WizardContext): boolean {
  if (step === 'plan') return isPlanComplete(draft, context) || isRunStarted(context.runPhase);
  if (step === 'run') return context.runPhase === 'done';
  return false;
}

/**
 * Which pages the stepper opens: the plan until a run starts; the run while it goes or stopped (a done run
 * has moved on to its receipt); the receipt once the run is done.
 */
export function canVisit(step: WizardStep, _draft: WizardDraft, context: WizardContext): boolean {
  const started = isRunStarted(context.runPhase);
  if (step === 'plan') return !started;
  if (step === 'run') return started && context.runPhase !== 'done';
  return context.runPhase === 'done';
}

/**
 * The page the run allows: the plan until a run is under way (a start main has not answered yet keeps the
 * plan, with its passphrase dialog, in view), the run while it goes or stopped, and, once it is done, its
 * receipt, by itself.
 */
export function stepForRun(runPhase: RunPhase): WizardStep {
  if (runPhase === 'idle' || runPhase === 'starting') return 'plan';
  if (runPhase === 'done') return 'receipt';
  return 'run';
}

/** The TSS description sent to fiskaly: the one typed, else the store's name, spelled so fiskaly takes it. */
export function tssDescriptionOf(draft: Pick<WizardDraft, 'tssDescription' | 'storeName'>): string {
  return toTssDescription(draft.tssDescription.trim() || draft.storeName.trim());
}

/** Every till with its details as they apply: its own where given, else those for all tills. */
export function tillsOf(draft: WizardDraft): { serialNumber: string; details: TillDetailsDraft }[] {
  return draft.clients.map((serialNumber) => ({ serialNumber, details: resolveTillDetails(draft.tillDetails, draft.tillOverrides[serialNumber]) }));
}

/** The plan provisioning:start gets; the PIN only when the technician chose their own. */
export function buildPlan(draft: WizardDraft, environment: EnvironmentId): StorePlanInput {
  const description = tssDescriptionOf(draft);
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

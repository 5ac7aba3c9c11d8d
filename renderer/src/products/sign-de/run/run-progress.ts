import { STEP_NAMES, type StepName } from '../../../../../preload/contract/sign-de/provisioning-steps';
import type { EnvironmentId } from '../../../../../preload/contract/core/settings';
import type { ProgressEvent, RunReport } from '../../../../../preload/contract/sign-de/runs';

export type { StepName };

/**
 * The provisioning steps in the order the engine runs them (the contract's list). A run without a test
 * receipt drops the last two, so a run of `total` steps is always the first `total` of these.
 */
export const stepNames = STEP_NAMES;

export const isStepName = (value: unknown): value is StepName =>
  typeof value === 'string' && (stepNames as readonly string[]).includes(value);

/** Where the run the wizard follows is: idle before a start, then as main reports it. */
export type RunPhase = 'idle' | 'starting' | 'running' | 'cancelling' | 'done' | 'failed' | 'cancelled';
export type StepStatus = 'pending' | ProgressEvent['status'];

export interface RunError {
  code: string;
  message: string;
  step: StepName;
}

export interface RunState {
  phase: RunPhase;
  /** Known once provisioning:start answered, or from the first event of this store's run. */
  runId: string | null;
  storeName: string;
  environment: EnvironmentId | null;
  tssId: string | null;
  /** Steps in this run (10 without, 12 with a test receipt); 0 until the first event. */
  total: number;
  /** Share done, 0..1. */
  fraction: number;
  steps: Partial<Record<StepName, StepStatus>>;
  /** The step running now, or the last one reported. */
  current: StepName | null;
  /** The clients step's count. */
  clients: { done: number; total: number } | null;
  /** The current step's request failed on the network and is being tried again. */
  retry: { attempt: number; attempts: number } | null;
  error: RunError | null;
}

export const idleRun: RunState = {
  phase: 'idle',
  runId: null,
  storeName: '',
  environment: null,
  tssId: null,
  total: 0,
  fraction: 0,
  steps: {},
  current: null,
  clients: null,
  retry: null,
  error: null,
};

/**
 * Whether focus goes to the run's status line when its phase changes: when a start or a resume gets going
 * (its button is gone, and the cancel button must not take a second Enter) and when the run stops or ends
 * (the cancel button is gone). Not when a cancel that was asked for is refused (cancelling → running).
 */
export const focusRunStatus = (previous: RunPhase, next: RunPhase): boolean =>
  (next === 'running' && previous !== 'cancelling') || next === 'done' || next === 'failed' || next === 'cancelled';

export const isRunActive = (phase: RunPhase): boolean => phase === 'starting' || phase === 'running' || phase === 'cancelling';
export const isRunStarted = (phase: RunPhase): boolean => phase !== 'idle';

/** A start is on its way; the run id is not known yet. */
export function runStarting(storeName: string, environment: EnvironmentId): RunState {
  return { ...idleRun, phase: 'starting', storeName, environment };
}

/** provisioning:start answered with the run's id. Events may have arrived (and even finished it) before. */
export function runStarted(state: RunState, runId: string): RunState {
  if (state.runId !== null && state.runId !== runId) return state;
  return { ...state, runId, phase: state.phase === 'starting' ? 'running' : state.phase };
}

/** The clients count a report gives (null when it lists none, or lists them malformed). */
function clientsOf(report: RunReport): RunState['clients'] {
  if (!Array.isArray(report.clients) || report.clients.length === 0) return null;
  return { done: report.clients.filter((client) => client?.registered === true).length, total: report.clients.length };
}

/**
 * Where a run is by its journal (read without the vault): its steps, those done, and the step it stopped
 * at (the first not done). A report of an older main lists no steps: then nothing is known (total 0).
 */
export function journalPosition(report: RunReport): { total: number; done: StepName[]; step: StepName | null } {
  const steps = Array.isArray(report.steps) ? report.steps.filter(isStepName) : [];
  const done = Array.isArray(report.done) ? report.done.filter((step): step is StepName => isStepName(step) && steps.includes(step)) : [];
  const step = report.error && isStepName(report.error.step) ? report.error.step : (steps.find((candidate) => !done.includes(candidate)) ?? null);
  return { total: steps.length, done, step };
}

/**
 * A resume of a run known from its report: it starts where the journal says it is (done steps done,
 * the share done, the step it stopped at), and the engine's events take it from there.
 */
export function runResuming(report: RunReport): RunState {
  const { total, done, step } = journalPosition(report);
  const steps: RunState['steps'] = Object.fromEntries(done.map((name) => [name, 'done' as const]));
  if (step && report.error) steps[step] = report.status === 'cancelled' ? 'cancelled' : 'failed';
  return {
    ...idleRun,
    phase: 'running',
    runId: report.runId,
    storeName: report.storeName,
    environment: report.environment,
    tssId: report.tssId || null,
    total,
    fraction: total > 0 ? done.length / total : 0,
    steps,
    current: step,
    clients: clientsOf(report),
  };
}

/** Whether an event about `runId`/`storeName` belongs to the run this state follows. */
export function belongsToRun(state: RunState, runId: string, storeName: string): boolean {
  if (state.phase === 'idle') return false;
  if (state.runId !== null) return state.runId === runId;
  // Before provisioning:start answers, the only run that can report is the one just started.
  return state.phase === 'starting' && state.storeName === storeName;
}

/** One `provisioning:progress` event. Events of other runs are ignored. */
export function applyProgress(state: RunState, event: ProgressEvent): RunState {
  if (!belongsToRun(state, event.runId, event.storeName) || !isStepName(event.step)) return state;
  return {
    ...state,
    runId: event.runId,
    // A cancel asked for stays visible until the run reports it stopped.
    phase: state.phase === 'cancelling' ? 'cancelling' : 'running',
    total: event.total > 0 ? event.total : state.total,
    fraction: clampFraction(event.fraction),
    steps: { ...state.steps, [event.step]: event.status },
    current: event.step,
    clients: event.step === 'clients' && event.detail ? { done: event.detail.done, total: event.detail.total } : state.clients,
    // Only the newest event says whether a retry is going on: any later one (a try that went through) ends it.
    retry: event.status === 'running' && event.retry ? { attempt: event.retry.attempt, attempts: event.retry.attempts } : null,
  };
}

/** The `provisioning:finished` event: done, failed (with the error) or cancelled. */
export function applyFinished(state: RunState, report: RunReport): RunState {
  if (!belongsToRun(state, report.runId, report.storeName)) return state;
  const phase: RunPhase = report.status === 'done' || report.status === 'failed' || report.status === 'cancelled' ? report.status : 'running';
  const error = report.error && isStepName(report.error.step) ? { code: String(report.error.code), message: String(report.error.message), step: report.error.step } : null;
  return {
    ...state,
    runId: report.runId,
    phase,
    environment: report.environment,
    tssId: report.tssId || state.tssId,
    fraction: phase === 'done' ? 1 : state.fraction,
    retry: null,
    current: error?.step ?? state.current,
    error: phase === 'done' ? null : error,
    clients: clientsOf(report) ?? state.clients,
  };
}

/** The steps of this run in order, each with its status (not yet reported ones are pending). */
export function stepLog(state: RunState): { step: StepName; status: StepStatus }[] {
  const total = state.total > 0 ? state.total : stepNames.length;
  return stepNames.slice(0, total).map((step) => ({ step, status: state.steps[step] ?? 'pending' }));
}

export const progressPercent = (state: RunState): number => Math.round(clampFraction(state.fraction) * 100);

function clampFraction(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** A run stopped because the admin PIN is blocked: the PUK recovery is where to go. */
export function needsPukRecovery(error: { code: string; message: string } | null | undefined): boolean {
  if (!error) return false;
  return error.code === 'E_ADMIN_PIN_BLOCKED' || /puk[- ]recovery/i.test(error.message);
}

import type { ProgressEvent, RunReport } from '../../../../../preload/contract/sign-de/runs';
import { LIVE_KEYWORD, isTypedConfirmation } from '../../../state/confirmation';
import {
  type RunState,
  applyFinished,
  applyProgress,
  belongsToRun,
  idleRun,
  isRunActive,
  needsPukRecovery,
  runResuming,
  runStarted,
  runStarting,
} from './run-progress';
import type { SliceTools } from '../../../state/store-types';
import { buildPlan, isPlanComplete } from '../wizard/wizard-rules';
import { wizardContext } from '../wizard/wizard-slice';

export interface RunSliceState {
  /** The run the wizard follows. */
  run: RunState;
  /** Its report once it finished. */
  runReport: RunReport | null;
}

export interface RunActions {
  /**
   * Starts the wizard's plan. In fiskaly LIVE it needs the typed confirmation (the store's name or LIVE),
   * because a LIVE TSS costs money and cannot be deleted; LIVE and an own admin PIN also need the vault
   * passphrase, which main checks (an argument, never state).
   */
  startRun(confirmation?: string, passphrase?: string): Promise<boolean>;
  /** Asks main to stop after the current step; the run can be resumed later. */
  cancelRun(): Promise<boolean>;
  /**
   * Continues an unfinished run where it stopped, and follows it in the wizard. Main first compares the
   * run with what fiskaly shows; `repair` also sets the vault's PIN again with the PUK (and works on a done run).
   */
  resumeRun(runId: string, options?: { repair?: boolean }): Promise<boolean>;
  /** Gives a stopped run up: it leaves the unfinished list; nothing is deleted. */
  abandonRun(runId: string): Promise<boolean>;
  receiveProgress(event: ProgressEvent): void;
  receiveFinished(report: RunReport): void;
  resetRun(): void;
}

export const initialRunState: RunSliceState = { run: idleRun, runReport: null };

/** Whether starting now needs a typed confirmation. */
export const startNeedsConfirmation = (environment: string | null | undefined): boolean => environment === 'live';

/** Whether main will ask for the vault passphrase to start: a LIVE TSS, or an admin PIN the technician chose. */
export const startNeedsPassphrase = (environment: string | null | undefined, pinMode: string): boolean => environment === 'live' || pinMode === 'own';

export function createRunSlice({ bridge, set, get, call }: SliceTools): RunActions {
  return {
    async startRun(confirmation, passphrase) {
      const state = get();
      const environment = state.settings?.environment;
      const { draft } = state.wizard;
      if (!environment || isRunActive(state.run.phase) || state.run.phase === 'done') return false;
      if (!isPlanComplete(draft, wizardContext(state))) return false;
      if (startNeedsConfirmation(environment) && !isTypedConfirmation(confirmation ?? '', LIVE_KEYWORD, draft.storeName)) return false;

      const plan = buildPlan(draft, environment);
      const organizationId = environment === 'sandbox' ? null : draft.organizationId;
      set({ run: runStarting(plan.storeName, environment), runReport: null });
      const started = await call('startRun', () =>
        bridge.provisioning.start({ plan, ...(organizationId ? { organizationId } : {}), ...(passphrase ? { passphrase } : {}) }),
      );
      if (started) set((current) => ({ run: runStarted(current.run, started.runId) }));
      else if (get().run.phase === 'starting') set({ run: idleRun });
      // Once a run exists, its PIN is in the vault; the wizard keeps no copy. A refused start keeps it for a retry.
      if (get().run.phase !== 'idle') get().forgetWizardPin();
      return started !== null;
    },

    async cancelRun() {
      const { run } = get();
      if (!run.runId || (run.phase !== 'running' && run.phase !== 'starting')) return false;
      const runId = run.runId;
      set((state) => ({ run: { ...state.run, phase: 'cancelling' } }));
      const answer = await call('cancelRun', () => bridge.provisioning.cancel({ runId }));
      if (!answer && get().run.phase === 'cancelling') set((state) => ({ run: { ...state.run, phase: 'running' } }));
      return answer !== null;
    },

    async resumeRun(runId, options = {}) {
      const state = get();
      if (isRunActive(state.run.phase) && state.run.runId !== runId) return false;
      const report = state.runs?.find((candidate) => candidate.runId === runId) ?? (state.runReport?.runId === runId ? state.runReport : null);
      const previous = state.run;
      const resuming: RunState =
        previous.runId === runId ? { ...previous, phase: 'running', error: null } : report ? runResuming(report) : { ...idleRun, phase: 'running', runId };
      set((current) => ({ run: resuming, runReport: null, wizard: { ...current.wizard, step: 'run' } }));
      get().navigate('wizard');
      const answer = options.repair
        ? await call('repairRun', () => bridge.provisioning.repair({ runId }), { tssId: resuming.tssId, subject: runId })
        : await call('resumeRun', () => bridge.provisioning.resume({ runId }), { tssId: resuming.tssId, subject: runId });
      if (!answer && get().run.runId === runId && get().run.phase === 'running') {
        set({ run: previous.runId === runId ? previous : { ...resuming, phase: report?.status === 'cancelled' ? 'cancelled' : 'failed', error: report?.error ?? null } });
      }
      return answer !== null;
    },

    async abandonRun(runId) {
      const state = get();
      if (isRunActive(state.run.phase) && state.run.runId === runId) return false;
      const report = await call('abandonRun', () => bridge.provisioning.abandon({ runId }), { subject: runId });
      if (!report) return false;
      set((current) => ({ runs: current.runs && withReport(current.runs, report) }));
      return true;
    },

    receiveProgress(event) {
      if (!event || typeof event !== 'object') return;
      set((state) => {
        const run = applyProgress(state.run, event);
        return run === state.run ? {} : { run };
      });
    },

    receiveFinished(report) {
      if (!report || typeof report !== 'object' || typeof report.runId !== 'string') return;
      const state = get();
      const followed = belongsToRun(state.run, report.runId, report.storeName);
      const runs = state.runs && withReport(state.runs, report);
      // An abandoned run is no longer followed: the wizard goes back to a fresh start.
      if (followed && report.status === 'abandoned') {
        set({ runs, run: idleRun, runReport: null });
        return;
      }
      set({ runs, ...(followed ? { run: applyFinished(state.run, report), runReport: report } : {}) });
      // A run stores a PIN and a PUK: the vault's list and Home's count of its entries follow.
      void Promise.all([get().loadKnownTss(), get().loadVault()]);
      if (followed && report.status === 'failed' && needsPukRecovery(report.error)) {
        get().openRecovery(report.tssId || null, 'blocked');
      }
    },

    resetRun() {
      if (isRunActive(get().run.phase)) return;
      set({ run: idleRun, runReport: null });
    },
  };
}

/** The runs list with `report` in place of its older entry (or first, if it is new). */
function withReport(runs: RunReport[], report: RunReport): RunReport[] {
  return runs.some((run) => run.runId === report.runId)
    ? runs.map((run) => (run.runId === report.runId ? report : run))
    : [report, ...runs];
}

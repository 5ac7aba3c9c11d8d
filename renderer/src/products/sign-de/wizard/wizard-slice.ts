import type { DuplicateSerial } from '../../../../../preload/contract/sign-de/store-record';
import { sandboxSerials } from '../../../../../preload/contract/sign-de/sandbox-serials';
import { MAX_CLIENTS } from '../../../../../preload/contract/sign-de/store-rules';
import { callBridge } from '../../../bridge/call-bridge';
import { type ClientListChange, addClients } from './client-list';
import type { MasterDataDraft, TillDetailsDraft } from '../master-data/master-data-draft';
import { isRunActive } from '../run/run-progress';
import type { AppState, SliceTools } from '../../../state/store-types';
import {
  type WizardContext,
  type WizardDraft,
  type WizardStep,
  canVisit,
  emptyDraft,
  stepForRun,
} from './wizard-rules';

/** What "remove all tills" took away, to put back with "undo". */
export interface RemovedTills {
  clients: string[];
  tillOverrides: WizardDraft['tillOverrides'];
}

export interface WizardSliceState {
  /** `elsewhere`: the draft's serials another store on this laptop already uses (main's rule), a warning only. */
  wizard: { step: WizardStep; draft: WizardDraft; elsewhere?: DuplicateSerial[] };
}

export interface WizardActions {
  updateDraft(patch: Partial<WizardDraft>): void;
  /** Opens a step from the stepper, if the rules allow it. */
  goToStep(step: WizardStep): boolean;
  /** Adds a typed serial or a pasted list; what was refused comes back with its reason. */
  addClientList(text: string): ClientListChange;
  /** The till list as typed or pasted, every entry kept (the plan names what is wrong with one). */
  setClients(clients: string[]): void;
  removeClient(serial: string): void;
  /** Removes every till; what it returns puts them back (restoreClients). */
  clearClients(): RemovedTills;
  restoreClients(removed: RemovedTills): void;
  /** Moves to the page the run allows: the run once it started, the receipt once it is done. */
  followRun(): void;
  /** Sandbox only: `count` serials unique to this store (TEST and LIVE tills need the serials on their labels). */
  generateSerials(count: number): ClientListChange;
  updateMasterData(patch: Partial<MasterDataDraft>): void;
  /** The details for all tills. */
  updateTillDetails(patch: Partial<TillDetailsDraft>): void;
  /** One till's own details; '' for a field follows the details for all tills again. */
  updateTillOverride(serial: string, patch: Partial<TillDetailsDraft>): void;
  /** The till follows the details for all tills again. */
  clearTillOverride(serial: string): void;
  /** Drops the technician's own admin PIN from memory (after the start, or when the wizard is left). */
  forgetWizardPin(): void;
  /** A fresh wizard for the next store (same organization); refused while a run is going. */
  resetWizard(): boolean;
  /** The technician leaves the wizard: the own PIN is forgotten, and a finished store makes way for the next one. */
  leaveWizard(): void;
}

export const initialWizardState: WizardSliceState = { wizard: { step: 'plan', draft: emptyDraft, elsewhere: [] } };

/** What the wizard's rules need from the rest of the state. */
export function wizardContext(state: AppState): WizardContext {
  return {
    environment: state.settings?.environment ?? null,
    organizations: state.organizations,
    vault: state.vault,
    runPhase: state.run.phase,
  };
}

export function createWizardSlice({ set, get, bridge }: SliceTools): WizardActions {
  const setStep = (step: WizardStep) => set((state) => ({ wizard: { ...state.wizard, step } }));
  const setDraft = (draft: WizardDraft) => set((state) => ({ wizard: { ...state.wizard, draft } }));
  /** Asks main which of the tills' serials other stores here already have; a failed ask warns of nothing. */
  const checkElsewhere = async () => {
    const { storeName, clients } = get().wizard.draft;
    const result = clients.length === 0 ? null : await callBridge(() => bridge.store['duplicate-serials']({ storeName: storeName.trim(), serialNumbers: clients }));
    // Only the answer for the list as it still is counts.
    if (get().wizard.draft.clients !== clients) return;
    set((state) => ({ wizard: { ...state.wizard, elsewhere: result?.ok ? result.value : [] } }));
  };

  return {
    updateDraft(patch) {
      setDraft({ ...get().wizard.draft, ...patch });
    },

    goToStep(step) {
      const state = get();
      if (state.wizard.step === step) return true;
      if (!canVisit(step, state.wizard.draft, wizardContext(state))) return false;
      setStep(step);
      return true;
    },

    addClientList(text) {
      const change = addClients(get().wizard.draft.clients, text);
      if (change.added.length > 0) {
        setDraft({ ...get().wizard.draft, clients: change.clients });
        void checkElsewhere();
      }
      return change;
    },

    setClients(clients) {
      const draft = get().wizard.draft;
      // A till's own details go with its serial; an entry being retyped takes none along.
      const tillOverrides = Object.fromEntries(Object.entries(draft.tillOverrides).filter(([serial]) => clients.includes(serial)));
      setDraft({ ...draft, clients, tillOverrides });
      void checkElsewhere();
    },

    removeClient(serial) {
      const draft = get().wizard.draft;
      const { [serial]: _dropped, ...tillOverrides } = draft.tillOverrides;
      setDraft({ ...draft, clients: draft.clients.filter((client) => client !== serial), tillOverrides });
      void checkElsewhere();
    },

    clearClients() {
      const draft = get().wizard.draft;
      setDraft({ ...draft, clients: [], tillOverrides: {} });
      void checkElsewhere();
      return { clients: draft.clients, tillOverrides: draft.tillOverrides };
    },

    restoreClients(removed) {
      setDraft({ ...get().wizard.draft, clients: removed.clients, tillOverrides: removed.tillOverrides });
      void checkElsewhere();
    },

    followRun() {
      const state = get();
      const step = stepForRun(state.run.phase);
      if (step !== state.wizard.step) setStep(step);
    },

    generateSerials(count) {
      // Outside the sandbox nothing is invented; a full list (count 0) gets nothing more.
      if (get().settings?.environment !== 'sandbox' || !Number.isInteger(count) || count < 1) return { clients: get().wizard.draft.clients, added: [], rejected: [] };
      // Never more than a TSS takes (the list refuses what goes beyond).
      if (count > MAX_CLIENTS) count = MAX_CLIENTS;
      // The store's name and a random part, so two sandbox stores never share a till serial (main's rule too).
      const serials = sandboxSerials(get().wizard.draft.storeName, count, () => crypto.randomUUID().slice(0, 4));
      return get().addClientList(serials.join('\n'));
    },

    updateMasterData(patch) {
      const draft = get().wizard.draft;
      setDraft({ ...draft, masterData: { ...draft.masterData, ...patch } });
    },

    updateTillDetails(patch) {
      const draft = get().wizard.draft;
      setDraft({ ...draft, tillDetails: { ...draft.tillDetails, ...patch } });
    },

    updateTillOverride(serial, patch) {
      const draft = get().wizard.draft;
      setDraft({ ...draft, tillOverrides: { ...draft.tillOverrides, [serial]: { ...draft.tillOverrides[serial], ...patch } } });
    },

    clearTillOverride(serial) {
      const draft = get().wizard.draft;
      const { [serial]: _dropped, ...tillOverrides } = draft.tillOverrides;
      setDraft({ ...draft, tillOverrides });
    },

    forgetWizardPin() {
      const draft = get().wizard.draft;
      if (draft.adminPin === '' && draft.adminPinRepeat === '') return;
      setDraft({ ...draft, adminPin: '', adminPinRepeat: '' });
    },

    resetWizard() {
      if (isRunActive(get().run.phase)) return false;
      // The next store is most often set up for the same customer: the organization stays chosen.
      const { organizationId } = get().wizard.draft;
      set({ wizard: { step: 'plan', draft: { ...emptyDraft, organizationId }, elsewhere: [] } });
      get().resetRun();
      return true;
    },

    leaveWizard() {
      get().forgetWizardPin();
      // Issue 11 #5: a store whose run finished is done here; "Neue Filiale einrichten" starts the next one.
      if (get().run.phase === 'done') get().resetWizard();
    },
  };
}

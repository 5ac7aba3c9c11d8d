import type { SaveTarget } from '../../../../../preload/contract/core/files';
import type { ChannelResponse } from '../../../../../preload/contract/channels';
import type { MigrationProgressEvent } from '../../../../../preload/contract/sign-de/events';
import type { MigrationInventory, MigrationPlanInput, MigrationRunReport } from '../../../../../preload/contract/sign-de/migration';
import type { SliceTools } from '../../../state/store-types';
import { type MasterDataDraft, emptyMasterData, masterDataProblems, masterDataRequired, toStoreMasterData } from '../master-data/master-data-draft';
import {
  type FixDraft,
  type MigrationRunView,
  type MigrationWizardStep,
  applyMigrationFinished,
  applyMigrationProgress,
  confirmedFixes,
  idleMigrationRun,
  inventoryBlocker,
  isMigrationRunActive,
  migrationRunOf,
  pickedTss,
  serialProblems,
  v2BaseUrlFor,
  wizardStepOf,
} from './migration-progress';

export type MigrationDocuments = ChannelResponse<'migration:save-documents'>;

export interface MigrationState {
  migration: {
    step: MigrationWizardStep;
    inventory: MigrationInventory | null;
    v1TssId: string | null;
    storeName: string;
    /** Per V1 client id: the serial fix the technician confirms (prefilled with the suggestion). */
    fixes: Record<string, FixDraft>;
    /** Taxpayer and Betriebsstätte for the handover (TEST and LIVE need them, as for provisioning). */
    masterData: MasterDataDraft;
    run: MigrationRunView;
    report: MigrationRunReport | null;
    documents: MigrationDocuments | null;
    /** Main's migration runs (null until listed): the unfinished ones can be continued here. */
    runs: MigrationRunReport[] | null;
  };
}

export interface MigrationActions {
  /** Opens the migration wizard: a fresh inventory, or the run `runId` where it stopped. */
  openMigration(runId?: string): void;
  goToMigrationStep(step: MigrationWizardStep): void;
  /** migration:list: the runs main keeps, for continuing an unfinished one. */
  loadMigrationRuns(): Promise<boolean>;
  /** V1 read only: every V1 TSS of the current environment's organization. */
  loadMigrationInventory(): Promise<boolean>;
  pickMigrationTss(v1TssId: string): void;
  setMigrationStoreName(name: string): void;
  setSerialFix(v1ClientId: string, fix: FixDraft): void;
  setMigrationMasterData(patch: Partial<MasterDataDraft>): void;
  /** Prepare only (`confirmCutOver` false) or through the cut-over; LIVE with the vault passphrase. */
  startMigration(confirmCutOver: boolean, passphrase?: string): Promise<boolean>;
  /** Continues the followed run: after a stop, or into the cut-over once it is confirmed. */
  resumeMigration(confirmCutOver: boolean, passphrase?: string): Promise<boolean>;
  cancelMigration(): Promise<boolean>;
  receiveMigrationProgress(event: MigrationProgressEvent): void;
  receiveMigrationFinished(report: MigrationRunReport): void;
  /** The mapping (JSON, CSV), the V1 export and the handover into one folder. */
  saveMigrationDocuments(destination: SaveTarget): Promise<MigrationDocuments | null>;
}

export const initialMigrationState: MigrationState = {
  migration: { step: 'inventory', inventory: null, v1TssId: null, storeName: '', fixes: {}, masterData: emptyMasterData, run: idleMigrationRun, report: null, documents: null, runs: null },
};

export function createMigrationSlice({ bridge, set, get, call }: SliceTools): MigrationActions {
  const patch = (change: Partial<MigrationState['migration']>) => set((state) => ({ migration: { ...state.migration, ...change } }));

  return {
    openMigration(runId) {
      const current = get().migration;
      if (!runId) {
        if (!isMigrationRunActive(current.run.phase)) set(initialMigrationState);
      } else if (current.run.runId !== runId && !isMigrationRunActive(current.run.phase)) {
        const follow = (report: MigrationRunReport) =>
          patch({ run: migrationRunOf(report), report, storeName: report.storeName, v1TssId: report.v1.tssId, step: wizardStepOf(report), documents: null });
        const known = current.runs?.find((candidate) => candidate.runId === runId);
        if (known) follow(known);
        else
          void get()
            .loadMigrationRuns()
            .then(() => {
              const report = get().migration.runs?.find((candidate) => candidate.runId === runId);
              if (report) follow(report);
            });
      }
      get().navigate('migration');
    },

    goToMigrationStep(step) {
      patch({ step });
    },

    async loadMigrationRuns() {
      const runs = await call('loadMigrationRuns', () => bridge.migration.list());
      if (runs) patch({ runs });
      return runs !== null;
    },

    async loadMigrationInventory() {
      const state = get();
      const environment = state.settings?.environment;
      if (!environment) return false;
      const organizationId = environment === 'sandbox' ? undefined : state.organizations?.find((organization) => organization.environment === environment)?.id;
      const inventory = await call('loadMigrationInventory', () => bridge.migration.inventory({ environment, ...(organizationId ? { organizationId } : {}) }));
      if (!inventory) return false;
      const migratable = inventory.stores.filter((store) => store.tss.state !== 'DISABLED');
      const keep = inventory.stores.some((store) => store.tss.id === get().migration.v1TssId);
      const v1TssId = keep ? get().migration.v1TssId : migratable.length === 1 ? migratable[0]!.tss.id : null;
      patch({ inventory });
      if (v1TssId && !keep) get().pickMigrationTss(v1TssId);
      return true;
    },

    pickMigrationTss(v1TssId) {
      const { inventory, storeName } = get().migration;
      const tss = pickedTss(inventory, v1TssId);
      // Each serial problem starts with its suggestion, not yet confirmed: the technician decides.
      const fixes = Object.fromEntries(serialProblems(tss).map((problem) => [problem.v1ClientId, { to: problem.suggestedSerial, confirmed: false }]));
      patch({ v1TssId, fixes, storeName: storeName || tss?.tss.description || '' });
    },

    setMigrationStoreName(storeName) {
      patch({ storeName });
    },

    setSerialFix(v1ClientId, fix) {
      set((state) => ({ migration: { ...state.migration, fixes: { ...state.migration.fixes, [v1ClientId]: fix } } }));
    },

    setMigrationMasterData(change) {
      set((state) => ({ migration: { ...state.migration, masterData: { ...state.migration.masterData, ...change } } }));
    },

    async startMigration(confirmCutOver, passphrase) {
      const state = get();
      const { migration } = state;
      const environment = state.settings?.environment;
      const tss = pickedTss(migration.inventory, migration.v1TssId);
      if (!environment || !migration.inventory || !tss || isMigrationRunActive(migration.run.phase)) return false;
      if (inventoryBlocker(tss, migration.fixes, migration.storeName, masterDataMissing(environment, migration.masterData)) !== null) return false;
      const organizationId = environment === 'sandbox' ? undefined : state.organizations?.find((organization) => organization.environment === environment)?.id;
      const environmentUrl = state.appInfo?.environments.find((candidate) => candidate.id === environment)?.baseUrl;
      const plan: MigrationPlanInput = {
        v1TssId: tss.tss.id,
        storeName: migration.storeName.trim(),
        environment,
        baseUrlV1: migration.inventory.baseUrlV1,
        // Main names its own V2 address in the inventory; an older main did not.
        baseUrlV2: migration.inventory.baseUrlV2 ?? v2BaseUrlFor(migration.inventory.baseUrlV1, environmentUrl),
        serialFixes: confirmedFixes(tss, migration.fixes),
        ...(masterDataRequired(environment, migration.masterData) ? { masterData: toStoreMasterData(migration.masterData) } : {}),
      };
      patch({ run: { ...idleMigrationRun, phase: 'starting', storeName: plan.storeName }, report: null, documents: null });
      const started = await call('startMigration', () =>
        bridge.migration.start({ plan, confirmCutOver, ...(organizationId ? { organizationId } : {}), ...(passphrase ? { passphrase } : {}) }),
      );
      const run = get().migration.run;
      if (started) patch({ run: run.runId === null || run.runId === started.runId ? { ...run, runId: started.runId, phase: run.phase === 'starting' ? 'running' : run.phase } : run });
      else if (run.phase === 'starting') patch({ run: idleMigrationRun });
      return started !== null;
    },

    async resumeMigration(confirmCutOver, passphrase) {
      const { run, report } = get().migration;
      const runId = run.runId;
      if (!runId || isMigrationRunActive(run.phase)) return false;
      patch({ run: { ...run, phase: 'running', error: null } });
      const answer = await call('resumeMigration', () => bridge.migration.resume({ runId, ...(confirmCutOver ? { confirmCutOver } : {}), ...(passphrase ? { passphrase } : {}) }), {
        subject: runId,
      });
      if (!answer && get().migration.run.runId === runId && get().migration.run.phase === 'running') patch({ run, report });
      return answer !== null;
    },

    async cancelMigration() {
      const { run } = get().migration;
      if (!run.runId || run.phase !== 'running') return false;
      const runId = run.runId;
      patch({ run: { ...run, phase: 'cancelling' } });
      const answer = await call('cancelMigration', () => bridge.migration.cancel({ runId }));
      if (!answer && get().migration.run.phase === 'cancelling') patch({ run: { ...get().migration.run, phase: 'running' } });
      return answer !== null;
    },

    receiveMigrationProgress(event) {
      if (!event || typeof event !== 'object') return;
      const current = get().migration.run;
      const run = applyMigrationProgress(current, event);
      if (run !== current) patch({ run });
    },

    receiveMigrationFinished(report) {
      if (!report || typeof report !== 'object' || typeof report.runId !== 'string') return;
      const current = get().migration.run;
      const run = applyMigrationFinished(current, report);
      if (run === current) return;
      const runs = get().migration.runs;
      patch({ run, report, step: wizardStepOf(report), ...(runs ? { runs: [report, ...runs.filter((candidate) => candidate.runId !== report.runId)] } : {}) });
      // A migration stores a PIN and a PUK, and a new store: the lists follow.
      void Promise.all([get().loadKnownTss(), get().loadVault(), get().loadRuns()]);
    },

    async saveMigrationDocuments(destination) {
      const runId = get().migration.run.runId;
      if (!runId) return null;
      const documents = await call('saveMigrationDocuments', () => bridge.migration['save-documents']({ runId, destination }), { subject: runId });
      if (documents && get().migration.run.runId === runId) patch({ documents });
      return documents;
    },
  };
}

/** Whether the plan still lacks master data it needs (TEST and LIVE; the sandbox only once some is typed). */
export function masterDataMissing(environment: string | null | undefined, draft: MasterDataDraft): boolean {
  if (!environment) return true;
  return masterDataRequired(environment as 'sandbox', draft) && Object.keys(masterDataProblems(draft)).length > 0;
}

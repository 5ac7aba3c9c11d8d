import { useTranslation } from 'react-i18next';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { useApp } from '../../../state/store-context';
import { InventoryStep } from './InventoryStep';
import { CutOverStep, DecommissionStep, PrepareStep } from './PhaseSteps';
import { ResultStep } from './ResultStep';
import { masterDataMissing } from './migration-slice';
import { MIGRATION_WIZARD_STEPS, type MigrationWizardStep, inventoryBlocker, isMigrated, pickedTss } from './migration-progress';

/** The move of one store from SIGN DE V1 to V2: the run's phases as steps, then what the store gets. */
export function MigrationScreen() {
  const { t } = useTranslation('sign-de');
  const step = useApp((state) => state.migration.step);
  const navigate = useApp((state) => state.navigate);
  return (
    <div className="screen">
      <h1 className="screen__title" tabIndex={-1}>
        {t('migration.title')}
      </h1>
      <div className="actions">
        <button type="button" className="button" onClick={() => navigate('home')}>
          {t('migration.back')}
        </button>
      </div>
      <MigrationStepper />
      <ErrorNotices areas={['migration']} />
      {step === 'inventory' && <InventoryStep />}
      {step === 'prepare' && <PrepareStep />}
      {step === 'cut-over' && <CutOverStep />}
      {step === 'decommission' && <DecommissionStep />}
      {step === 'result' && <ResultStep />}
    </div>
  );
}

function MigrationStepper() {
  const { t } = useTranslation('sign-de');
  const current = useApp((state) => state.migration.step);
  const migration = useApp((state) => state.migration);
  const environment = useApp((state) => state.settings?.environment);
  const missing = masterDataMissing(environment, migration.masterData);
  const planned = inventoryBlocker(pickedTss(migration.inventory, migration.v1TssId), migration.fixes, migration.storeName, missing) === null;
  const started = migration.run.runId !== null;
  const canVisit = (step: MigrationWizardStep) =>
    step === 'inventory' || (step === 'prepare' && (planned || started)) || ((step === 'cut-over' || step === 'decommission') && started) || (step === 'result' && isMigrated(migration.report));
  const goTo = useApp((state) => state.goToMigrationStep);
  return (
    <nav className="stepper" aria-label={t('migration.stepperLabel')}>
      <ol className="stepper__list">
        {MIGRATION_WIZARD_STEPS.map((step, index) => (
          <li key={step} className={`stepper__item stepper__item--${step === current ? 'current' : 'open'}`}>
            <button type="button" className="stepper__button" aria-current={step === current ? 'step' : undefined} disabled={step !== current && !canVisit(step)} onClick={() => goTo(step)}>
              <span className="stepper__number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="stepper__title">{t(`migration.steps.${step}`)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

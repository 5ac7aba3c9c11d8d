import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MigrationPhase } from '../../../../../preload/contract/sign-de/migration';
import { ActionError } from '../../../ui/ActionError';
import { PassphraseConfirmDialog } from '../../../ui/PassphraseConfirmDialog';
import { ProgressBar } from '../../../ui/ProgressBar';
import { TextField } from '../../../ui/TextField';
import { isTypedConfirmation } from '../../../state/confirmation';
import { useApp } from '../../../state/store-context';
import { MigrationStepLog } from './MigrationStepLog';
import { isMigrationRunActive, pickedTss, waitsForCutOver } from './migration-progress';

/** Prepare V2: what it will do, then the start (prepare only; V1 untouched), then its steps. */
export function PrepareStep() {
  const { t } = useTranslation('sign-de');
  const run = useApp((state) => state.migration.run);
  const report = useApp((state) => state.migration.report);
  const start = useApp((state) => state.startMigration);
  const goTo = useApp((state) => state.goToMigrationStep);
  const busy = useApp((state) => state.busy.startMigration === true);
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('migration.steps.prepare')}
      </h2>
      <p>{t('migration.prepare.intro')}</p>
      <ul>
        <li>{t('migration.prepare.what.first')}</li>
        <li>{t('migration.prepare.what.second')}</li>
        <li>{t('migration.prepare.what.third')}</li>
      </ul>
      {run.phase === 'idle' ? (
        <div className="actions">
          <button type="button" className="button button--primary" aria-disabled={busy || undefined} onClick={() => !busy && void start(false)}>
            {busy ? t('common.working') : t('migration.prepare.start')}
          </button>
        </div>
      ) : (
        <>
          <MigrationStepLog run={run} phases={['prepare']} />
          {waitsForCutOver(report) && (
            <>
              <p role="status">{t('migration.prepare.prepared')}</p>
              <div className="actions">
                <button type="button" className="button button--primary" onClick={() => goTo('cut-over')}>
                  {t('migration.next')}
                </button>
              </div>
            </>
          )}
        </>
      )}
      <RunControls />
    </section>
  );
}

/** The cut-over: what it will do, after the daily closing and a typed confirmation (LIVE: the passphrase too). */
export function CutOverStep() {
  const { t } = useTranslation('sign-de');
  const migration = useApp((state) => state.migration);
  const environment = useApp((state) => state.settings?.environment ?? null);
  const start = useApp((state) => state.startMigration);
  const resume = useApp((state) => state.resumeMigration);
  const busy = useApp((state) => state.busy.startMigration === true || state.busy.resumeMigration === true);
  const [closed, setClosed] = useState(false);
  const [typed, setTyped] = useState('');
  const [asking, setAsking] = useState(false);
  const titleId = useId();
  const closedId = useId();
  const { run, report } = migration;
  const storeName = (run.storeName || migration.storeName).trim();
  const live = environment === 'live';
  const activeCount = pickedTss(migration.inventory, migration.v1TssId)?.activeTransactions.length ?? 0;
  const canConfirm = !isMigrationRunActive(run.phase) && (run.phase === 'idle' || waitsForCutOver(report));
  const ready = closed && isTypedConfirmation(typed, storeName, storeName) && !busy;
  const operation = run.runId ? 'resumeMigration' : 'startMigration';
  const go = (passphrase?: string) => (run.runId ? resume(true, passphrase) : start(true, passphrase));

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('migration.steps.cut-over')}
      </h2>
      {waitsForCutOver(report) && <p role="status">{t('migration.prepare.prepared')}</p>}
      <p>{t('migration.cutOver.intro')}</p>
      <ul>
        <li>{t('migration.cutOver.closeActive', { count: activeCount })}</li>
        <li>{t('migration.cutOver.export')}</li>
        <li>{t('migration.cutOver.receipts')}</li>
      </ul>
      <p>
        <strong>{t('migration.cutOver.then')}</strong>
      </p>
      {canConfirm ? (
        <div className={live ? 'callout callout--danger' : 'callout'}>
          <div className="checkbox">
            <input id={closedId} type="checkbox" checked={closed} onChange={(event) => setClosed(event.target.checked)} />
            <label htmlFor={closedId}>{t('migration.cutOver.dailyClosing')}</label>
          </div>
          <TextField label={t('migration.cutOver.confirmLabel', { name: storeName })} hint={t('migration.cutOver.confirmHint')} value={typed} onChange={setTyped} autoComplete="off" spellCheck={false} />
          <div className="actions">
            <button
              type="button"
              className={`button ${live ? 'button--danger' : 'button--primary'}`}
              aria-disabled={!ready || undefined}
              onClick={() => {
                if (!ready) return;
                if (live) setAsking(true);
                else void go();
              }}
            >
              {busy ? t('common.working') : live ? t('migration.cutOver.startLive') : t('migration.cutOver.start')}
            </button>
          </div>
        </div>
      ) : (
        <MigrationStepLog run={run} phases={['cut-over', 'decommission']} />
      )}
      <RunControls hideStartError={asking} />
      <PassphraseConfirmDialog
        open={asking}
        title={t('migration.cutOver.passphraseTitle', { name: storeName })}
        body={<p>{t('migration.cutOver.passphraseBody', { name: storeName })}</p>}
        confirmLabel={t('migration.cutOver.startLive')}
        operation={operation}
        onPassphrase={async (passphrase) => {
          const started = await go(passphrase);
          if (started) setAsking(false);
          return started;
        }}
        onCancel={() => setAsking(false)}
        danger
      />
    </section>
  );
}

/** Disabling V1: the last phase of the same run, shown with what it does and the run's steps. */
export function DecommissionStep() {
  const { t } = useTranslation('sign-de');
  const run = useApp((state) => state.migration.run);
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('migration.steps.decommission')}
      </h2>
      <p>{t('migration.decommission.intro')}</p>
      <ul>
        <li>{t('migration.decommission.what.first')}</li>
        <li>{t('migration.decommission.what.second')}</li>
        <li>{t('migration.decommission.what.third')}</li>
      </ul>
      <MigrationStepLog run={run} phases={PHASES_AFTER_PREPARE} />
      <RunControls />
    </section>
  );
}

const PHASES_AFTER_PREPARE: readonly MigrationPhase[] = ['cut-over', 'decommission'];

/** The run's status, progress, stop and resume, with each action's error beside it. */
function RunControls({ hideStartError = false }: { hideStartError?: boolean }) {
  const { t } = useTranslation('sign-de');
  const run = useApp((state) => state.migration.run);
  const cancel = useApp((state) => state.cancelMigration);
  const resume = useApp((state) => state.resumeMigration);
  const active = isMigrationRunActive(run.phase);
  return (
    <>
      {run.phase !== 'idle' && (
        <div role="status" className="run-status">
          {active && <p>{t('migration.run.running')}</p>}
          {run.phase === 'done' && <p>{t('migration.run.done')}</p>}
          {run.phase === 'cancelled' && <p>{t('migration.run.cancelled')}</p>}
          {run.phase === 'failed' && run.error && (
            <p>
              {t('migration.run.failed', { step: run.error.step })} — {run.error.message}
            </p>
          )}
        </div>
      )}
      {active && <ProgressBar percent={Math.round(run.fraction * 100)} label={t('migration.run.running')} valueText={`${Math.round(run.fraction * 100)} %`} />}
      <div className="actions">
        {run.phase === 'running' && (
          <button type="button" className="button" onClick={() => void cancel()}>
            {t('migration.run.cancel')}
          </button>
        )}
        {(run.phase === 'failed' || run.phase === 'cancelled') && (
          <button type="button" className="button button--primary" onClick={() => void resume(false)}>
            {t('migration.run.resume')}
          </button>
        )}
      </div>
      <ActionError operations={['startMigration']} hidden={hideStartError} />
      <ActionError operations={['resumeMigration']} hidden={hideStartError} />
      <ActionError operations={['cancelMigration']} />
    </>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryProblem, TssInventory } from '../../../../../preload/contract/sign-de/migration';
import { TextField } from '../../../ui/TextField';
import { useApp } from '../../../state/store-context';
import { MasterDataFields } from '../master-data/MasterDataFields';
import { masterDataProblems } from '../master-data/master-data-draft';
import { inventoryBlocker, pickedTss } from './migration-progress';
import { masterDataMissing } from './migration-slice';
import { UnfinishedMigrations } from './UnfinishedMigrations';

const unixTime = (seconds: number | undefined, never: string) => (seconds === undefined ? never : new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 16));

/** Inventory (read only): pick the V1 TSS, see its tills, open transactions and problems, confirm serial fixes. */
export function InventoryStep() {
  const { t } = useTranslation('sign-de');
  const migration = useApp((state) => state.migration);
  const load = useApp((state) => state.loadMigrationInventory);
  const pick = useApp((state) => state.pickMigrationTss);
  const setStoreName = useApp((state) => state.setMigrationStoreName);
  const goTo = useApp((state) => state.goToMigrationStep);
  const busy = useApp((state) => state.busy.loadMigrationInventory === true);
  const pickId = useId();
  const missingId = useId();
  const tss = pickedTss(migration.inventory, migration.v1TssId);
  const environment = useApp((state) => state.settings?.environment ?? null);
  const setMasterData = useApp((state) => state.setMigrationMasterData);
  const blocker = inventoryBlocker(tss, migration.fixes, migration.storeName, masterDataMissing(environment, migration.masterData));

  return (
    <section className="card" aria-labelledby={pickId}>
      <h2 id={pickId} className="card__title">
        {t('migration.steps.inventory')}
      </h2>
      <UnfinishedMigrations />
      <p>{t('migration.inventory.intro')}</p>
      <div className="actions">
        <button type="button" className={migration.inventory ? 'button' : 'button button--primary'} aria-disabled={busy || undefined} onClick={() => !busy && void load()}>
          {busy ? t('common.working') : migration.inventory ? t('migration.inventory.reload') : t('migration.inventory.load')}
        </button>
      </div>
      {migration.inventory && migration.inventory.stores.length === 0 && <p className="muted">{t('migration.inventory.none')}</p>}
      {migration.inventory && migration.inventory.stores.length > 0 && (
        <fieldset className="fieldset">
          <legend>{t('migration.inventory.pickLegend')}</legend>
          {migration.inventory.stores.map((store) => (
            <div key={store.tss.id} className="checkbox">
              <input id={`${pickId}-${store.tss.id}`} type="radio" name={`${pickId}-tss`} checked={store.tss.id === migration.v1TssId} onChange={() => pick(store.tss.id)} />
              <label htmlFor={`${pickId}-${store.tss.id}`}>
                {t('migration.inventory.tssOption', { description: store.tss.description ?? '—', id: store.tss.id, state: t(`migration.inventory.tssStates.${store.tss.state}`), count: store.tills.length })}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {tss && (
        <>
          <TextField label={t('migration.inventory.storeName')} hint={t('migration.inventory.storeNameHint')} value={migration.storeName} onChange={setStoreName} />
          <TillsTable tss={tss} />
          <ActiveTransactions tss={tss} />
          <Problems tss={tss} />
          {environment !== 'sandbox' && <MasterDataFields value={migration.masterData} onChange={setMasterData} problems={masterDataProblems(migration.masterData)} showErrors={false} />}
        </>
      )}
      {migration.inventory && (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={blocker !== null || undefined}
            aria-describedby={blocker ? missingId : undefined}
            onClick={() => blocker === null && goTo('prepare')}
          >
            {t('migration.next')}
          </button>
          {blocker && (
            <p id={missingId} className="muted" role="status">
              {t(`migration.inventory.blockers.${blocker}`)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function TillsTable({ tss }: { tss: TssInventory }) {
  const { t } = useTranslation('sign-de');
  return (
    <table className="table" aria-label={t('migration.inventory.tillsTitle')}>
      <thead>
        <tr>
          <th scope="col">{t('migration.inventory.serial')}</th>
          <th scope="col">{t('migration.inventory.client')}</th>
          <th scope="col">{t('migration.inventory.lastTransaction')}</th>
        </tr>
      </thead>
      <tbody>
        {tss.tills.map((till) => (
          <tr key={till.v1ClientId}>
            <td>
              <code>{till.serialNumber}</code>
            </td>
            <td>
              <code className="path">{till.v1ClientId}</code>
            </td>
            <td>{unixTime(till.lastTransactionAt, t('migration.inventory.never'))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ActiveTransactions({ tss }: { tss: TssInventory }) {
  const { t } = useTranslation('sign-de');
  const count = tss.activeTransactions.length;
  return (
    <>
      <h3 className="subsection__title">{t('migration.inventory.activeTitle')}</h3>
      <p>{count === 0 ? t('migration.inventory.activeNone') : t('migration.inventory.activeCount', { count })}</p>
    </>
  );
}

function Problems({ tss }: { tss: TssInventory }) {
  const { t } = useTranslation('sign-de');
  return (
    <>
      <h3 className="subsection__title">{t('migration.inventory.problemsTitle')}</h3>
      {tss.problems.length === 0 ? (
        <p className="muted">{t('migration.inventory.problemsNone')}</p>
      ) : (
        <ul className="problems">
          {tss.problems.map((problem, index) => (
            <li key={`${problem.code}-${index}`}>
              <ProblemItem problem={problem} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ProblemItem({ problem }: { problem: InventoryProblem }) {
  const { t } = useTranslation('sign-de');
  const fix = useApp((state) => ('v1ClientId' in problem ? state.migration.fixes[problem.v1ClientId] : undefined));
  const setFix = useApp((state) => state.setSerialFix);
  const confirmId = useId();
  switch (problem.code) {
    case 'too-many-tills':
      return <p className="callout callout--danger">{t('migration.inventory.tooManyTills', { count: problem.count, max: problem.max })}</p>;
    case 'tss-disabled':
      return <p className="callout callout--danger">{t('migration.inventory.tssDisabled')}</p>;
    default: {
      const draft = fix ?? { to: problem.suggestedSerial, confirmed: false };
      return (
        <div className="callout">
          <p>
            {problem.code === 'serial-invalid'
              ? t('migration.inventory.serialInvalid', { serial: problem.serialNumber })
              : t('migration.inventory.serialTwin', { serial: problem.serialNumber, twin: problem.twinOf })}
          </p>
          <TextField
            label={t('migration.inventory.fixLabel', { serial: problem.serialNumber })}
            hint={t('migration.inventory.fixHint')}
            value={draft.to}
            mono
            spellCheck={false}
            onChange={(to) => setFix(problem.v1ClientId, { to, confirmed: false })}
          />
          <div className="checkbox">
            <input id={confirmId} type="checkbox" checked={draft.confirmed} onChange={(event) => setFix(problem.v1ClientId, { ...draft, confirmed: event.target.checked })} />
            <label htmlFor={confirmId}>{t('migration.inventory.fixConfirm')}</label>
          </div>
        </div>
      );
    }
  }
}

import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { storeNameOf } from '../overview/overview-slice';
import { useApp } from '../../../state/store-context';
import { useShellParts } from '../../../ui/shell-parts';
import { RevealPuk } from './RevealPuk';
import { TssPicker } from './TssPicker';
import { UnblockPin } from './UnblockPin';

/**
 * The PUK recovery: pick a TSS (or import a recovery file first), reveal its PUK with the passphrase
 * (offline), and set a new admin PIN with it (online). A revealed PUK is dropped when this view goes.
 */
export function RecoveryScreen() {
  const { t } = useTranslation('sign-de');
  const { ImportRecoveryForm } = useShellParts();
  const tssId = useApp((state) => state.recovery.tssId);
  const reason = useApp((state) => state.recovery.reason);
  const storeName = useApp((state) => storeNameOf(state, state.recovery.tssId)) ?? t('stores.unnamed');
  const dropPuk = useApp((state) => state.dropPuk);
  const from = useApp((state) => state.recovery.from ?? null);
  const navigate = useApp((state) => state.navigate);
  const loadKnownTss = useApp((state) => state.loadKnownTss);
  const pickId = useId();
  const importId = useId();
  const revealId = useId();
  const unblockId = useId();

  useEffect(() => {
    void loadKnownTss();
    return () => dropPuk();
  }, [dropPuk, loadKnownTss]);

  return (
    <div className="screen">
      <h1 className="screen__title" tabIndex={-1}>
        {t('recovery.title')}
      </h1>
      {from && from !== 'recovery' && (
        <div className="actions">
          <button type="button" className="button" onClick={() => navigate(from)}>
            {t(`recovery.backTo.${from}`)}
          </button>
        </div>
      )}
      {reason === 'blocked' && (
        <div className="callout callout--danger" role="alert">
          <p>{t('recovery.blockedNotice')}</p>
          {tssId && (
            <p>
              {t('recovery.blockedTss', { store: storeName, tssId })}
            </p>
          )}
        </div>
      )}
      <p>{t('recovery.intro')}</p>
      <ErrorNotices areas={['recovery']} />
      <section className="card" aria-labelledby={pickId}>
        <h2 id={pickId} className="card__title">
          {t('recovery.pickTitle')}
        </h2>
        <TssPicker />
      </section>
      <section className="card" aria-labelledby={importId}>
        <h2 id={importId} className="card__title">
          {t('backup.importTitle')}
        </h2>
        <ErrorNotices areas={['backup']} />
        <ImportRecoveryForm />
      </section>
      {tssId && (
        <>
          <section className="card" aria-labelledby={revealId}>
            <h2 id={revealId} className="card__title">
              {t('recovery.revealTitle')}
            </h2>
            <RevealPuk key={tssId} storeName={storeName} />
          </section>
          <section className="card" aria-labelledby={unblockId}>
            <h2 id={unblockId} className="card__title">
              {t('recovery.unblockTitle')}
            </h2>
            <UnblockPin key={tssId} tssId={tssId} />
          </section>
        </>
      )}
    </div>
  );
}

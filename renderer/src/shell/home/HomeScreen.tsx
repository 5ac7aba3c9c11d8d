import { useTranslation } from 'react-i18next';
import { productHomeCards } from '../../products';
import { EnvironmentChoice } from '../settings/EnvironmentChoice';
import { OrganizationsCard } from '../orgs/OrganizationsCard';
import { VaultCard } from '../vault/VaultCard';
import { useApp } from '../../state/store-context';
import { About, Environments } from './AboutCards';

/**
 * The technician's start: the vault (set up on first use), the environment, each product's cards (for
 * SIGN DE: unfinished runs to resume, the stores and TSS known), the organizations' credentials, and the
 * way into the wizard and the PUK recovery.
 */
export function HomeScreen() {
  const { t } = useTranslation();
  const appInfo = useApp((state) => state.appInfo);
  const loading = useApp((state) => state.loadingInfo);
  const navigate = useApp((state) => state.navigate);
  const openRecovery = useApp((state) => state.openRecovery);

  return (
    <div className="screen">
      <h1 className="screen__title" tabIndex={-1}>
        {t('home.title')}
      </h1>
      <div className="actions actions--lead">
        <button type="button" className="button button--primary" onClick={() => navigate('wizard')}>
          {t('home.startWizard')}
        </button>
        <button type="button" className="button" onClick={() => openRecovery()}>
          {t('home.startRecovery')}
        </button>
      </div>
      <VaultCard />
      <EnvironmentChoice />
      {productHomeCards.map((Cards, index) => (
        <Cards key={index} />
      ))}
      <OrganizationsCard />
      {appInfo ? (
        <>
          <About appInfo={appInfo} />
          <Environments appInfo={appInfo} />
        </>
      ) : (
        <p className="screen__placeholder">{loading ? t('home.loading') : t('home.unavailable')}</p>
      )}
    </div>
  );
}

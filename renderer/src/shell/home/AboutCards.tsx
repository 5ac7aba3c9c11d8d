import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../preload/contract/core/app-info';
import { useApp } from '../../state/store-context';

/** What app:info says: product, version and data folder. */
export function About({ appInfo }: { appInfo: AppInfo }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('home.aboutTitle')}
      </h2>
      <dl className="facts">
        <dt>{t('home.productName')}</dt>
        <dd>{appInfo.name}</dd>
        <dt>{t('home.version')}</dt>
        <dd>{appInfo.version}</dd>
        <dt>{t('home.dataDir')}</dt>
        <dd>
          <code className="path">{appInfo.dataDir}</code>
        </dd>
      </dl>
    </section>
  );
}

/** The environments with their addresses and whether their receipts are training receipts. */
export function Environments({ appInfo }: { appInfo: AppInfo }) {
  const { t } = useTranslation();
  const current = useApp((state) => state.settings?.environment);
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('home.environmentsTitle')}
      </h2>
      <table className="env-table" aria-labelledby={titleId}>
        <thead>
          <tr>
            <th scope="col">{t('settings.environmentLegend')}</th>
            <th scope="col">{t('home.baseUrl')}</th>
            <th scope="col">{t('home.trainingReceipts')}</th>
          </tr>
        </thead>
        <tbody>
          {appInfo.environments.map((environment) => (
            <tr key={environment.id} className={`env-row env-row--${environment.id}`}>
              <th scope="row">
                {t(`environment.names.${environment.id}`)}
                {environment.id === current && <span className="tag">{t('home.active')}</span>}
              </th>
              <td>{environment.baseUrl === null ? t('home.builtIn') : <code className="path">{environment.baseUrl}</code>}</td>
              <td>{environment.training ? t('home.yes') : t('home.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

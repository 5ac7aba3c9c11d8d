import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store-context';
import { ErrorNotices } from '../../ui/ErrorNotices';
import { OrganizationForm } from './OrganizationForm';

/** The fiskaly organizations whose credentials are stored, and a form to add one. */
export function OrganizationsCard() {
  const { t } = useTranslation();
  const organizations = useApp((state) => state.organizations);
  const titleId = useId();
  const formTitleId = useId();

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('orgs.title')}
      </h2>
      <ErrorNotices areas={['orgs']} />
      {organizations === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : organizations.length === 0 ? (
        <p className="muted">{t('orgs.none')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('orgs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('orgs.labelLabel')}</th>
              <th scope="col">{t('settings.environmentLegend')}</th>
              <th scope="col">{t('orgs.keyHint')}</th>
              <th scope="col">{t('orgs.id')}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((organization) => (
              <tr key={organization.id}>
                <th scope="row">{organization.label}</th>
                <td>{t(`environment.names.${organization.environment}`)}</td>
                <td>
                  <code>{organization.apiKeyHint}…</code>
                </td>
                <td>
                  <code className="path">{organization.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="subsection" aria-labelledby={formTitleId}>
        <h3 id={formTitleId} className="subsection__title">
          {t('orgs.addTitle')}
        </h3>
        <p className="muted">{t('orgs.addIntro')}</p>
        <OrganizationForm checks />
      </section>
    </section>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TssOverview } from '../../../../../preload/contract/sign-de/tss';
import { useApp } from '../../../state/store-context';

/** The TSS's clients n/199, each with deregister or register again. */
export function ClientsTable({ overview }: { overview: TssOverview }) {
  const { t } = useTranslation('sign-de');
  const setClientState = useApp((state) => state.setClientState);
  const busy = useApp((state) => state.busy.setClientState === true);
  const titleId = useId();
  const disabled = overview.state === 'DISABLED';

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('overview.clientsTitle')}
      </h2>
      <p>{t('overview.clientsCount', { count: overview.registeredClients, max: overview.maxRegisteredClients })}</p>
      {overview.clients.length === 0 ? (
        <p className="muted">{t('overview.noClients')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('overview.clientsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.clientSerial')}</th>
              <th scope="col">{t('overview.clientState')}</th>
              <th scope="col">{t('overview.clientAction')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.clients.map((client) => {
              const registered = client.state === 'REGISTERED';
              return (
                <tr key={client.id}>
                  <th scope="row">
                    <code>{client.serialNumber}</code>
                  </th>
                  <td>{registered ? t('overview.registered') : t('overview.deregistered')}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`${registered ? t('overview.deregister') : t('overview.register')}: ${client.serialNumber}`}
                      aria-disabled={busy || disabled || undefined}
                      onClick={() => !busy && !disabled && void setClientState(client.id, registered ? 'DEREGISTERED' : 'REGISTERED')}
                    >
                      {registered ? t('overview.deregister') : t('overview.register')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

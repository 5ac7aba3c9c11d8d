import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreTill } from '../../../../../preload/contract/sign-de/store-record';
import type { TssOverview } from '../../../../../preload/contract/sign-de/tss';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { useApp } from '../../../state/store-context';
import { DecommissionFields } from './DecommissionFields';
import { type DecommissionDraft, decommissionProblems, shownDate, todayIso, toDecommissioning } from './decommission';

/**
 * The TSS's clients n/199 with their details from the store record. Deregistering a recorded till asks when
 * and why it was taken out of use (notifiable); a till the record does not know is deregistered as before.
 */
export function ClientsTable({ overview }: { overview: TssOverview }) {
  const { t, i18n } = useTranslation('sign-de');
  const setClientState = useApp((state) => state.setClientState);
  const record = useApp((state) => (state.storeRecord?.tssId === overview.tssId ? state.storeRecord : null));
  const busy = useApp((state) => state.busy.setClientState === true || state.busy.deregisterTill === true);
  const deregisterBusy = useApp((state) => state.busy.deregisterTill === true);
  const [deregistering, setDeregistering] = useState<{ clientId: string; serial: string } | null>(null);
  const titleId = useId();
  const disabled = overview.state === 'DISABLED';
  const tillOf = (clientId: string) => record?.tills.find((till) => till.clientId === clientId);

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
              {record && <th scope="col">{t('overview.tillDetails')}</th>}
              <th scope="col">{t('overview.clientAction')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.clients.map((client) => {
              const registered = client.state === 'REGISTERED';
              const till = tillOf(client.id);
              const label = registered ? t('overview.deregister') : t('overview.register');
              return (
                <tr key={client.id}>
                  <th scope="row">
                    <code>{client.serialNumber}</code>
                  </th>
                  <td>
                    {registered ? t('overview.registered') : t('overview.deregistered')}
                    {till?.decommissioning && (
                      <>
                        <br />
                        <span className="muted">
                          {t('overview.tillDecommissioned', { date: shownDate(till.decommissioning.date, i18n.language), reason: till.decommissioning.reason })}
                        </span>
                      </>
                    )}
                  </td>
                  {record && <td>{till ? <TillSummary till={till} /> : '—'}</td>}
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`${label}: ${client.serialNumber}`}
                      aria-disabled={busy || disabled || undefined}
                      onClick={() => {
                        if (busy || disabled) return;
                        if (registered && till) setDeregistering({ clientId: client.id, serial: client.serialNumber });
                        else void setClientState(client.id, registered ? 'DEREGISTERED' : 'REGISTERED');
                      }}
                    >
                      {label}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="saved" role="status">
        {deregisterBusy && t('common.working')}
      </p>
      <ErrorNotices operations={['deregisterTill']} />
      <DeregisterTillDialog key={deregistering?.clientId ?? 'closed'} till={deregistering} onClose={() => setDeregistering(null)} />
    </section>
  );
}

function TillSummary({ till }: { till: StoreTill }) {
  const { t } = useTranslation('sign-de');
  const parts = [
    till.kind ? t(`masterData.kinds.${till.kind}`) : null,
    [till.software, till.softwareVersion].filter(Boolean).join(' ') || null,
    [till.manufacturer, till.model].filter(Boolean).join(' ') || null,
  ].filter(Boolean);
  return <>{parts.length > 0 ? parts.join(' · ') : '—'}</>;
}

/** Deregistering a till is notifiable: it asks for the date and the reason before main deregisters it. */
function DeregisterTillDialog({ till, onClose }: { till: { clientId: string; serial: string } | null; onClose(): void }) {
  const { t } = useTranslation('sign-de');
  const deregisterTill = useApp((state) => state.deregisterTill);
  const busy = useApp((state) => state.busy.deregisterTill === true);
  const [value, setValue] = useState<DecommissionDraft>({ date: todayIso(), reason: '' });
  const [tried, setTried] = useState(false);

  const confirm = async () => {
    setTried(true);
    if (!till || busy || Object.keys(decommissionProblems(value)).length > 0) return;
    // Closed at once: main's answer (or its error, shown beside the table) follows.
    onClose();
    await deregisterTill(till.clientId, toDecommissioning(value));
  };

  return (
    <ConfirmDialog
      open={till !== null}
      title={t('overview.deregisterTitle', { serial: till?.serial ?? '' })}
      body={
        <div className="form">
          <p>{t('overview.deregisterBody')}</p>
          <DecommissionFields
            value={value}
            onChange={setValue}
            showErrors={tried}
            dateLabel={t('overview.decommissionDateLabel')}
            reasonLabel={t('overview.decommissionReasonLabel')}
            reasonHint={t('overview.decommissionReasonHint')}
          />
        </div>
      }
      confirmLabel={t('overview.deregisterConfirm')}
      cancelLabel={t('overview.cancel')}
      onConfirm={() => void confirm()}
      onCancel={onClose}
      danger
    />
  );
}

import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TssOverview } from '../../../../../preload/contract/sign-de/tss';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { PassphraseConfirmDialog } from '../../../ui/PassphraseConfirmDialog';
import { TextField } from '../../../ui/TextField';
import { useApp } from '../../../state/store-context';
import { TillDetailsFields } from '../master-data/TillDetailsFields';
import { type TillDetailsDraft, emptyTillDetails, tillDetailsProblems, toTillDetails } from '../master-data/master-data-draft';
import { type RejectedSerial, SERIAL_MAX_LENGTH, addClients } from '../wizard/client-list';
import { serialProblemText } from '../wizard/problem-text';

/** Serials already on this TSS, from fiskaly and from the store record. */
function knownSerials(overview: TssOverview, recorded: readonly { serialNumber: string }[]): string[] {
  return [...new Set([...overview.clients.map((client) => client.serialNumber), ...recorded.map((till) => till.serialNumber)])];
}

/** More tills for the store: typed serials (never generated outside the sandbox) and their details, typed once. */
export function AddTills({ overview, storeName }: { overview: TssOverview; storeName: string | null }) {
  const { t } = useTranslation('sign-de');
  const record = useApp((state) => state.storeRecord);
  const addTills = useApp((state) => state.addTills);
  const [serials, setSerials] = useState('');
  const [details, setDetails] = useState<TillDetailsDraft>(emptyTillDetails);
  const [tried, setTried] = useState(false);
  const [asking, setAsking] = useState<string[] | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const titleId = useId();

  if (overview.state === 'DISABLED') return null;
  const existing = knownSerials(overview, record?.tills ?? []);
  const change = addClients(existing, serials);
  const problemText = (entry: RejectedSerial) => serialProblemText(t, entry);
  const detailsInvalid = Object.keys(tillDetailsProblems(details)).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setAdded(null);
    if (change.added.length === 0 || change.rejected.length > 0 || detailsInvalid) return;
    setAsking(change.added);
  };

  const addWith = async (passphrase?: string) => {
    const tills = (asking ?? []).map((serialNumber) => ({ ...toTillDetails(details), serialNumber }));
    const done = await addTills(tills, passphrase);
    if (done) {
      setAdded(tills.length);
      setAsking(null);
      setSerials('');
      setTried(false);
    }
    // Without a passphrase to retype, the dialog closes and the error shows beside the button.
    if (!done && passphrase === undefined) setAsking(null);
    return done;
  };

  const confirmTitle = t('overview.addTillsConfirmTitle', { count: asking?.length ?? 0, name: storeName ?? overview.tssId });
  const confirmBody = <p>{t('overview.addTillsConfirmBody', { serials: (asking ?? []).join(', ') })}</p>;

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('overview.addTillsTitle')}
      </h2>
      <p className="muted">{t('overview.addTillsIntro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('overview.addTillsSerialsLabel')}
          hint={`${t('overview.addTillsSerialsHint')} ${t('clients.serialHint', { length: SERIAL_MAX_LENGTH })}`}
          rows={3}
          mono
          spellCheck={false}
          value={serials}
          onChange={setSerials}
          error={change.added.length === 0 ? t('overview.addTillsNone') : null}
          showError={tried}
        />
        {change.rejected.length > 0 && (
          <div className="callout callout--danger" role="alert">
            <p>{t('clients.rejectedTitle', { count: change.rejected.length })}</p>
            <ul>
              {change.rejected.map((entry, index) => (
                <li key={`${entry.serial}-${index}`}>
                  <code>{entry.serial}</code> – {problemText(entry)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <h3 className="subsection__title">{t('clients.detailsTitle')}</h3>
        <TillDetailsFields value={details} onChange={(patch) => setDetails({ ...details, ...patch })} showErrors={tried} />
        {/* While the dialog is open, it shows the error itself. */}
        {asking === null && <ErrorNotices operations={['addTills']} />}
        <div className="form__actions">
          <button type="submit" className="button">
            {t('overview.addTillsButton')}
          </button>
        </div>
      </form>
      <p className="saved" role="status">
        {added !== null && t('overview.addTillsDone', { count: added })}
      </p>
      {/* Registering tills is not irreversible: only a LIVE store asks for the passphrase, as its setup did. */}
      {record?.environment === 'live' ? (
        <PassphraseConfirmDialog
          open={asking !== null}
          title={confirmTitle}
          body={confirmBody}
          confirmLabel={t('overview.addTillsConfirm')}
          operation="addTills"
          onPassphrase={addWith}
          onCancel={() => setAsking(null)}
        />
      ) : (
        <ConfirmDialog
          open={asking !== null}
          title={confirmTitle}
          body={confirmBody}
          confirmLabel={t('overview.addTillsConfirm')}
          cancelLabel={t('overview.cancel')}
          onConfirm={() => void addWith()}
          onCancel={() => setAsking(null)}
        />
      )}
    </section>
  );
}

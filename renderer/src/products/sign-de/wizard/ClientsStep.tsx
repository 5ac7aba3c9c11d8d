import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CLIENTS } from '../../../../../preload/contract/sign-de/store-rules';
import type { DuplicateSerial } from '../../../../../preload/contract/sign-de/store-record';
import { TextField } from '../../../ui/TextField';
import { SERIAL_MAX_LENGTH, type SerialProblem, caseTwin, clientListProblems, serialProblem } from './client-list';
import { useApp } from '../../../state/store-context';
import type { StepProblems } from './wizard-rules';
import type { RemovedTills } from './wizard-slice';
import { problemText, serialProblemText } from './problem-text';
import { TillDetailsFields } from '../master-data/TillDetailsFields';
import { TillRow } from './TillRow';
import { useListText } from './use-list-text';

/** No warning: one constant, so the store selector keeps its identity. */
const NONE: readonly DuplicateSerial[] = [];

/**
 * The store's tills: the list as typed or pasted (it applies as it stands, each wrong entry named once
 * with its reason), one serial added on its own, serials generated in the sandbox, n/199; their
 * notification details typed once for all tills, and per till only where it differs.
 */
export function ClientsStep({ problems, showErrors }: { problems: StepProblems; showErrors: boolean }) {
  const { t } = useTranslation('sign-de');
  const clients = useApp((state) => state.wizard.draft.clients);
  const setClients = useApp((state) => state.setClients);
  const clearClients = useApp((state) => state.clearClients);
  const restoreClients = useApp((state) => state.restoreClients);
  const sandbox = useApp((state) => state.settings?.environment === 'sandbox');
  const tillDetails = useApp((state) => state.wizard.draft.tillDetails);
  const updateTillDetails = useApp((state) => state.updateTillDetails);
  const elsewhere = useApp((state) => state.wizard.elsewhere ?? NONE);
  const [text, onText] = useListText(clients, setClients);
  const [removed, setRemoved] = useState<RemovedTills | null>(null);
  const titleId = useId();
  const listId = useId();
  const countId = useId();
  const wrong = clientListProblems(clients);
  const undoable = removed !== null && clients.length === 0;
  const [detailsOpened, setDetailsOpened] = useState(false);
  const detailsTyped = Object.values(tillDetails).some((value) => value !== '');

  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h3 id={titleId} className="subsection__title">
        {t('wizard.sections.clients')}
      </h3>
      <p className="muted">{sandbox ? t('clients.generateHint') : t('clients.typedOnly')}</p>
      <p id={countId} className={`count${clients.length >= MAX_CLIENTS ? ' count--full' : ''}`}>
        {t('clients.count', { count: clients.length, max: MAX_CLIENTS })}
      </p>
      <TextField
        label={t('clients.listLabel')}
        hint={t('clients.listHint')}
        rows={5}
        value={text}
        onChange={onText}
        mono
        spellCheck={false}
        error={problems.clients === 'clientsMissing' ? problemText(t, 'clientsMissing') : null}
        showError={showErrors}
      />
      {wrong.length > 0 && (
        <div className="callout callout--danger" role="alert">
          <p>{t('clients.wrongTitle', { count: wrong.length })}</p>
          <ul>
            {wrong.map((entry, index) => (
              <li key={`${entry.serial}-${index}`}>
                <code>{entry.serial}</code> – {serialProblemText(t, entry)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {problems.clients === 'clientsTooMany' && (
        <p className="field__error" role="alert">
          {problemText(t, 'clientsTooMany')}
        </p>
      )}
      <div className="clients-entry">
        <AddOneTill />
        {sandbox && <GenerateTills />}
      </div>
      {elsewhere.length > 0 && (
        <div className="callout callout--warning" role="status">
          <p>{t('clients.elsewhereTitle', { count: elsewhere.length })}</p>
          <ul>
            {elsewhere.map((entry) => (
              <li key={entry.serialNumber}>{t('clients.elsewhereItem', { serial: entry.serialNumber, store: entry.usedBy.map((use) => use.storeName).join(', ') })}</li>
            ))}
          </ul>
        </div>
      )}
      {clients.length > 0 && (
        <>
          <ul className="client-list" id={listId} aria-label={t('clients.listAria')} aria-describedby={countId}>
            {clients.map((client, index) => (
              <TillRow key={`${client}-${index}`} serial={client} showErrors={showErrors} />
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="button" onClick={() => setRemoved(clearClients())}>
              {t('clients.removeAll')}
            </button>
          </div>
        </>
      )}
      <div className="actions" role="status">
        {undoable && (
          <>
            <span>{t('clients.removedAll', { count: removed.clients.length })}</span>
            <button
              type="button"
              className="button"
              onClick={() => {
                restoreClients(removed);
                setRemoved(null);
              }}
            >
              {t('clients.undo')}
            </button>
          </>
        )}
      </div>
      <details className="subsection" open={detailsOpened || !sandbox || detailsTyped || undefined} onToggle={(event) => setDetailsOpened(event.currentTarget.open)}>
        <summary className="subsection__title">
          {t('clients.detailsTitle')}
        </summary>
        <p className="muted">{t('clients.detailsHint')}</p>
        <TillDetailsFields value={tillDetails} onChange={updateTillDetails} showErrors={showErrors} />
      </details>
      {showErrors && problems.tillDetails && (
        <p className="field__error" role="alert">
          {problemText(t, problems.tillDetails)}
        </p>
      )}
    </section>
  );
}

/** One serial typed on its own; what is wrong with it is said once, at the field. */
function AddOneTill() {
  const { t } = useTranslation('sign-de');
  const clients = useApp((state) => state.wizard.draft.clients);
  const setClients = useApp((state) => state.setClients);
  const [serial, setSerial] = useState('');
  const [tried, setTried] = useState(false);
  const typed = serial.trim();
  const problem: SerialProblem | null = serialProblem(typed, clients);
  // "Empty" is only news after an attempt; everything else shows as it is typed.
  const shown = problem === 'empty' && !tried ? null : problem;

  const add = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem) return;
    setClients([...clients, typed]);
    setSerial('');
    setTried(false);
  };

  return (
    <form className="form form--inline" onSubmit={add} noValidate>
      <TextField
        label={t('clients.serialLabel')}
        hint={t('clients.serialHint', { length: SERIAL_MAX_LENGTH })}
        value={serial}
        onChange={(value) => {
          setSerial(value);
          setTried(false);
        }}
        mono
        spellCheck={false}
        error={shown ? serialProblemText(t, { serial: typed, problem: shown, twin: caseTwin(typed, clients) }) : null}
        showError
      />
      <div className="form__actions">
        <button type="submit" className="button">
          {t('clients.addButton')}
        </button>
      </div>
    </form>
  );
}

/** Sandbox only: serials no other store has. */
function GenerateTills() {
  const { t } = useTranslation('sign-de');
  const clients = useApp((state) => state.wizard.draft.clients);
  const generateSerials = useApp((state) => state.generateSerials);
  const [count, setCount] = useState('1');
  const [added, setAdded] = useState<number | null>(null);

  const generate = (event: FormEvent) => {
    event.preventDefault();
    const wanted = Number(count);
    if (!Number.isInteger(wanted) || wanted < 1) return;
    setAdded(generateSerials(Math.min(wanted, MAX_CLIENTS - clients.length)).added.length);
  };

  return (
    <form className="form form--inline" onSubmit={generate} noValidate>
      <TextField label={t('clients.generateLabel')} value={count} onChange={setCount} inputMode="numeric" maxLength={3} />
      <div className="form__actions">
        <button type="submit" className="button">
          {t('clients.generateButton')}
        </button>
      </div>
      <p className="saved" role="status">
        {added !== null && t('clients.added', { count: added })}
      </p>
    </form>
  );
}

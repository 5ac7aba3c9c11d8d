import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CLIENTS } from '../../../../../preload/contract/sign-de/store-rules';
import type { DuplicateSerial } from '../../../../../preload/contract/sign-de/store-record';
import { TextField } from '../../../ui/TextField';
import { type RejectedSerial, SERIAL_MAX_LENGTH, serialProblem } from './client-list';
import { useApp } from '../../../state/store-context';
import type { StepProblems } from './wizard-rules';
import { problemText as wizardProblemText } from './problem-text';
import { TillDetailsFields } from '../master-data/TillDetailsFields';
import { TillRow } from './TillRow';

/** No warning: one constant, so the store selector keeps its identity. */
const NONE: readonly DuplicateSerial[] = [];

/**
 * The store's POS clients: typed one by one or pasted as a list (generated only in the sandbox), checked as
 * they come, n/199; their notification details typed once for all tills, and per till only where it differs.
 */
export function ClientsStep({ problems, showErrors }: { problems: StepProblems; showErrors: boolean }) {
  const { t } = useTranslation('sign-de');
  const clients = useApp((state) => state.wizard.draft.clients);
  const addClientList = useApp((state) => state.addClientList);
  const clearClients = useApp((state) => state.clearClients);
  const generateSerials = useApp((state) => state.generateSerials);
  const sandbox = useApp((state) => state.settings?.environment === 'sandbox');
  const tillDetails = useApp((state) => state.wizard.draft.tillDetails);
  const updateTillDetails = useApp((state) => state.updateTillDetails);
  const elsewhere = useApp((state) => state.wizard.elsewhere ?? NONE);
  const [generateCount, setGenerateCount] = useState('1');
  const detailsId = useId();
  const [serial, setSerial] = useState('');
  const [list, setList] = useState('');
  const [rejected, setRejected] = useState<RejectedSerial[]>([]);
  const [added, setAdded] = useState<number | null>(null);
  const listId = useId();
  const countId = useId();
  const rejectedId = useId();

  const typed = serial.trim();
  const typedProblem = typed === '' ? null : serialProblem(typed, clients);
  const problemText = (problem: RejectedSerial['problem']) => t(`clients.problems.${problem}`, { max: MAX_CLIENTS, length: SERIAL_MAX_LENGTH });

  const addOne = (event: FormEvent) => {
    event.preventDefault();
    const problem = serialProblem(typed, clients);
    if (problem) {
      setRejected([{ serial: typed, problem }]);
      setAdded(null);
      return;
    }
    const change = addClientList(typed);
    setRejected(change.rejected);
    setAdded(change.added.length);
    setSerial('');
  };

  const addList = (event: FormEvent) => {
    event.preventDefault();
    const change = addClientList(list);
    setRejected(change.rejected);
    setAdded(change.added.length);
    // What was refused stays in the field, to be corrected; the rest is in the list now.
    setList(change.rejected.map((entry) => entry.serial).join('\n'));
  };

  const generate = (event: FormEvent) => {
    event.preventDefault();
    const count = Number(generateCount);
    if (!Number.isInteger(count) || count < 1) return;
    const change = generateSerials(Math.min(count, MAX_CLIENTS - clients.length));
    setRejected(change.rejected);
    setAdded(change.added.length);
  };

  return (
    <div className="step-body">
      <p>{t('clients.intro')}</p>
      <p className="muted">{sandbox ? t('clients.generateHint') : t('clients.typedOnly')}</p>
      <p id={countId} className={`count${clients.length >= MAX_CLIENTS ? ' count--full' : ''}`}>
        {t('clients.count', { count: clients.length, max: MAX_CLIENTS })}
      </p>
      <div className="clients-entry">
        <form className="form form--inline" onSubmit={addOne} noValidate>
          <TextField
            label={t('clients.serialLabel')}
            hint={t('clients.serialHint', { length: SERIAL_MAX_LENGTH })}
            value={serial}
            onChange={setSerial}
            mono
            spellCheck={false}
            error={typedProblem && typedProblem !== 'empty' ? problemText(typedProblem) : null}
            showError
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {t('clients.addButton')}
            </button>
          </div>
        </form>
        <form className="form" onSubmit={addList} noValidate>
          <TextField label={t('clients.listLabel')} hint={t('clients.listHint')} rows={5} value={list} onChange={setList} mono spellCheck={false} />
          <div className="form__actions">
            <button type="submit" className="button">
              {t('clients.addListButton')}
            </button>
          </div>
        </form>
        {sandbox && (
          <form className="form form--inline" onSubmit={generate} noValidate>
            <TextField label={t('clients.generateLabel')} value={generateCount} onChange={setGenerateCount} inputMode="numeric" maxLength={3} />
            <div className="form__actions">
              <button type="submit" className="button">
                {t('clients.generateButton')}
              </button>
            </div>
          </form>
        )}
      </div>
      <p className="saved" role="status">
        {added !== null && t('clients.added', { count: added })}
      </p>
      {rejected.length > 0 && (
        <div id={rejectedId} className="callout callout--danger" role="alert">
          <p>{t('clients.rejectedTitle', { count: rejected.length })}</p>
          <ul>
            {rejected.map((entry, index) => (
              <li key={`${entry.serial}-${index}`}>
                <code>{entry.serial}</code> – {problemText(entry.problem)}
              </li>
            ))}
          </ul>
        </div>
      )}
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
      {showErrors && problems.clients && (
        <p className="field__error" role="alert">
          {wizardProblemText(t, problems.clients)}
        </p>
      )}
      {clients.length > 0 && (
        <>
          <ul className="client-list" id={listId} aria-label={t('clients.listAria')} aria-describedby={countId}>
            {clients.map((client) => (
              <TillRow key={client} serial={client} showErrors={showErrors} />
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="button" onClick={clearClients}>
              {t('clients.removeAll')}
            </button>
          </div>
        </>
      )}
      <section className="subsection" aria-labelledby={detailsId}>
        <h3 id={detailsId} className="subsection__title">
          {t('clients.detailsTitle')}
        </h3>
        <p className="muted">{t('clients.detailsHint')}</p>
        <TillDetailsFields value={tillDetails} onChange={updateTillDetails} showErrors={showErrors} />
      </section>
      {showErrors && problems.tillDetails && (
        <p className="field__error" role="alert">
          {wizardProblemText(t, problems.tillDetails)}
        </p>
      )}
    </div>
  );
}


import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CLIENTS } from '../../../../../preload/contract/sign-de/store-rules';
import { TextField } from '../../../ui/TextField';
import { type RejectedSerial, SERIAL_MAX_LENGTH, serialProblem } from './client-list';
import { useApp } from '../../../state/store-context';
import type { StepProblems } from './wizard-rules';
import { problemText as wizardProblemText } from './problem-text';

/** The store's POS clients: typed one by one or pasted as a list, checked as they come, n/199. */
export function ClientsStep({ problems, showErrors }: { problems: StepProblems; showErrors: boolean }) {
  const { t } = useTranslation('sign-de');
  const clients = useApp((state) => state.wizard.draft.clients);
  const addClientList = useApp((state) => state.addClientList);
  const removeClient = useApp((state) => state.removeClient);
  const clearClients = useApp((state) => state.clearClients);
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

  return (
    <div className="step-body">
      <p>{t('clients.intro')}</p>
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
      {showErrors && problems.clients && (
        <p className="field__error" role="alert">
          {wizardProblemText(t, problems.clients)}
        </p>
      )}
      {clients.length > 0 && (
        <>
          <ul className="client-list" id={listId} aria-label={t('clients.listAria')} aria-describedby={countId}>
            {clients.map((client) => (
              <li key={client} className="client-list__item">
                <code>{client}</code>
                <button type="button" className="button button--small" aria-label={`${t('clients.remove')}: ${client}`} onClick={() => removeClient(client)}>
                  {t('clients.remove')}
                </button>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="button" onClick={clearClients}>
              {t('clients.removeAll')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

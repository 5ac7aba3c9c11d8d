import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewPinFields } from '../wizard/NewPinFields';
import { ActionError } from '../../../ui/ActionError';
import { PassphraseConfirmDialog } from '../../../ui/PassphraseConfirmDialog';
import { storeNameOf } from '../overview/overview-slice';
import { unfinishedStatuses } from '../stores/stores-slice';
import { useApp } from '../../../state/store-context';
import { type PinMode, emptyDraft, stepProblems } from '../wizard/wizard-rules';

/**
 * Sets a new admin PIN with the stored PUK (online), generated or the technician's own, after the vault
 * passphrase that main checks. The chosen PIN stays in this form until main took it.
 */
export function UnblockPin({ tssId }: { tssId: string }) {
  const { t } = useTranslation('sign-de');
  const unblockPin = useApp((state) => state.unblockPin);
  const busy = useApp((state) => state.busy.unblockPin === true);
  const unblocked = useApp((state) => state.recovery.unblockedTssId === tssId);
  const runs = useApp((state) => state.runs);
  const resumeRun = useApp((state) => state.resumeRun);
  const [mode, setMode] = useState<PinMode>('generate');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const [asking, setAsking] = useState(false);
  const storeName = useApp((state) => storeNameOf(state, tssId));
  const problems = stepProblems('pin', { ...emptyDraft, pinMode: mode, adminPin: pin, adminPinRepeat: repeat }, { environment: null, organizations: null, vault: null, runPhase: 'idle' });
  const stopped = runs?.find((run) => run.tssId === tssId && unfinishedStatuses.includes(run.status) && run.status !== 'running');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length > 0 || busy) return;
    setAsking(true);
  };

  const unblockWith = async (passphrase: string) => {
    const done = await unblockPin(mode === 'own' ? pin : undefined, passphrase);
    if (done) {
      setAsking(false);
      setPin('');
      setRepeat('');
      setTried(false);
    }
    return done;
  };

  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <p>{t('recovery.unblockIntro')}</p>
        <NewPinFields
          legend={t('recovery.newPinLegend')}
          mode={mode}
          pin={pin}
          repeat={repeat}
          onMode={setMode}
          onPin={setPin}
          onRepeat={setRepeat}
          problems={problems}
          showErrors={tried}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t('common.working') : t('recovery.unblockButton')}
          </button>
        </div>
        {/* While the passphrase dialog is open it shows the error itself, where the passphrase was typed. */}
        <ActionError operations={['unblockPin']} hidden={asking} />
        <p className="saved" role="status">
          {unblocked && t('recovery.unblocked')}
        </p>
        {unblocked && stopped && (
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => void resumeRun(stopped.runId)}>
              {t('recovery.resumeRun')}
            </button>
          </div>
        )}
      </form>
      <PassphraseConfirmDialog
        open={asking}
        title={t('passphraseConfirm.unblockTitle')}
        body={<p>{t('passphraseConfirm.unblockBody', { name: storeName ?? tssId })}</p>}
        confirmLabel={t('passphraseConfirm.unblockConfirm')}
        operation="unblockPin"
        onPassphrase={unblockWith}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}

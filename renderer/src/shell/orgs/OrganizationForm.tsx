import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../../preload/contract/core/organizations';
import { useApp } from '../../state/store-context';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';

type OrgEnvironment = 'test' | 'live';

/**
 * Adds a fiskaly organization's API credentials. The secret is a password field, lives only in this
 * form while typed, and is cleared as soon as it was sent (saved or not).
 */
export function OrganizationForm({ environment: preset, onSaved }: { environment?: OrgEnvironment; onSaved?(organization: Organization): void }) {
  const { t } = useTranslation();
  const saveOrg = useApp((state) => state.saveOrg);
  const busy = useApp((state) => state.busy.saveOrg === true);
  const [environment, setEnvironment] = useState<OrgEnvironment>(preset ?? 'test');
  const [label, setLabel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [apiSecret, setApiSecret] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<Organization | null>(null);

  const problems = {
    label: label.trim() === '' ? t('orgs.labelMissing') : label.trim().length > 100 ? t('orgs.labelTooLong') : null,
    apiKey: apiKey.trim() === '' ? t('orgs.apiKeyMissing') : null,
    apiSecret: apiSecret === '' ? t('orgs.apiSecretMissing') : null,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSaved(null);
    if (busy || problems.label || problems.apiKey || problems.apiSecret) return;
    const secret = apiSecret;
    setApiSecret('');
    const organization = await saveOrg({ environment, label: label.trim(), apiKey: apiKey.trim(), apiSecret: secret });
    if (!organization) return;
    setLabel('');
    setApiKey('');
    setTried(false);
    setSaved(organization);
    onSaved?.(organization);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <SelectField
        label={t('orgs.environmentLabel')}
        value={environment}
        onChange={(value) => setEnvironment(value === 'live' ? 'live' : 'test')}
        options={[
          { value: 'test', label: t('environment.names.test') },
          { value: 'live', label: t('environment.names.live') },
        ]}
        hint={t('orgs.environmentHint')}
      />
      <TextField label={t('orgs.labelLabel')} hint={t('orgs.labelHint')} value={label} onChange={setLabel} error={problems.label} showError={tried} maxLength={100} />
      <TextField label={t('orgs.apiKeyLabel')} value={apiKey} onChange={setApiKey} error={problems.apiKey} showError={tried} mono spellCheck={false} maxLength={200} />
      <TextField
        label={t('orgs.apiSecretLabel')}
        hint={t('orgs.apiSecretHint')}
        type="password"
        autoComplete="new-password"
        value={apiSecret}
        onChange={setApiSecret}
        error={problems.apiSecret}
        showError={tried}
        mono
        maxLength={500}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy ? t('common.working') : t('orgs.saveButton')}
        </button>
      </div>
      <p className="saved" role="status">
        {saved && t('orgs.saved', { label: saved.label })}
      </p>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CredentialsCheck, PRODUCTS, type ProductId, SCOPE_ID_PATTERN, isProductId, productIds } from '../../../../preload/contract/core/products';
import type { Organization } from '../../../../preload/contract/core/organizations';
import type { Result } from '../../../../preload/contract/core/result';
import { useApp } from '../../state/store-context';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { checkAccepted, checkRefused } from './check-text';

type OrgEnvironment = 'test' | 'live';

interface OrganizationFormProps {
  environment?: OrgEnvironment;
  onSaved?(organization: Organization): void;
  /** Home: a product choice and a Check button for a key and secret of any fiskaly product. */
  checks?: boolean;
}

/**
 * Adds a fiskaly organization's API credentials and, on Home, checks a key and secret of any fiskaly product.
 * The secret is a password field, lives only in this form while typed, and is cleared as soon as it was sent
 * to be saved (saved or not); a check keeps it, so the credentials can be saved after it.
 */
export function OrganizationForm({ environment: preset, onSaved, checks = false }: OrganizationFormProps) {
  const { t, i18n } = useTranslation();
  const saveOrg = useApp((state) => state.saveOrg);
  const checkOrg = useApp((state) => state.checkOrg);
  const busy = useApp((state) => state.busy.saveOrg === true);
  const [product, setProduct] = useState<ProductId>('sign-de');
  const [environment, setEnvironment] = useState<OrgEnvironment>(preset ?? 'test');
  const [label, setLabel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [apiSecret, setApiSecret] = useState('');
  const [scope, setScope] = useState('');
  const [tried, setTried] = useState(false);
  const [checkTried, setCheckTried] = useState(false);
  const [saved, setSaved] = useState<Organization | null>(null);
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<Result<CredentialsCheck> | null>(null);
  const scoped = PRODUCTS[product].scoped;
  const storable = product === 'sign-de';

  const problems = {
    label: label.trim() === '' ? t('orgs.labelMissing') : label.trim().length > 100 ? t('orgs.labelTooLong') : null,
    apiKey: apiKey.trim() === '' ? t('orgs.apiKeyMissing') : null,
    apiSecret: apiSecret === '' ? t('orgs.apiSecretMissing') : null,
    scope: scoped && scope.trim() !== '' && !SCOPE_ID_PATTERN.test(scope.trim()) ? t('orgs.scopeInvalid') : null,
  };

  /** A change to what was checked makes the last check's answer stale. */
  const edit =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setCheck(null);
    };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSaved(null);
    if (!storable || busy || problems.label || problems.apiKey || problems.apiSecret) return;
    const secret = apiSecret;
    setApiSecret('');
    setCheck(null);
    const organization = await saveOrg({ environment, label: label.trim(), apiKey: apiKey.trim(), apiSecret: secret });
    if (!organization) return;
    setLabel('');
    setApiKey('');
    setTried(false);
    setCheckTried(false);
    setSaved(organization);
    onSaved?.(organization);
  };

  const runCheck = async () => {
    setCheckTried(true);
    setCheck(null);
    if (checking || problems.apiKey || problems.apiSecret || problems.scope) return;
    setChecking(true);
    const unit = scoped ? scope.trim() : '';
    setCheck(await checkOrg({ product, environment, apiKey: apiKey.trim(), apiSecret, ...(unit ? { scope: unit } : {}) }));
    setChecking(false);
  };

  const showErrors = tried || checkTried;

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {checks && (
        <SelectField
          label={t('orgs.productLabel')}
          value={product}
          onChange={edit((value: string) => setProduct(isProductId(value) ? value : 'sign-de'))}
          options={productIds.map((id) => ({ value: id, label: PRODUCTS[id].label }))}
          hint={t('orgs.productHint')}
        />
      )}
      <SelectField
        label={t('orgs.environmentLabel')}
        value={environment}
        onChange={edit((value: string) => setEnvironment(value === 'live' ? 'live' : 'test'))}
        options={[
          { value: 'test', label: t('environment.names.test') },
          { value: 'live', label: t('environment.names.live') },
        ]}
        hint={t('orgs.environmentHint')}
      />
      {storable && (
        <TextField label={t('orgs.labelLabel')} hint={t('orgs.labelHint')} value={label} onChange={setLabel} error={problems.label} showError={tried} maxLength={100} />
      )}
      <TextField label={t('orgs.apiKeyLabel')} value={apiKey} onChange={edit(setApiKey)} error={problems.apiKey} showError={showErrors} mono spellCheck={false} maxLength={200} />
      <TextField
        label={t('orgs.apiSecretLabel')}
        hint={t('orgs.apiSecretHint')}
        type="password"
        autoComplete="new-password"
        value={apiSecret}
        onChange={edit(setApiSecret)}
        error={problems.apiSecret}
        showError={showErrors}
        mono
        maxLength={500}
      />
      {scoped && (
        <TextField label={t('orgs.scopeLabel')} hint={t('orgs.scopeHint')} value={scope} onChange={edit(setScope)} error={problems.scope} showError={showErrors} mono spellCheck={false} maxLength={128} />
      )}
      <div className="form__actions">
        {checks && (
          <button type="button" className="button" aria-disabled={checking || undefined} onClick={() => void runCheck()}>
            {checking ? t('common.working') : t('orgs.checkButton')}
          </button>
        )}
        {storable && (
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t('common.working') : t('orgs.saveButton')}
          </button>
        )}
      </div>
      {!storable && <p className="muted">{t('orgs.saveOnlySignDe')}</p>}
      {checks &&
        (check?.ok === false ? (
          <p className="field__error" role="alert" data-testid="org-check">
            {checkRefused(t, check.error)}
          </p>
        ) : (
          <p className="saved" role="status" data-testid="org-check">
            {check?.ok && checkAccepted(t, check.value, environment, i18n.language)}
          </p>
        ))}
      <p className="saved" role="status">
        {saved && t('orgs.saved', { label: saved.label })}
      </p>
    </form>
  );
}

import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { SelectField } from '../../../ui/SelectField';
import { useApp } from '../../../state/store-context';
import { useShellParts } from '../../../ui/shell-parts';
import { type VaultNeed, vaultNeed } from '../../../state/vault-need';
import { useFocusOnChange } from '../../../ui/use-focus-on-change';
import { type StepProblems, organizationsFor } from './wizard-rules';
import { problemText } from './problem-text';

/** Where the store is provisioned: the environment and, for fiskaly, the organization's credentials. */
export function ConnectStep({ problems, showErrors }: { problems: StepProblems; showErrors: boolean }) {
  const { t } = useTranslation('sign-de');
  const { EnvironmentChoice, OrganizationForm, VaultCard } = useShellParts();
  const environment = useApp((state) => state.settings?.environment ?? null);
  const organizations = useApp((state) => state.organizations);
  const organizationId = useApp((state) => state.wizard.draft.organizationId);
  const vault = useApp((state) => state.vault);
  const updateDraft = useApp((state) => state.updateDraft);
  const candidates = organizationsFor(organizations, environment);
  const only = candidates.length === 1 ? candidates[0]!.id : null;
  const chosenFits = candidates.some((organization) => organization.id === organizationId);
  const titleId = useId();
  // The vault card (and its focused button) goes away once the vault is ready: its section keeps the focus.
  const heading = useFocusOnChange<VaultNeed, HTMLHeadingElement>(vaultNeed(vault), vaultBecameReady);

  // One organization for this environment: it is the one.
  useEffect(() => {
    if (only && !chosenFits) updateDraft({ organizationId: only });
  }, [only, chosenFits, updateDraft]);

  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h3 id={titleId} className="subsection__title" ref={heading} tabIndex={-1}>
        {t('wizard.sections.connect')}
      </h3>
      <p className="muted">{t('wizard.connect.intro')}</p>
      <ErrorNotices areas={['vault', 'orgs']} />
      <EnvironmentChoice className="" />
      {environment === 'sandbox' && <p className="callout">{t('wizard.connect.sandboxNoOrg')}</p>}
      {environment !== null && environment !== 'sandbox' && (
        <>
          {candidates.length > 0 && (
            <SelectField
              label={t('wizard.connect.organizationLabel')}
              hint={t('wizard.connect.organizationHint')}
              placeholder={t('wizard.connect.organizationPlaceholder')}
              value={organizationId ?? ''}
              onChange={(value) => updateDraft({ organizationId: value || null })}
              options={candidates.map((organization) => ({ value: organization.id, label: `${organization.label} (${organization.apiKeyHint}…)` }))}
              error={showErrors && problems.organization ? problemText(t, problems.organization) : null}
            />
          )}
          {candidates.length === 0 && (
            <div className="subsection">
              <p className="callout">{organizations === null ? t('common.loading') : t('wizard.connect.noOrganization', { environment: t(`environment.names.${environment}`) })}</p>
              <OrganizationForm key={environment} environment={environment} onSaved={(organization) => updateDraft({ organizationId: organization.id })} />
            </div>
          )}
        </>
      )}
      {vaultNeed(vault) !== null && <VaultCard showExport={false} level={3} errorAreas={[]} />}
    </section>
  );
}

const vaultBecameReady = (before: VaultNeed, after: VaultNeed): boolean => before !== null && after === null;

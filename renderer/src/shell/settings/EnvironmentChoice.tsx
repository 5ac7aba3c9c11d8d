import { useTranslation } from 'react-i18next';
import type { EnvironmentId } from '../../../../preload/contract/core/settings';
import { environmentOrder } from './settings-values';
import { useApp } from '../../state/store-context';
import { ChoiceGroup } from '../../ui/ChoiceGroup';

/**
 * Sandbox, fiskaly TEST or fiskaly LIVE, saved through the settings at once (LIVE after its
 * confirmation dialog), so the badge in the header always says where calls go.
 */
export function EnvironmentChoice({ className = 'card' }: { className?: string }) {
  const { t } = useTranslation();
  const environment = useApp((state) => state.settings?.environment ?? null);
  const requestEnvironment = useApp((state) => state.requestEnvironment);
  if (environment === null) return null;
  return (
    <ChoiceGroup<EnvironmentId>
      className={className}
      legend={t('settings.environmentLegend')}
      hint={t('settings.environmentHint')}
      value={environment}
      choices={environmentOrder.map((id) => ({
        value: id,
        label: t(`environment.names.${id}`),
        description: t(`environment.descriptions.${id}`),
      }))}
      optionClass={(id) => `choice__option--${id}`}
      onChange={(id) => void requestEnvironment(id)}
    />
  );
}

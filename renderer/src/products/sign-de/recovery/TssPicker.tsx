import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from '../../../ui/ChoiceGroup';
import { useApp } from '../../../state/store-context';

/** The TSS the vault knows (read from its labels, so this works offline and locked). */
export function TssPicker() {
  const { t } = useTranslation('sign-de');
  const known = useApp((state) => state.knownTss);
  const selected = useApp((state) => state.recovery.tssId);
  const selectRecoveryTss = useApp((state) => state.selectRecoveryTss);

  if (known === null) return <p className="muted">{t('common.loading')}</p>;
  if (known.length === 0) return <p className="muted">{t('recovery.noneKnown')}</p>;
  return (
    <ChoiceGroup<string>
      legend={t('recovery.knownLegend')}
      value={selected}
      onChange={(tssId) => selectRecoveryTss(tssId)}
      choices={known.map((entry) => ({
        value: entry.tssId,
        label: entry.storeName || t('stores.unnamed'),
        description: t('recovery.knownDescription', {
          environment: t(`environment.names.${entry.environment}`),
          tssId: entry.tssId,
          puk: entry.hasPuk ? t('common.yes') : t('common.no'),
          pin: entry.hasPin ? t('common.yes') : t('common.no'),
        }),
      }))}
    />
  );
}

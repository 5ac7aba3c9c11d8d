import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store-context';

/**
 * Always visible in the header: which environment calls go to. Named "Environment: …" for assistive
 * technology (role=status takes its name only from aria-label); LIVE is red, the sandbox says Training.
 */
export function EnvironmentBadge() {
  const { t } = useTranslation();
  const environment = useApp((state) => state.settings?.environment);
  const name = environment ? t(`environment.names.${environment}`) : t('environment.unknown');

  return (
    <div
      role="status"
      aria-label={t('environment.badgeLabel', { name })}
      className={`env-badge env-badge--${environment ?? 'unknown'}`}
      data-testid="environment-badge"
      data-environment={environment ?? 'unknown'}
    >
      <span className="env-badge__name">{name}</span>
      {environment && <span className="env-badge__note">{t(`environment.badgeNotes.${environment}`)}</span>}
    </div>
  );
}

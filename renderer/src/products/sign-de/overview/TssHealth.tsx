import { useTranslation } from 'react-i18next';
import { berlinDate, berlinDateTime } from '../../../../../preload/contract/sign-de/german-format';
import type { TssOverview } from '../../../../../preload/contract/sign-de/tss';
import { useApp } from '../../../state/store-context';

/**
 * What needs the technician's attention on a TSS, above its facts: a blocked admin PIN (with the way to the
 * PUK recovery) and a certificate that expires soon.
 */
export function TssHealth({ overview }: { overview: TssOverview }) {
  const { t } = useTranslation('sign-de');
  const openRecovery = useApp((state) => state.openRecovery);
  const blockedSince = overview.adminPinBlockedSince ?? null;
  const certificate = overview.certificate ?? null;
  return (
    <>
      {blockedSince && (
        <div className="notice notice--error" role="alert" data-testid="pin-blocked">
          <span className="notice__title">{t('tssHealth.pinBlockedTitle')}</span>
          <span>{t('tssHealth.pinBlocked', { date: berlinDateTime(blockedSince) })}</span>
          <div className="notice__actions">
            <button type="button" className="button button--primary" onClick={() => openRecovery(overview.tssId, 'blocked')}>
              {t('tssHealth.toRecovery')}
            </button>
          </div>
        </div>
      )}
      {certificate?.warning && (
        <div className="notice notice--error" role="status" data-testid="certificate-warning">
          <span className="notice__title">{t('tssHealth.certificateWarningTitle')}</span>
          <span>{t('tssHealth.certificateWarning', { date: berlinDate(certificate.notAfter) })}</span>
        </div>
      )}
    </>
  );
}

/** The certificate's end of validity as a fact line of the TSS card. */
export function CertificateFact({ overview }: { overview: TssOverview }) {
  const { t } = useTranslation('sign-de');
  const certificate = overview.certificate ?? null;
  const date = certificate ? berlinDate(certificate.notAfter) : null;
  return (
    <>
      <dt>{t('tssHealth.certificate')}</dt>
      <dd>
        {!certificate || !date
          ? t('tssHealth.certificateNone')
          : certificate.daysLeft < 0
            ? t('tssHealth.certificateExpired', { date })
            : t('tssHealth.certificateDays', { date, count: certificate.daysLeft })}
      </dd>
    </>
  );
}

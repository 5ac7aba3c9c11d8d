import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptCheck, ReceiptVerification } from '../../../../../preload/contract/sign-de/receipt';

const checkNames = ['format', 'algorithm', 'log-time-format', 'public-key', 'serial-number', 'start-time', 'signature'] as const;
type KnownCheck = (typeof checkNames)[number];
const isKnownCheck = (name: string): name is KnownCheck => (checkNames as readonly string[]).includes(name);

/** receipt:verify's answer: valid or not, and every check it made. */
export function VerificationBadge({ verification, busy, onRecheck }: { verification: ReceiptVerification | null; busy: boolean; onRecheck(): void }) {
  const { t } = useTranslation('sign-de');
  const titleId = useId();
  return (
    <section className="verification" aria-labelledby={titleId}>
      <h3 id={titleId} className="subsection__title">
        {t('verify.title')}
      </h3>
      {verification === null ? (
        <p className="muted" role="status">
          {busy ? t('verify.checking') : t('verify.notChecked')}
        </p>
      ) : (
        <>
          <p className={`badge badge--${verification.valid ? 'valid' : 'invalid'}`} role="status">
            <span aria-hidden="true">{verification.valid ? '✓' : '✕'}</span> {verification.valid ? t('verify.valid') : t('verify.invalid')}
          </p>
          {!verification.valid && <p className="callout callout--danger">{t('verify.invalidNext')}</p>}
          <ul className="checks" aria-label={t('verify.checksLabel')}>
            {verification.checks.map((check) => (
              <CheckItem key={check.name} check={check} />
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => !busy && onRecheck()}>
          {t('verify.recheck')}
        </button>
      </div>
    </section>
  );
}

function CheckItem({ check }: { check: ReceiptCheck }) {
  const { t } = useTranslation('sign-de');
  return (
    <li className={`checks__item checks__item--${check.ok ? 'ok' : 'failed'}`}>
      <span aria-hidden="true">{check.ok ? '✓' : '✕'}</span>{' '}
      <span className="checks__name">{isKnownCheck(check.name) ? t(`verify.checks.${check.name}`) : check.name}</span>
      {': '}
      <span>{check.ok ? t('verify.passed') : t('verify.failed')}</span>
      {!check.ok && check.detail && <span className="checks__detail"> ({check.detail})</span>}
    </li>
  );
}

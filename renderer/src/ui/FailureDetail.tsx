import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../preload/contract/core/result';
import { explainCode } from './error-text';

/** Why a call failed and what to do next, in the technician's language (main's message for an unknown code), with the code. */
export function FailureDetail({ error }: { error: BridgeError }) {
  const { t } = useTranslation();
  const { detail, next } = explainCode(t, error);
  return (
    <>
      <span>{detail}</span>
      {next && <span>{next}</span>}
      <span className="notice__code">
        {t('errors.codeLabel')} <code>{error.code}</code>
      </span>
    </>
  );
}

import type { TFunction } from 'i18next';
import { type CredentialsCheck, PRODUCTS } from '../../../../preload/contract/core/products';
import type { BridgeError } from '../../../../preload/contract/core/result';
import { unixDateTimeIn } from '../../../../preload/contract/core/date-time';
import { explainCode } from '../../ui/error-text';

/** What a credentials check found, in words; a key of the other environment than the chosen one is pointed out. */
export function checkAccepted(t: TFunction, check: CredentialsCheck, chosen: 'test' | 'live', locale: string): string {
  const environment = check.environment === null ? t('orgs.checkUnknown') : t(`environment.names.${check.environment === 'LIVE' ? 'live' : 'test'}`);
  const expires = unixDateTimeIn(Date.parse(check.expiresAt) / 1000, locale) ?? check.expiresAt;
  const accepted = t('orgs.checkOk', { product: PRODUCTS[check.product].label, environment, organization: check.organizationId ?? t('orgs.checkUnknown'), expires });
  const other = check.environment !== null && check.environment.toLowerCase() !== chosen;
  return other ? `${accepted} ${t('orgs.checkOtherEnvironment', { actual: environment, chosen: t(`environment.names.${chosen}`) })}` : accepted;
}

/** Why a check failed, in plain language (the translation for a known code, else main's own message). */
export function checkRefused(t: TFunction, error: BridgeError): string {
  return t('orgs.checkFailed', { reason: explainCode(t, error).detail });
}

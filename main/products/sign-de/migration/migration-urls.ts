import { AppError } from '../../../core/errors';
import { FISKALY_SIGN_DE_V1_URL, v1UrlBeside } from '../api-v1/base-url';

const trimmed = (url: string) => url.replace(/\/+$/, '');

/**
 * The V1 address a page may name for TEST or LIVE: fiskaly's V1 host, or /api/v1 beside the V2 host the app
 * uses (ODOO's form; VERIFY which one serves V1). Nothing else: the organization's key goes there.
 */
export function allowedV1Url(requested: string, v2Url: string): string {
  const allowed = [FISKALY_SIGN_DE_V1_URL, v1UrlBeside(v2Url)].map(trimmed);
  if (allowed.includes(trimmed(requested))) return trimmed(requested);
  throw new AppError('E_MIGRATION_V1_URL_REFUSED', `SIGN DE V1 is reached at ${allowed.join(' or ')}, not at ${requested}. Nothing was changed.`);
}

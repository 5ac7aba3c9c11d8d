/**
 * Where V1 answers: fiskaly's SDKs, MEWS, XENTRAL and the migration guide all use this host. ODOO builds
 * `{kassensichv_url}/api/v1` on the V2 middleware host instead (VERIFY that host serves V1; and whether
 * kassensichv.io still serves /api/v1 at all). So the V1 address is a setting of the wizard; this is its default.
 */
export const FISKALY_SIGN_DE_V1_URL = 'https://kassensichv.io/api/v1';

/** The V1 base beside a V2 base on the same host (the built-in sandbox serves both): `/api/v2` → `/api/v1`. */
export function v1UrlBeside(v2BaseUrl: string): string {
  const trimmed = v2BaseUrl.replace(/\/+$/, '');
  if (!/\/api\/v2$/.test(trimmed)) throw new Error(`not a V2 base URL (…/api/v2): ${trimmed}`);
  return `${trimmed.slice(0, -'/api/v2'.length)}/api/v1`;
}

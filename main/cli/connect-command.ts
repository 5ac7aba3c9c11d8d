import { isUnauthorized } from '../core/session/api-call-error';
import { checkCredentials } from '../core/session/check-credentials';
import { type CredentialsCheck, PRODUCTS, type ProductId, SCOPE_ID_PATTERN, isProductId, productIds } from '../../preload/contract/core/products';
import { printable } from './arguments';
import { MISSING_CREDENTIALS, SANDBOX_CREDENTIALS, checkBaseUrl, credentialsFromEnv } from './connection';
import { failureLines } from './error-report';
import { EXIT, UsageError } from './exit-codes';
import { failureJson } from './failure-output';
import type { CommandIo } from './command-io';

export const CONNECT_USAGE = `connect --product ${productIds.join('|')} [--scope UNIT_ID] (--sandbox | --base-url URL) [--json]`;

/**
 * `tss-companion connect`: logs in to one fiskaly product with FISKALY_API_KEY and FISKALY_API_SECRET (with
 * --sandbox, the built-in sandbox and its default organization when none are set) and prints the environment,
 * organization and token expiry it got, never the token. Exit 0 logged in, 3 credentials refused, 2 bad arguments.
 */
export async function connectCommand(values: { product?: string; scope?: string; sandbox?: boolean; 'base-url'?: string; json?: boolean }, io: CommandIo): Promise<number> {
  const product = values.product;
  if (!isProductId(product)) {
    throw new UsageError(`${product === undefined ? 'connect needs --product' : `--product ${product} is not known`}: one of ${productIds.join(', ')}\n  ${CONNECT_USAGE}`);
  }
  const scope = values.scope ?? null;
  if (scope !== null && !PRODUCTS[product].scoped) throw new UsageError(`--scope is for the Unified API (an organization unit); ${PRODUCTS[product].label} has none.`);
  if (scope !== null && !SCOPE_ID_PATTERN.test(scope)) throw new UsageError(`--scope takes an organization unit id (letters, digits, . _ : -), not "${scope}".`);
  if (Boolean(values.sandbox) === Boolean(values['base-url'])) throw new UsageError(`Say where to connect: --sandbox or --base-url URL (one of them).\n  ${CONNECT_USAGE}`);
  const credentials = credentialsFromEnv(io.env);
  if (values['base-url'] !== undefined) {
    if (!credentials) throw new UsageError(MISSING_CREDENTIALS);
    checkBaseUrl(values['base-url'], PRODUCTS[product].testBaseUrl);
  }

  // The built-in sandbox of the data folder (shared with the app and other commands), or the given address.
  const services = io.services();
  const baseUrl = values['base-url'] ?? (await services.productUrl(product, 'sandbox'));
  const { apiKey, apiSecret } = credentials ?? SANDBOX_CREDENTIALS;
  const apiVersion = product === 'unified' ? services.settings.unifiedApiVersion() : undefined;
  let check: CredentialsCheck;
  try {
    check = await checkCredentials({ product, apiKey, apiSecret, baseUrl, scope, apiVersion, direct: Boolean(values.sandbox) });
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
    const failure = { code: 'E_UNAUTHORIZED', message: refusedMessage(product, baseUrl), exit: EXIT.credentialsRefused };
    io.err(failureLines(failure));
    if (values.json) io.out(JSON.stringify(failureJson(failure), null, 2));
    return EXIT.credentialsRefused;
  }
  print(io, check, baseUrl, Boolean(values.sandbox), Boolean(values.json));
  return EXIT.ok;
}

function print(io: CommandIo, check: CredentialsCheck, baseUrl: string, sandbox: boolean, json: boolean): void {
  if (json) {
    io.out(JSON.stringify({ ...check, baseUrl, sandbox }, null, 2));
    return;
  }
  io.out(printable(`${PRODUCTS[check.product].label}: logged in at ${baseUrl}${sandbox ? ' (the built-in sandbox)' : ''}`));
  io.out(`environment:   ${check.environment ?? 'not named by fiskaly’s answer'}`);
  io.out(printable(`organization:  ${check.organizationId ?? 'not named by fiskaly’s answer'}`));
  if (check.scope) io.out(printable(`scope:         ${check.scope}`));
  io.out(`token expires: ${check.expiresAt}`);
}

const refusedMessage = (product: ProductId, baseUrl: string): string =>
  `fiskaly refused the API key and secret for ${PRODUCTS[product].label} at ${baseUrl} (401). Check FISKALY_API_KEY and FISKALY_API_SECRET: they must be a ${PRODUCTS[product].label} key, for TEST or LIVE as intended.`;

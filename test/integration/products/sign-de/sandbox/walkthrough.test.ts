import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANIZATION } from '../../../../../main/products/sign-de/sandbox/organizations';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { startSandbox } from '../../../../support/sandbox-api';

/**
 * fiskaly's "SIGN DE in 5 minutes" cURL walkthrough, run with the real curl against the sandbox. Only the
 * base URL, the credentials and the ids are filled in; the request bodies are the guide's own (its create
 * body even carries a "description" the API ignores). The guide skips the CREATED → UNINITIALIZED step
 * that fiskaly's V1→V2 migration guide lists as step 3; with it the run succeeds, without it the real API
 * refuses the PIN change, and so does the sandbox.
 */

const CURL = '/usr/bin/curl';
const hasCurl = existsSync(CURL);
const skipReason = hasCurl ? '' : ' (skipped: /usr/bin/curl is missing)';
const run = promisify(execFile);

interface CurlResult {
  status: number;
  body: Record<string, unknown>;
}

/** Runs curl with the guide's arguments, adding only -sS and a status line to read the answer. */
async function curl(...args: string[]): Promise<CurlResult> {
  const { stdout } = await run(CURL, ['-sS', '-w', '\n%{http_code}', ...args]);
  const cut = stdout.lastIndexOf('\n');
  const text = stdout.slice(0, cut);
  return { status: Number(stdout.slice(cut + 1)), body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The transaction routes are another module's; these steps run once it answers something other than "no such route". */
async function probeTransactions(): Promise<boolean> {
  const { sandbox, api } = await startSandbox();
  try {
    await api.login();
    const response = await api.request('PUT', `/tss/${randomUUID()}/tx/${randomUUID()}?tx_revision=1`, { state: 'ACTIVE', client_id: randomUUID() });
    return !(response.status === 404 && String(response.body.message).startsWith('Route '));
  } finally {
    await sandbox.close();
  }
}
const transactionsImplemented = await probeTransactions();

const ADMIN_PIN = 'your-secure-admin-pin';

describe.skipIf(!hasCurl)(`the SIGN DE quick-start walkthrough with curl${skipReason}`, () => {
  let sandbox: Sandbox;
  let base: string;
  const json = ['-H', 'Content-Type: application/json'];
  beforeAll(async () => {
    ({ sandbox } = await startSandbox());
    base = sandbox.url;
  });
  afterAll(() => sandbox.close());

  /** Step 1: exchange the API key and secret for a bearer token. */
  async function authenticate(): Promise<string[]> {
    const auth = await curl(
      '-X', 'POST', `${base}/auth`,
      ...json,
      '-d', `{\n"api_key": "${DEFAULT_ORGANIZATION.apiKey}",\n"api_secret": "${DEFAULT_ORGANIZATION.apiSecret}"\n}`,
    );
    expect(auth.status).toBe(200);
    // A repeated login gets the same token with what is left of its 24 h (48 h for the refresh token).
    expect(auth.body.access_token_expires_in).toBeGreaterThan(86_300);
    expect(auth.body.access_token_expires_in).toBeLessThanOrEqual(86_400);
    expect(Number(auth.body.refresh_token_expires_in) - Number(auth.body.access_token_expires_in)).toBe(86_400);
    return ['-H', `Authorization: Bearer ${String(auth.body.access_token)}`];
  }

  /** Step 2a: create the TSS. The guide expects UNINITIALIZED and a 6-digit PUK; the real API says CREATED and 10 digits. */
  async function createTss(bearer: string[]): Promise<{ tssId: string; puk: string }> {
    const tssId = randomUUID();
    const created = await curl('-X', 'PUT', `${base}/tss/${tssId}`, ...bearer, ...json, '-d', '{\n"description": "My first TSS"\n}');
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ _id: tssId, state: 'CREATED' });
    expect(created.body).not.toHaveProperty('description');
    expect(created.body.admin_puk).toMatch(/^\d{10}$/);
    return { tssId, puk: created.body.admin_puk as string };
  }

  const state: { bearer: string[]; tssId: string; clientId: string; publicKey: string } = { bearer: [], tssId: '', clientId: '', publicKey: '' };

  it('succeeds end to end with the UNINITIALIZED step added: TSS initialized, client registered, admin logged out', async () => {
    const bearer = await authenticate();
    const { tssId, puk } = await createTss(bearer);

    // Migration guide step 3: deploy the TSS.
    const deployed = await curl('-X', 'PATCH', `${base}/tss/${tssId}`, ...bearer, ...json, '-d', '{ "state": "UNINITIALIZED" }');
    expect(deployed).toMatchObject({ status: 200, body: { state: 'UNINITIALIZED', signature_counter: '24' } });

    // Step 2b: set the admin PIN with the PUK from the create response.
    const pin = await curl('-X', 'PATCH', `${base}/tss/${tssId}/admin`, ...bearer, ...json, '-d', `{\n"admin_puk": "${puk}",\n"new_admin_pin": "${ADMIN_PIN}"\n}`);
    expect(pin).toEqual({ status: 200, body: {} });

    // Step 2c: log in as admin and initialize.
    const admin = await curl('-X', 'POST', `${base}/tss/${tssId}/admin/auth`, ...bearer, ...json, '-d', `{ "admin_pin": "${ADMIN_PIN}" }`);
    expect(admin).toEqual({ status: 200, body: {} });
    const initialized = await curl('-X', 'PATCH', `${base}/tss/${tssId}`, ...bearer, ...json, '-d', '{ "state": "INITIALIZED" }');
    expect(initialized).toMatchObject({ status: 200, body: { state: 'INITIALIZED', description: `fiskaly sign cloud-TSE (${tssId})`, signature_counter: '27' } });

    // Step 3: create a client.
    const clientId = randomUUID();
    const client = await curl('-X', 'PUT', `${base}/tss/${tssId}/client/${clientId}`, ...bearer, ...json, '-d', '{ "serial_number": "POS-001" }');
    expect(client).toMatchObject({ status: 200, body: { _id: clientId, tss_id: tssId, serial_number: 'POS-001', state: 'REGISTERED' } });

    // Step 5: log the admin out (the guide sends no body at all).
    const logout = await curl('-X', 'POST', `${base}/tss/${tssId}/admin/logout`, ...bearer);
    expect(logout).toEqual({ status: 200, body: {} });

    Object.assign(state, { bearer, tssId, clientId, publicKey: initialized.body.public_key as string });
  });

  it.skipIf(!transactionsImplemented)('signs the guide’s transaction: start, then finish with a receipt and a QR code', async () => {
    expect(state.tssId, 'the setup walkthrough above must have passed').not.toBe('');
    const { bearer, tssId, clientId } = state;
    const txId = randomUUID();
    const started = await curl(
      '-X', 'PUT', `${base}/tss/${tssId}/tx/${txId}?tx_revision=1`,
      ...bearer, ...json,
      '-d', `{\n"state": "ACTIVE",\n"client_id": "${clientId}"\n}`,
    );
    expect(started).toMatchObject({ status: 200, body: { _id: txId, state: 'ACTIVE', number: 1 } });

    const finish = {
      state: 'FINISHED',
      client_id: clientId,
      schema: {
        standard_v1: {
          receipt: {
            receipt_type: 'RECEIPT',
            amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '10.00' }],
            amounts_per_payment_type: [{ payment_type: 'CASH', amount: '10.00' }],
          },
        },
      },
    };
    const finished = await curl('-X', 'PUT', `${base}/tss/${tssId}/tx/${txId}?tx_revision=2`, ...bearer, ...json, '-d', JSON.stringify(finish, null, 2));
    expect(finished.status).toBe(200);
    // The guide shows "ecdsa-plain-SHA384" and a counter of 1; the real API signs with SHA-256 on the TSS's one counter.
    expect(finished.body).toMatchObject({
      state: 'FINISHED',
      number: 1,
      signature: { algorithm: 'ecdsa-plain-SHA256', public_key: state.publicKey },
    });
    const signature = finished.body.signature as Record<string, unknown>;
    expect(typeof signature.counter).toBe('number');
    expect(Buffer.from(signature.value as string, 'base64')).toHaveLength(64);
    expect(finished.body.time_end).toBeGreaterThanOrEqual(finished.body.time_start as number);
    expect(finished.body.qr_code_data).toMatch(/^V0;POS-001;Kassenbeleg-V1;Beleg\^10\.00_0\.00_0\.00_0\.00_0\.00\^10\.00:Bar;1;/);
  });

  it('fails at the PIN change without the UNINITIALIZED step, as the real API does, and every later step with it', async () => {
    const bearer = await authenticate();
    const { tssId, puk } = await createTss(bearer);

    const pin = await curl('-X', 'PATCH', `${base}/tss/${tssId}/admin`, ...bearer, ...json, '-d', `{\n"admin_puk": "${puk}",\n"new_admin_pin": "${ADMIN_PIN}"\n}`);
    expect(pin).toEqual({
      status: 400,
      body: {
        status_code: 400,
        error: 'Bad Request',
        code: 'E_CHANGE_ADMIN_PIN_FAILED',
        message: 'TSS must be in state UNINITIALIZED or INITIALIZED to change the admin PIN (current state: CREATED)',
      },
    });

    const admin = await curl('-X', 'POST', `${base}/tss/${tssId}/admin/auth`, ...bearer, ...json, '-d', `{ "admin_pin": "${ADMIN_PIN}" }`);
    expect(admin).toMatchObject({ status: 423, body: { code: 'E_ADMIN_PIN_BLOCKED' } });
    const initialized = await curl('-X', 'PATCH', `${base}/tss/${tssId}`, ...bearer, ...json, '-d', '{ "state": "INITIALIZED" }');
    expect(initialized).toEqual({
      status: 400,
      body: {
        status_code: 400,
        error: 'Bad Request',
        code: 'E_ILLEGAL_TSS_STATE_CHANGE',
        message: 'TSS must be in state UNINITIALIZED for a state transition to INITIALIZED',
      },
    });
    const client = await curl('-X', 'PUT', `${base}/tss/${tssId}/client/${randomUUID()}`, ...bearer, ...json, '-d', '{ "serial_number": "POS-001" }');
    expect(client).toMatchObject({ status: 400, body: { code: 'E_TSS_NOT_INITIALIZED' } });
  });
});

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { FiskalyClient } from '../../main/products/sign-de/api/client';
import { FiskalyError } from '../../main/products/sign-de/api/fiskaly-error';
import { generateAdminPin } from '../../main/products/sign-de/provisioning/admin-pin';
import { DEFAULT_ORGANIZATION } from '../../main/products/sign-de/sandbox/organizations';
import { createSandbox } from '../../main/products/sign-de/sandbox/server';
import { SIGN_DE_VAULT_REGISTRY, type SignDeVault } from '../../main/products/sign-de';
import { Vault, unavailableKeyWrapper } from '../../main/vault';
import type { ProvisionReport } from './cli-process';

/** What the server and the vault show for one run. Every field that is set is a finding. */
export interface RunFindings {
  /** TSS on the server whose metadata names this run's store (one expected). */
  tssCount: number;
  tssId?: string;
  tssState?: string;
  /** Planned serials registered more than once. */
  twinClients: string[];
  /** Planned serials not registered (only a finding for a run reported done). */
  missingClients: string[];
  pukLost?: string;
  pinLost?: string;
  /** Fingerprints of the secrets the server accepted, for the final sweep. */
  pukDigest?: string;
  pinDigest?: string;
  /** The PIN the TSS has after the check (held only in memory, to disable the TSS). */
  workingPin?: string;
  /** Anything else that contradicts "done": a TSS that is not INITIALIZED, a report for another TSS. */
  problems: string[];
}

/** Opens the CLI's vault the way the CLI does: no keychain, the recovery passphrase. Reads only. */
export async function openVaultReadOnly(dataDir: string, passphrase: string): Promise<SignDeVault> {
  const vault = await Vault.open(dataDir, unavailableKeyWrapper('the soak reads the vault with the passphrase'), SIGN_DE_VAULT_REGISTRY);
  await vault.unlockWithPassphrase(passphrase);
  return vault;
}

/** The server a run talked to, for checking: the standalone sandbox, or the data folder's built-in one started here. */
export async function serverClient(target: { kind: 'standalone'; baseUrl: string; apiKey: string; apiSecret: string } | { kind: 'builtin'; dataDir: string }) {
  if (target.kind === 'standalone') {
    const client = new FiskalyClient({ baseUrl: target.baseUrl, credentials: { apiKey: target.apiKey, apiSecret: target.apiSecret } });
    return { client, close: () => client.close() };
  }
  const sandbox = await builtinSandbox(target.dataDir);
  const client = new FiskalyClient({ baseUrl: sandbox.url, credentials: { apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret } });
  return {
    client,
    close: async () => {
      await client.close();
      await sandbox.close();
    },
  };
}

/** What main/products/sign-de/sandbox/shared.ts offers (helper "sandbox", issue 8 item 1), where it exists. */
interface SharedSandboxModule {
  startSharedSandbox(dir: string): Promise<{ url: string; close(): Promise<void> }>;
}

/**
 * The data folder's built-in sandbox, reached the way the CLI's `--sandbox` reaches it (Connections.clientAt):
 * through the shared sandbox (one owner per folder) where the code has it, else on its state file directly.
 * The module name is a variable so this compiles with and without main/products/sign-de/sandbox/shared.ts.
 */
async function builtinSandbox(dataDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const sharedPath = '../../main/products/sign-de/sandbox/shared';
  const shared = (await import(sharedPath).catch(() => null)) as SharedSandboxModule | null;
  if (shared?.startSharedSandbox) return shared.startSharedSandbox(join(dataDir, 'sandbox'));
  return createSandbox({ stateFile: join(dataDir, 'sandbox', 'state.json') });
}

/**
 * Runs an admin call and says whether the server accepted the secret. A 401 is a refusal only when it comes
 * twice: the first may be a token the sandbox forgot (token expiry is one of the soak's faults), so a plain
 * read renews it in between. 423 (PIN blocked) is a refusal; anything else (faults) is thrown to ask again.
 */
async function accepted(server: FiskalyClient, tssId: string, call: () => Promise<unknown>): Promise<true | string> {
  for (let attempt = 1; ; attempt++) {
    try {
      await call();
      return true;
    } catch (error) {
      if (!(error instanceof FiskalyError) || (error.status !== 401 && error.status !== 423)) throw error;
      if (attempt === 2 || error.status === 423) return `${error.status} ${error.code}`;
      await server.getTss(tssId);
    }
  }
}

/** A secret's fingerprint, so the final sweep can tell "still the same PUK" without keeping PUKs around. */
export const digest = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * One run against the server and the vault: exactly one TSS for the store, INITIALIZED, each planned serial
 * registered once, the vault's PIN accepted by an admin login and its PUK accepted by a PIN change, which sets
 * the PIN to the vault's PIN again (so server and vault agree afterwards). A run that is not done is checked
 * only for what it already owes: a TSS past CREATED must have its PUK in the vault.
 * Faults and restarts may make it throw; the caller asks again (every step can be repeated).
 */
export async function checkRun(
  input: { storeName: string; serials: string[]; done: boolean; report?: ProvisionReport },
  server: FiskalyClient,
  vault: SignDeVault,
): Promise<RunFindings> {
  const findings: RunFindings = { tssCount: 0, twinClients: [], missingClients: [], problems: [] };
  const mine = (await server.listTss()).filter((t) => t.metadata.store === input.storeName);
  findings.tssCount = mine.length;
  if (input.report && !mine.some((t) => t.id === input.report!.tssId)) {
    findings.problems.push(`reported done for TSS ${input.report.tssId}, which the server does not have`);
  }
  const tss = mine.find((t) => t.id === input.report?.tssId) ?? mine[0];
  if (!tss) {
    if (input.done) findings.problems.push('no TSS on the server for a run reported done');
    return findings;
  }
  findings.tssId = tss.id;
  findings.tssState = tss.state;
  if (input.done && tss.state !== 'INITIALIZED') findings.problems.push(`TSS is ${tss.state}, not INITIALIZED`);

  if (tss.state !== 'CREATED') {
    const clients = await server.listClients(tss.id);
    for (const serial of input.serials) {
      const count = clients.filter((c) => c.serialNumber === serial).length;
      if (count > 1) findings.twinClients.push(`${serial} ×${count}`);
      if (count === 0 && input.done) findings.missingClients.push(serial);
    }
    for (const c of clients) if (!input.serials.includes(c.serialNumber)) findings.problems.push(`client ${c.serialNumber} was never planned`);
  }

  // In CREATED the server still hands out the PUK again (createTss is idempotent), so nothing is lost yet.
  if (tss.state !== 'UNINITIALIZED' && tss.state !== 'INITIALIZED') return findings;
  const pin = await vault.get(tss.id, 'admin-pin');
  const puk = await vault.get(tss.id, 'admin-puk');
  const pinMatters = input.done || tss.state === 'INITIALIZED';
  if (!pin) {
    if (pinMatters) findings.pinLost = 'the vault has no admin PIN';
  } else if (pinMatters) {
    const login = await accepted(server, tss.id, () => server.adminLogin(tss.id, pin.pin));
    if (login === true) {
      await server.adminLogout(tss.id);
      findings.pinDigest = digest(pin.pin);
      findings.workingPin = pin.pin;
    } else findings.pinLost = `the sandbox refused the vault's PIN (${login})`;
  }
  if (!puk) {
    findings.pukLost = 'the vault has no PUK';
    return findings;
  }
  const newPin = pin?.pin ?? generateAdminPin();
  const change = await accepted(server, tss.id, () => server.changeAdminPin(tss.id, puk.puk, newPin));
  if (change === true) {
    findings.pukDigest = digest(puk.puk);
    findings.workingPin = newPin;
  } else findings.pukLost = `the sandbox refused the vault's PUK (${change})`;
  return findings;
}

/**
 * Disables the run's TSS once it is checked, as a trainer cleans up: a TEST organization holds at most 5 TSS
 * that are not DISABLED. Returns false when it cannot (still CREATED, or no PIN that works).
 */
export async function retireTss(server: FiskalyClient, tssId: string, pin: string | undefined): Promise<boolean> {
  const tss = await server.getTss(tssId);
  if (tss.state === 'DISABLED') return true;
  if (!pin || (tss.state !== 'UNINITIALIZED' && tss.state !== 'INITIALIZED')) return false;
  if ((await accepted(server, tssId, () => server.adminLogin(tssId, pin))) !== true) return false;
  await server.updateTss(tssId, 'DISABLED').catch(async (error: unknown) => {
    // A repeated disable after a lost answer: fine when the TSS is disabled.
    if ((await server.getTss(tssId)).state !== 'DISABLED') throw error;
  });
  return true;
}

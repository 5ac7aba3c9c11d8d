import { randomUUID } from 'node:crypto';
import { open, seal, sealCheck, verifyCheck, zero } from './aead';
import { previousPath, readIfExists } from '../core/durable/atomic-file';
import { aadOf, b64, fromB64 } from './encoding';
import { openStored } from './entry-codec';
import { type ScryptParams, deriveKey } from './kdf';
import { vaultErrors } from './vault-errors';
import { VAULT_FORMAT, VAULT_VERSION, type VaultBody, type VaultDocument, bodyOf, parseVaultFile, sealAadOf } from './vault-file';

/**
 * The vault file's key material: making the wraps of a new data key, getting the key back from the
 * passphrase, and every check that needs the key. No state; the Vault class holds the key.
 */
const PASS_WRAP_AAD = aadOf('tss-companion-vault/passphrase-wrap/v1', {});
const PASS_CHECK_AAD = aadOf('tss-companion-vault/passphrase-check/v1', {});
const DEK_CHECK_AAD = aadOf('tss-companion-vault/dek-check/v1', {});

export type KeyCheck = { kind: 'ok' } | { kind: 'wrong-key' } | { kind: 'tampered'; what: string };

function decodeCheck(check: { iv: string; tag: string }): { iv: Buffer; tag: Buffer } | null {
  const iv = fromB64(check.iv);
  const tag = fromB64(check.tag);
  return iv && tag ? { iv, tag } : null;
}

/**
 * Every check that needs the data key: the key itself, the whole-file seal, and each entry's tag (whatever
 * its kind: this needs no registry, so entries of kinds no wing registered verify too). A key
 * that fails both the key check and the seal is simply not this vault's key ('wrong-key', e.g. from a
 * changed keychain); one that passes the seal but not the key check means the key check was altered.
 */
export function checkWithKey(doc: VaultDocument, dek: Buffer): KeyCheck {
  const dekCheck = decodeCheck(doc.wraps.dekCheck);
  const fileSeal = decodeCheck(doc.seal);
  const keyOk = dekCheck !== null && verifyCheck(dek, dekCheck, DEK_CHECK_AAD);
  const sealOk = fileSeal !== null && verifyCheck(dek, fileSeal, sealAadOf(bodyOf(doc)));
  if (!keyOk && !sealOk) return { kind: 'wrong-key' };
  if (!keyOk) return { kind: 'tampered', what: 'the data key check was altered' };
  if (!sealOk) return { kind: 'tampered', what: 'the file seal does not match its header, key wraps or entries' };
  for (const entry of doc.entries) {
    if (openStored(dek, entry.id, entry.kind, entry) === null) {
      return { kind: 'tampered', what: `the ${entry.kind} entry for ${entry.id} does not verify` };
    }
  }
  for (const conflict of doc.conflicts ?? []) {
    if (openStored(dek, conflict.id, conflict.kind, conflict) === null) {
      return { kind: 'tampered', what: `the imported ${conflict.kind} kept beside the one for ${conflict.id} does not verify` };
    }
  }
  return { kind: 'ok' };
}

/**
 * The body of a new, empty vault: the data key wrapped under the passphrase's key (plus a check that
 * proves the passphrase on its own), and a check under the data key. No keychain wrap yet.
 */
export async function newVaultBody(passphrase: string, kdf: ScryptParams, dek: Buffer, now: string): Promise<VaultBody> {
  const kek = await deriveKey(passphrase, kdf);
  try {
    const wrap = seal(kek, dek, PASS_WRAP_AAD);
    const check = sealCheck(kek, PASS_CHECK_AAD);
    const dekCheck = sealCheck(dek, DEK_CHECK_AAD);
    return {
      header: { format: VAULT_FORMAT, v: VAULT_VERSION, vaultId: randomUUID(), createdAt: now, alg: 'A256GCM', kdf },
      generation: 1,
      savedAt: now,
      wraps: {
        passphrase: { iv: b64(wrap.iv), tag: b64(wrap.tag), ct: b64(wrap.ct), check: { iv: b64(check.iv), tag: b64(check.tag) } },
        keychain: {},
        dekCheck: { iv: b64(dekCheck.iv), tag: b64(dekCheck.tag) },
      },
      entries: [],
    };
  } finally {
    zero(kek);
  }
}

/**
 * The data key from the passphrase, with the whole file verified under it. A passphrase that fails its
 * check is wrong (E_VAULT_WRONG_PASSPHRASE); one that passes while the rest does not means the file was
 * altered (E_VAULT_TAMPERED). The caller zeroes the key.
 */
export async function dataKeyFromPassphrase(doc: VaultDocument, passphrase: string, file: string): Promise<Buffer> {
  const kek = await deriveKey(typeof passphrase === 'string' ? passphrase : '', doc.header.kdf);
  let dek: Buffer | null;
  try {
    const check = decodeCheck(doc.wraps.passphrase.check);
    if (!check || !verifyCheck(kek, check, PASS_CHECK_AAD)) throw vaultErrors.wrongPassphrase();
    const wrap = doc.wraps.passphrase;
    const none = Buffer.alloc(0);
    dek = open(kek, { iv: fromB64(wrap.iv) ?? none, tag: fromB64(wrap.tag) ?? none, ct: fromB64(wrap.ct) ?? none }, PASS_WRAP_AAD);
  } finally {
    zero(kek);
  }
  if (!dek) throw vaultErrors.tampered('the passphrase wrap of the data key was altered', await previousIsIntact(file, null));
  const result = checkWithKey(doc, dek);
  if (result.kind !== 'ok') {
    const what = result.kind === 'wrong-key' ? 'the data key check does not match the passphrase wrap' : result.what;
    const previousIntact = await previousIsIntact(file, dek);
    zero(dek);
    throw vaultErrors.tampered(what, previousIntact);
  }
  return dek;
}

/** Whether vault.json bytes are a whole vault that this key opens. */
export function isIntactWith(bytes: Buffer, dek: Buffer): boolean {
  const parsed = parseVaultFile(bytes);
  return parsed.kind === 'ok' && checkWithKey(parsed.doc, dek).kind === 'ok';
}

/** Whether vault.json.prev is intact: structurally without a key, fully with one. */
export async function previousIsIntact(file: string, dek: Buffer | null): Promise<boolean> {
  const bytes = await readIfExists(previousPath(file)).catch(() => null);
  if (!bytes) return false;
  return dek ? isIntactWith(bytes, dek) : parseVaultFile(bytes).kind === 'ok';
}

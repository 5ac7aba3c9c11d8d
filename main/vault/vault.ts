import { timingSafeEqual } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve as resolvePath, join } from 'node:path';
import { inspect } from 'node:util';
import { randomKey, sealCheck, zero } from './aead';
import { keepAside, previousPath, readIfExists, writeFileAtomic } from '../durable/atomic-file';
import { AUDIT_FILE, type AuditRecord, appendAudit, checkReason, readAuditLog } from './audit-log';
import { b64, fromB64 } from './encoding';
import { openSecret, sealSecret, validateEntryInput } from './entry-codec';
import { type ScryptCostOptions, newScryptParams } from './kdf';
import { type KeyWrapper, describeUnavailable } from './key-wrapper';
import { assertPassphraseStrength } from './passphrase';
import { type RecoveryFileContents, readRecoveryFile, sealRecoveryFile, writeRecoveryFile } from './recovery-file';
import type { EntryInput, EntryKind, EntryListing, RecoveredEntry, SecretFor } from './types';
import { vaultErrors } from './vault-errors';
import { checkWithKey, dataKeyFromPassphrase, isIntactWith, newVaultBody, previousIsIntact } from './vault-keys';
import {
  type StoredEntry,
  VAULT_FILE,
  type VaultBody,
  type VaultDocument,
  bodyOf,
  checksumOf,
  parseVaultFile,
  sealAadOf,
  serializeVault,
} from './vault-file';

export interface VaultOptions extends ScryptCostOptions {
  /** The clock for entry and audit times (tests pin it). */
  now?: () => Date;
}

export interface ImportSummary {
  added: EntryListing[];
  updated: EntryListing[];
  /** Entries the vault already had in the same or a newer version. */
  kept: EntryListing[];
}

export interface VaultStatus {
  unlocked: boolean;
  /** Why the keychain did not unlock the vault (null when it did, or has not been asked). */
  keychainProblem: string | null;
  entries: number;
  generation: number;
}

const listingOf = (e: StoredEntry): EntryListing => ({
  id: e.id,
  kind: e.kind,
  labels: { ...e.labels },
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

const sameEntry = (e: { id: string; kind: EntryKind }, id: string, kind: EntryKind): boolean => e.id === id && e.kind === kind;

/**
 * The PIN/PUK/credentials vault of one data folder (vault.json, vault.json.prev, audit.log).
 *
 * Each secret is sealed with AES-256-GCM under a random data key, with its entry's id and kind as
 * associated data; the whole file is sealed too. The data key is wrapped by the OS keychain (a KeyWrapper)
 * and by the technician's recovery passphrase (scrypt). Labels are readable while locked. The data key
 * lives in a private field, is never serialized, and is zeroed by lock().
 */
export class Vault {
  readonly dir: string;
  readonly #file: string;
  readonly #wrapper: KeyWrapper;
  readonly #options: VaultOptions;
  #doc: VaultDocument;
  #dek: Buffer | null = null;
  #keychainProblem: string | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(dir: string, wrapper: KeyWrapper, doc: VaultDocument, options: VaultOptions) {
    this.dir = dir;
    this.#file = join(dir, VAULT_FILE);
    this.#wrapper = wrapper;
    this.#doc = doc;
    this.#options = options;
  }

  /** Whether this data folder has a vault (its main file or its previous generation). */
  static async isInitialized(dir: string): Promise<boolean> {
    const file = join(dir, VAULT_FILE);
    return (await exists(file)) || (await exists(previousPath(file)));
  }

  /** A new, empty, unlocked vault. Refuses (E_VAULT_EXISTS) if the folder already has one. */
  static async create(dir: string, passphrase: string, keyWrapper: KeyWrapper, options: VaultOptions = {}): Promise<Vault> {
    assertPassphraseStrength(passphrase);
    if (await Vault.isInitialized(dir)) throw vaultErrors.exists();
    const now = (options.now ?? (() => new Date()))().toISOString();
    const kdf = newScryptParams(options);
    const dek = randomKey();
    let body: VaultBody;
    try {
      body = await newVaultBody(passphrase, kdf, dek, now);
    } catch (error) {
      zero(dek);
      throw error;
    }
    const vault = new Vault(dir, keyWrapper, { ...body, seal: { iv: '', tag: '' }, checksum: '' }, options);
    vault.#dek = dek;
    const keychainWrap = vault.#wrapForKeychain(dek);
    if (keychainWrap) body.wraps.keychain[keyWrapper.id] = keychainWrap;
    try {
      await vault.#write(body, { exclusive: true });
    } catch (error) {
      vault.lock();
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw vaultErrors.exists();
      throw error;
    }
    return vault;
  }

  /**
   * Loads the vault and unlocks it through the keychain when it can. When the keychain cannot, the vault
   * is returned locked (labels listable) and `status().keychainProblem` says why; unlockWithPassphrase()
   * then opens it. A damaged or altered file is refused (E_VAULT_TAMPERED), never emptied.
   */
  static async open(dir: string, keyWrapper: KeyWrapper, options: VaultOptions = {}): Promise<Vault> {
    const file = join(dir, VAULT_FILE);
    const bytes = await readIfExists(file);
    if (!bytes) {
      if (await previousIsIntact(file, null)) throw vaultErrors.tampered('vault.json is missing', true);
      throw vaultErrors.notInitialized();
    }
    const parsed = parseVaultFile(bytes);
    if (parsed.kind === 'unsupported') throw vaultErrors.unsupportedVersion('The vault file');
    if (parsed.kind === 'damaged') throw vaultErrors.tampered(parsed.problem, await previousIsIntact(file, null));
    const vault = new Vault(dir, keyWrapper, parsed.doc, options);
    await vault.#tryKeychain();
    return vault;
  }

  /**
   * Puts the previous generation (vault.json.prev) back as vault.json, after copying the current file
   * aside as vault.json.damaged-<time> (nothing is deleted), and opens it. Refuses when .prev is not intact.
   * Meant for after an E_VAULT_TAMPERED that said `previousIntact`: on a healthy vault it would step back
   * one generation (the newer file would still sit aside, but the vault would no longer use it).
   */
  static async restoreFromPrevious(dir: string, keyWrapper: KeyWrapper, options: VaultOptions = {}): Promise<Vault> {
    const file = join(dir, VAULT_FILE);
    const previous = await readIfExists(previousPath(file));
    if (!previous || parseVaultFile(previous).kind !== 'ok') throw vaultErrors.noPrevious();
    const current = await readIfExists(file);
    if (current) await keepAside(file, current);
    await writeFileAtomic(file, previous);
    return Vault.open(dir, keyWrapper, options);
  }

  get isUnlocked(): boolean {
    return this.#dek !== null;
  }

  status(): VaultStatus {
    return {
      unlocked: this.isUnlocked,
      keychainProblem: this.#keychainProblem,
      entries: this.#doc.entries.length,
      generation: this.#doc.generation,
    };
  }

  /** Tries the keychain again; throws E_VAULT_KEYCHAIN_UNAVAILABLE (with what to do instead) if it cannot. */
  async unlockWithKeychain(): Promise<void> {
    await this.#exclusive(async () => {
      if (this.#dek) return;
      await this.#tryKeychain();
      if (!this.#dek) throw vaultErrors.keychainUnavailable(this.#keychainProblem ?? 'unknown reason');
    });
  }

  /** Unlocks with the recovery passphrase, verifying the whole file; then stores the key in the keychain if it can. */
  async unlockWithPassphrase(passphrase: string): Promise<void> {
    await this.#exclusive(async () => {
      const dek = await this.#keyFromPassphrase(passphrase);
      this.#adopt(dek);
      await this.#healKeychainWrap();
    });
  }

  /**
   * What the vault holds: labels and times only. Works while locked and offline. While locked, the labels
   * have passed the file's checksum only (accidental damage); unlocking authenticates them with the key.
   */
  async list(): Promise<EntryListing[]> {
    return this.#doc.entries.map(listingOf);
  }

  /**
   * Stores or replaces the secret for (id, kind) and returns once it is durably on disk (temp file, fsync,
   * rename). Storing the same secret and labels again writes nothing.
   */
  async put<K extends EntryKind>(entry: EntryInput<K>): Promise<EntryListing> {
    const input = validateEntryInput(entry);
    return this.#exclusive(async () => {
      const dek = this.#requireKey();
      const existing = this.#doc.entries.find((e) => sameEntry(e, input.id, input.kind));
      if (existing && sameLabels(existing.labels, input.labels)) {
        const current = openSecret(dek, existing.id, existing.kind, existing);
        if (current && JSON.stringify(current) === JSON.stringify(input.secret)) return listingOf(existing);
      }
      const now = this.#now();
      const stored: StoredEntry = {
        id: input.id,
        kind: input.kind,
        labels: input.labels,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        ...sealSecret(dek, input.id, input.kind, input.secret),
      };
      const entries = existing
        ? this.#doc.entries.map((e) => (e === existing ? stored : e))
        : [...this.#doc.entries, stored];
      await this.#write({ ...bodyOf(this.#doc), entries });
      return listingOf(stored);
    });
  }

  /** The secret for (id, kind), or null if the vault has none. For the provisioning engine: not audited. */
  async get<K extends EntryKind>(id: string, kind: K): Promise<SecretFor<K> | null> {
    const dek = this.#requireKey();
    const entry = this.#doc.entries.find((e) => sameEntry(e, id, kind));
    if (!entry) return null;
    const secret = openSecret(dek, id, kind, entry);
    if (!secret) throw vaultErrors.tampered(`the ${kind} entry for ${id} does not verify`, false);
    return secret;
  }

  /**
   * A secret for a technician to see: asks for the passphrase even when the keychain unlocked the vault,
   * and writes an audit record (before handing the secret out).
   */
  async reveal<K extends EntryKind>(id: string, kind: K, passphrase: string, reason: string): Promise<SecretFor<K>> {
    const why = checkReason(reason);
    return this.#exclusive(async () => {
      this.#adopt(await this.#keyFromPassphrase(passphrase));
      const secret = await this.get(id, kind);
      if (!secret) throw vaultErrors.entryNotFound(id, kind);
      await appendAudit(this.dir, [{ time: this.#now(), entryId: id, kind, action: 'reveal', reason: why }]);
      return secret;
    });
  }

  /**
   * Writes every entry to a portable recovery file sealed under the vault's recovery passphrase only (a
   * fresh salt). The passphrase is checked against the vault first; each entry is audited as 'export'.
   */
  async exportRecoveryFile(path: string, passphrase: string, reason = 'recovery file export'): Promise<{ path: string; entries: number }> {
    const why = checkReason(reason);
    const target = resolvePath(path);
    const own = [this.#file, previousPath(this.#file), join(this.dir, AUDIT_FILE)].map((p) => resolvePath(p));
    if (own.includes(target)) throw vaultErrors.recoveryFileInvalid('it cannot replace the vault or its audit log');
    return this.#exclusive(async () => {
      this.#adopt(await this.#keyFromPassphrase(passphrase));
      const entries: RecoveredEntry[] = [];
      for (const stored of this.#doc.entries) {
        const secret = await this.get(stored.id, stored.kind);
        if (secret) entries.push({ ...listingOf(stored), secret } as RecoveredEntry);
      }
      const contents: RecoveryFileContents = { exportedAt: this.#now(), vaultId: this.#doc.header.vaultId, entries };
      const text = await sealRecoveryFile(contents, passphrase, this.#options);
      const time = this.#now();
      await appendAudit(
        this.dir,
        entries.map((e) => ({ time, entryId: e.id, kind: e.kind, action: 'export' as const, reason: why, file: target })),
      );
      await writeRecoveryFile(target, text);
      return { path: target, entries: entries.length };
    });
  }

  /**
   * Merges a recovery file (from this or another vault) into this unlocked vault: an entry the vault lacks
   * is added, one it has is replaced only when the file's copy is newer (updatedAt). Audited as 'import'.
   */
  async importRecoveryFile(path: string, passphrase: string, reason = 'recovery file import'): Promise<ImportSummary> {
    const why = checkReason(reason);
    this.#requireKey(); // fail before spending a key derivation
    const contents = await readRecoveryFile(path, passphrase);
    return this.#exclusive(async () => {
      const dek = this.#requireKey();
      const summary: ImportSummary = { added: [], updated: [], kept: [] };
      let entries = [...this.#doc.entries];
      for (const incoming of contents.entries) {
        const existing = entries.find((e) => sameEntry(e, incoming.id, incoming.kind));
        if (existing && Date.parse(incoming.updatedAt) <= Date.parse(existing.updatedAt)) {
          summary.kept.push(listingOf(existing));
          continue;
        }
        const stored: StoredEntry = {
          id: incoming.id,
          kind: incoming.kind,
          labels: { ...incoming.labels },
          createdAt: existing && existing.createdAt < incoming.createdAt ? existing.createdAt : incoming.createdAt,
          updatedAt: incoming.updatedAt,
          ...sealSecret(dek, incoming.id, incoming.kind, incoming.secret),
        };
        entries = existing ? entries.map((e) => (e === existing ? stored : e)) : [...entries, stored];
        (existing ? summary.updated : summary.added).push(listingOf(stored));
      }
      const changed = [...summary.added, ...summary.updated];
      if (changed.length > 0) await this.#write({ ...bodyOf(this.#doc), entries });
      const time = this.#now();
      const file = resolvePath(path);
      await appendAudit(
        this.dir,
        changed.map((e) => ({ time, entryId: e.id, kind: e.kind, action: 'import' as const, reason: why, file })),
      );
      return summary;
    });
  }

  async auditLog(): Promise<AuditRecord[]> {
    return readAuditLog(this.dir);
  }

  /** Forgets the data key (zeroed in place). Labels stay listable. */
  lock(): void {
    zero(this.#dek);
    this.#dek = null;
  }

  toJSON(): Record<string, unknown> {
    return { vault: this.#file, ...this.status() };
  }

  toString(): string {
    return `Vault(${this.#file}, ${this.isUnlocked ? 'unlocked' : 'locked'}, ${this.#doc.entries.length} entries)`;
  }

  [inspect.custom](): string {
    return this.toString();
  }

  // --- internals ---

  #now(): string {
    return (this.#options.now ?? (() => new Date()))().toISOString();
  }

  #requireKey(): Buffer {
    if (!this.#dek) throw vaultErrors.locked(this.#keychainProblem);
    return this.#dek;
  }

  /** Serializes state-changing work, so two puts never write over each other. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Takes a verified key as the vault's key (or checks it is the same one), zeroing the spare copy. */
  #adopt(dek: Buffer): void {
    if (!this.#dek) {
      this.#dek = dek;
      return;
    }
    const same = dek.length === this.#dek.length && timingSafeEqual(dek, this.#dek);
    zero(dek);
    if (!same) throw vaultErrors.tampered("the passphrase wrap does not hold this vault's key", false);
  }

  /** The data key from the passphrase, with the whole file verified under it. */
  #keyFromPassphrase(passphrase: string): Promise<Buffer> {
    return dataKeyFromPassphrase(this.#doc, passphrase, this.#file);
  }

  /** Unlocks through the keychain if it can; records why not otherwise. Throws only on tampering. */
  async #tryKeychain(): Promise<void> {
    const wrapper = this.#wrapper;
    if (!wrapper.available()) {
      this.#keychainProblem = describeUnavailable(wrapper);
      return;
    }
    const wrapped = fromB64(this.#doc.wraps.keychain[wrapper.id] ?? '');
    if (!wrapped || wrapped.length === 0) {
      this.#keychainProblem = "this vault's key is not in this computer's keychain yet";
      return;
    }
    let dek: Buffer;
    try {
      dek = wrapper.unwrap(wrapped);
    } catch {
      this.#keychainProblem = "the keychain could not unwrap the vault's key (it may have been reset, changed or moved)";
      return;
    }
    const result = checkWithKey(this.#doc, dek);
    if (result.kind === 'wrong-key') {
      zero(dek);
      this.#keychainProblem = "the keychain returned a key that does not open this vault";
      return;
    }
    if (result.kind === 'tampered') {
      const previousIntact = await previousIsIntact(this.#file, dek);
      zero(dek);
      throw vaultErrors.tampered(result.what, previousIntact);
    }
    this.#dek = dek;
    this.#keychainProblem = null;
  }

  #wrapForKeychain(dek: Buffer): string | null {
    const wrapper = this.#wrapper;
    if (!wrapper.available()) {
      this.#keychainProblem = describeUnavailable(wrapper);
      return null;
    }
    try {
      const wrapped = b64(wrapper.wrap(dek));
      this.#keychainProblem = null;
      return wrapped;
    } catch {
      this.#keychainProblem = "the keychain refused to store the vault's key";
      return null;
    }
  }

  /** After a passphrase unlock: make sure the keychain holds the key, so the next start needs no passphrase. */
  async #healKeychainWrap(): Promise<void> {
    const dek = this.#requireKey();
    const wrapper = this.#wrapper;
    const existing = fromB64(this.#doc.wraps.keychain[wrapper.id] ?? '');
    if (existing && existing.length > 0 && wrapper.available()) {
      try {
        const inKeychain = wrapper.unwrap(existing);
        const same = inKeychain.length === dek.length && timingSafeEqual(inKeychain, dek);
        zero(inKeychain);
        if (same) {
          this.#keychainProblem = null;
          return;
        }
      } catch {
        // replaced below
      }
    }
    const wrapped = this.#wrapForKeychain(dek);
    if (!wrapped) return;
    const body = bodyOf(this.#doc);
    try {
      await this.#write({ ...body, wraps: { ...body.wraps, keychain: { ...body.wraps.keychain, [wrapper.id]: wrapped } } });
    } catch {
      this.#keychainProblem = "the vault's key could not be saved for the keychain; the passphrase still opens it";
    }
  }

  /** Seals `body` as the next generation and writes it atomically, keeping the current file as .prev. */
  async #write(body: VaultBody, how: { exclusive?: boolean } = {}): Promise<void> {
    // A copy for the duration of the write: lock() may zero the vault's own key meanwhile.
    const dek = Buffer.from(this.#requireKey());
    try {
      const next: VaultBody = { ...body, generation: how.exclusive ? 1 : this.#doc.generation + 1, savedAt: this.#now() };
      const fileSeal = sealCheck(dek, sealAadOf(next));
      const withSeal = { ...next, seal: { iv: b64(fileSeal.iv), tag: b64(fileSeal.tag) } };
      const doc: VaultDocument = { ...withSeal, checksum: checksumOf(withSeal) };
      await writeFileAtomic(this.#file, serializeVault(doc), {
        exclusive: how.exclusive,
        keepPrevious: how.exclusive ? undefined : { isIntact: (bytes) => isIntactWith(bytes, dek) },
      });
      this.#doc = doc;
    } finally {
      zero(dek);
    }
  }
}

function sameLabels(a: object, b: object): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

import { timingSafeEqual } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve as resolvePath, join } from 'node:path';
import { inspect } from 'node:util';
import { randomKey, sealCheck, zero } from './aead';
import { keepAside, previousPath, readIfExists, writeFileAtomic } from '../core/durable/atomic-file';
import { withFileLock } from '../core/durable/file-lock';
import {
  AUDIT_FILE,
  type AuditRecord,
  appendAudit,
  appendGeneration,
  checkReason,
  readAuditLog,
  rememberedGeneration,
  rememberedGenerations,
} from './audit-log';
import { b64, fromB64 } from './encoding';
import { openSecret, openStored, sealSecret, validateEntryInput } from './entry-codec';
import { kindIn } from './entry-schema';
import type { KeychainProblemCode } from '../../preload/contract/core/vault';
import { type ScryptCostOptions, newScryptParams } from './kdf';
import { type KeyWrapper, describeUnavailable } from './key-wrapper';
import { assertPassphraseStrength } from './passphrase';
import { type RecoveryFileContents, openRecoveryFile, readRecoveryFile, sealRecoveryFile, writeRecoveryFile } from './recovery-file';
import type { EntryInput, EntryKinds, EntryListing, EntryRegistry, KindOf, RecoveredEntry, SecretOf } from './types';
import { type VaultError, VaultErrorCode, vaultErrors } from './vault-errors';
import { checkWithKey, dataKeyFromPassphrase, isIntactWith, newVaultBody, previousIsIntact } from './vault-keys';
import {
  type ConflictEntry,
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

export interface VaultOptions<R extends EntryKinds = EntryKinds> extends ScryptCostOptions, EntryRegistry<R> {
  /** The clock for entry and audit times (tests pin it). */
  now?: () => Date;
}

export interface ImportSummary {
  added: EntryListing[];
  /** Entries the vault had with the same secret, whose labels the file had newer. */
  updated: EntryListing[];
  /** Entries the vault already had in the same or a newer version. */
  kept: EntryListing[];
  /**
   * Entries the vault held with a different secret: the vault keeps its own and uses it; the file's
   * (listed here) is kept beside it as a conflict. A stored PUK or PIN is never replaced by an import.
   */
  conflicts: EntryListing[];
}

export interface VaultStatus {
  unlocked: boolean;
  /** Why the keychain did not unlock the vault (null when it did, or has not been asked). */
  keychainProblem: string | null;
  /** The same as a code, for a screen to say in its own language. */
  keychainProblemCode: KeychainProblemCode | null;
  entries: number;
  generation: number;
}

const listingOf = (e: StoredEntry, kinds: EntryKinds): EntryListing => ({
  id: e.id,
  kind: e.kind,
  labels: { ...e.labels },
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
  ...(kindIn(kinds, e.kind) ? {} : { unknownKind: true }),
});

const sameEntry = (e: { id: string; kind: string }, id: string, kind: string): boolean => e.id === id && e.kind === kind;

/**
 * The secrets vault of one data folder (vault.json, vault.json.prev, audit.log): API credentials, PINs,
 * PUKs, whatever kinds the wings registered (`R`). An entry of a kind no wing registered (written by a
 * newer app, or by a wing this build lacks) is kept as it is through every write, export and import, and
 * listed with `unknownKind`; it is never opened.
 *
 * Each secret is sealed with AES-256-GCM under a random data key, with its entry's id and kind as
 * associated data; the whole file is sealed too. The data key is wrapped by the OS keychain (a KeyWrapper)
 * and by the technician's recovery passphrase (scrypt). Labels are readable while locked. The data key
 * lives in a private field, is never serialized, and is zeroed by lock().
 *
 * Several processes share one data folder (the app, the CLI, the browser shell). Every write takes the
 * cross-process lock of vault.json, re-reads the file under it and applies its change to what it finds,
 * so what another process saved meanwhile stays. Each write is a new generation; the audit log remembers
 * the newest, so an older copy put over vault.json (a rollback) is refused rather than used.
 */
export class Vault<R extends EntryKinds = EntryKinds> {
  readonly dir: string;
  readonly #file: string;
  readonly #wrapper: KeyWrapper;
  readonly #options: VaultOptions<R>;
  #doc: VaultDocument;
  #dek: Buffer | null = null;
  #keychainProblem: string | null = null;
  #keychainProblemCode: KeychainProblemCode | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(dir: string, wrapper: KeyWrapper, doc: VaultDocument, options: VaultOptions<R>) {
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
  static async create<R extends EntryKinds>(dir: string, passphrase: string, keyWrapper: KeyWrapper, options: VaultOptions<R>): Promise<Vault<R>> {
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
      await withFileLock(vault.#file, async () => {
        if (await Vault.isInitialized(dir)) throw vaultErrors.exists();
        await vault.#writeGeneration(body, 1, { exclusive: true });
      });
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
   * then opens it. A damaged or altered file is refused (E_VAULT_TAMPERED), an older generation than the
   * audit log remembers too (E_VAULT_ROLLBACK); neither is ever emptied.
   */
  static async open<R extends EntryKinds>(dir: string, keyWrapper: KeyWrapper, options: VaultOptions<R>): Promise<Vault<R>> {
    const file = join(dir, VAULT_FILE);
    // The audit log first, then the file: other processes may write meanwhile, and only this order
    // never takes their newer generations for a rollback.
    const generations = await rememberedGenerations(dir);
    const bytes = await readIfExists(file);
    if (!bytes) {
      if (await previousIsIntact(file, null)) throw vaultErrors.tampered('vault.json is missing', true);
      throw vaultErrors.notInitialized();
    }
    const parsed = parseVaultFile(bytes);
    if (parsed.kind === 'unsupported') throw vaultErrors.unsupportedVersion('The vault file');
    if (parsed.kind === 'damaged') throw vaultErrors.tampered(parsed.problem, await previousIsIntact(file, null));
    const remembered = generations.get(parsed.doc.header.vaultId) ?? 0;
    if (parsed.doc.generation < remembered) {
      throw vaultErrors.rollback(parsed.doc.generation, remembered, await previousIsIntact(file, null));
    }
    const vault = new Vault(dir, keyWrapper, parsed.doc, options);
    await vault.#tryKeychain();
    return vault;
  }

  /**
   * After E_VAULT_TAMPERED or E_VAULT_ROLLBACK: saves the previous generation's contents (vault.json.prev,
   * checked under the key the passphrase opens) as a new generation of vault.json, after copying the
   * current file aside as vault.json.damaged-<time> (nothing is deleted), and returns the vault unlocked.
   * The passphrase is the confirmation. Refuses on a healthy vault (E_VAULT_NOTHING_TO_RESTORE) and when
   * .prev is not intact (E_VAULT_NO_PREVIOUS_GENERATION).
   */
  static async restorePrevious<R extends EntryKinds>(dir: string, keyWrapper: KeyWrapper, passphrase: string, options: VaultOptions<R>): Promise<Vault<R>> {
    const file = join(dir, VAULT_FILE);
    return withFileLock(file, async () => {
      const previous = await readIfExists(previousPath(file));
      const parsedPrevious = previous ? parseVaultFile(previous) : null;
      if (parsedPrevious?.kind !== 'ok') throw vaultErrors.noPrevious();
      const older = parsedPrevious.doc;
      const dek = await dataKeyFromPassphrase(older, passphrase, previousPath(file));
      try {
        const current = await readIfExists(file);
        const parsedCurrent = current ? parseVaultFile(current) : null;
        const remembered = await rememberedGeneration(dir, older.header.vaultId);
        const currentDoc = parsedCurrent?.kind === 'ok' ? parsedCurrent.doc : null;
        const healthy =
          currentDoc !== null &&
          currentDoc.header.vaultId === older.header.vaultId &&
          currentDoc.generation >= remembered &&
          checkWithKey(currentDoc, dek).kind === 'ok';
        if (healthy) throw vaultErrors.nothingToRestore();
        if (current) await keepAside(file, current);
        const vault = new Vault(dir, keyWrapper, older, options);
        vault.#dek = Buffer.from(dek);
        const newest = Math.max(remembered, older.generation, currentDoc?.generation ?? 0);
        await vault.#writeGeneration(bodyOf(older), newest + 1, { restoredFrom: older.generation });
        await vault.#healKeychainWrapLocked();
        return vault;
      } finally {
        zero(dek);
      }
    });
  }

  get isUnlocked(): boolean {
    return this.#dek !== null;
  }

  status(): VaultStatus {
    return {
      unlocked: this.isUnlocked,
      keychainProblem: this.#keychainProblem,
      keychainProblemCode: this.#keychainProblemCode,
      entries: this.#doc.entries.length,
      generation: this.#doc.generation,
    };
  }

  /**
   * Takes in what other processes saved since this one last read vault.json: a newer generation of this
   * vault that verifies (under the key, when unlocked) replaces the copy in memory. A damaged, older or
   * foreign file is not taken; the next write keeps it aside and writes from the verified copy here.
   */
  async refresh(): Promise<void> {
    const latest = await this.#readNewer();
    if (latest) this.#doc = latest;
  }

  /**
   * What is wrong with vault.json on disk now, seen from this open vault: missing, damaged, another
   * vault's, or older than the newest generation known (a rollback behind this process's back). Null when
   * it is this vault's current or a newer generation.
   */
  async fileProblem(): Promise<VaultError | null> {
    const generations = await rememberedGenerations(this.dir);
    const bytes = await readIfExists(this.#file);
    const previousIntact = () => previousIsIntact(this.#file, this.#dek);
    if (!bytes) return vaultErrors.tampered('vault.json is missing', await previousIntact());
    const parsed = parseVaultFile(bytes);
    if (parsed.kind === 'unsupported') return vaultErrors.unsupportedVersion('The vault file');
    if (parsed.kind === 'damaged') return vaultErrors.tampered(parsed.problem, await previousIntact());
    if (parsed.doc.header.vaultId !== this.#doc.header.vaultId) return vaultErrors.tampered('it was replaced by another vault file', await previousIntact());
    const newest = Math.max(generations.get(this.#doc.header.vaultId) ?? 0, this.#doc.generation);
    if (parsed.doc.generation < newest) return vaultErrors.rollback(parsed.doc.generation, newest, await previousIntact());
    return null;
  }

  /**
   * When vault.json went bad behind this open, unlocked vault (damaged, missing, or an older copy put in
   * its place) while this process still holds the newest verified generation: writes that generation
   * back as a new one, keeping the refused file aside. The passphrase is the confirmation. Nothing is
   * lost, unlike a step back to .prev.
   */
  async restoreFromMemory(passphrase: string): Promise<void> {
    await this.#exclusive(async () => {
      this.#adopt(await this.#keyFromPassphrase(passphrase));
      await withFileLock(this.#file, async () => {
        const problem = await this.fileProblem();
        if (!problem || problem.code === VaultErrorCode.unsupportedVersion) throw vaultErrors.nothingToRestore();
        const remembered = await rememberedGeneration(this.dir, this.#doc.header.vaultId);
        const current = await readIfExists(this.#file);
        const parsed = current ? parseVaultFile(current) : null;
        const onDisk = parsed?.kind === 'ok' ? parsed.doc.generation : 0;
        if (current) await keepAside(this.#file, current);
        const from = this.#doc.generation;
        await this.#writeGeneration(bodyOf(this.#doc), Math.max(remembered, onDisk, from) + 1, { restoredFrom: from });
      });
    });
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
    await this.refresh();
    return this.#doc.entries.map((e) => listingOf(e, this.#options.kinds));
  }

  /** The secrets recovery imports brought that differ from the vault's own (labels only). */
  async conflicts(): Promise<Array<EntryListing & { importedAt: string }>> {
    await this.refresh();
    return (this.#doc.conflicts ?? []).map((c) => ({ ...listingOf(c, this.#options.kinds), importedAt: c.importedAt }));
  }

  /**
   * Stores or replaces the secret for (id, kind) and returns once it is durably on disk (temp file, fsync,
   * rename). Storing the same secret and labels again writes nothing.
   */
  async put<K extends KindOf<R>>(entry: EntryInput<R, K>): Promise<EntryListing> {
    const input = validateEntryInput(entry as EntryInput, this.#options);
    return this.#exclusive(async () => {
      let result!: EntryListing;
      await this.#change((latest, dek) => {
        const existing = latest.entries.find((e) => sameEntry(e, input.id, input.kind));
        if (existing && sameLabels(existing.labels, input.labels)) {
          const current = openStored(dek, existing.id, existing.kind, existing);
          if (current && JSON.stringify(current.secret) === JSON.stringify(input.secret)) {
            result = listingOf(existing, this.#options.kinds);
            return null;
          }
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
        result = listingOf(stored, this.#options.kinds);
        const entries = existing ? latest.entries.map((e) => (e === existing ? stored : e)) : [...latest.entries, stored];
        return { ...bodyOf(latest), entries };
      });
      return result;
    });
  }

  /** The secret for (id, kind), or null if the vault has none. For the provisioning engine: not audited. */
  async get<K extends KindOf<R>>(id: string, kind: K): Promise<SecretOf<R, K> | null> {
    this.#requireKey();
    await this.refresh();
    return this.#getFromMemory(id, kind);
  }

  /**
   * A secret for a technician to see: asks for the passphrase even when the keychain unlocked the vault,
   * and writes an audit record (before handing the secret out).
   */
  async reveal<K extends KindOf<R>>(id: string, kind: K, passphrase: string, reason: string): Promise<SecretOf<R, K>> {
    const why = checkReason(reason);
    return this.#exclusive(async () => {
      await this.refresh();
      this.#adopt(await this.#keyFromPassphrase(passphrase));
      const secret = this.#getFromMemory(id, kind);
      if (!secret) throw vaultErrors.entryNotFound(id, kind);
      await appendAudit(this.dir, [{ time: this.#now(), entryId: id, kind, action: 'reveal', reason: why }]);
      return secret;
    });
  }

  /**
   * Writes every entry to a portable recovery file sealed under the vault's recovery passphrase only (a
   * fresh salt). The passphrase is checked against the vault first; each entry is audited as 'export'.
   * With `onlyId`, only the entries of that id (one TSS's PIN and PUK: a file for its store's folder).
   */
  async exportRecoveryFile(path: string, passphrase: string, reason = 'recovery file export', onlyId?: string): Promise<{ path: string; entries: number }> {
    const why = checkReason(reason);
    const target = resolvePath(path);
    const own = [this.#file, previousPath(this.#file), join(this.dir, AUDIT_FILE)].map((p) => resolvePath(p));
    if (own.includes(target)) throw vaultErrors.recoveryFileInvalid('it cannot replace the vault or its audit log');
    return this.#exclusive(async () => {
      await this.refresh();
      this.#adopt(await this.#keyFromPassphrase(passphrase));
      const dek = this.#requireKey();
      const entries: RecoveredEntry[] = [];
      for (const stored of this.#doc.entries) {
        if (onlyId !== undefined && stored.id !== onlyId) continue;
        // Every entry, registered kind or not: the file must hold all the vault holds (of that id).
        const opened = openStored(dek, stored.id, stored.kind, stored);
        if (!opened) throw vaultErrors.tampered(`the ${stored.kind} entry for ${stored.id} does not verify`, false);
        const { unknownKind: _notInTheFile, ...listing } = listingOf(stored, this.#options.kinds);
        entries.push({ ...listing, secret: opened.secret });
      }
      if (onlyId !== undefined && entries.length === 0) throw vaultErrors.entryNotFound(onlyId, 'any');
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
   * Merges a recovery file (from this or another vault) into this vault. `filePassphrase` opens the file;
   * `vaultPassphrase` must open this vault (checked here, whatever unlocked it before): an import is a
   * change to the technician's secrets and needs the technician. An entry the vault lacks is added; one it
   * has with the same secret gets newer labels; one it has with a different secret is never replaced: the
   * vault keeps its own, and the file's is kept beside it as a conflict (reported). Audited.
   */
  async importRecoveryFile(path: string, filePassphrase: string, vaultPassphrase: string, reason = 'recovery file import'): Promise<ImportSummary> {
    checkReason(reason);
    const contents = await readRecoveryFile(path, filePassphrase, this.#options);
    return this.#importContents(contents, resolvePath(path), vaultPassphrase, reason);
  }

  /** importRecoveryFile for a file's bytes (as the app's page hands them over); `name` goes into the audit log. */
  async importRecoveryBytes(bytes: Buffer, name: string, filePassphrase: string, vaultPassphrase: string, reason = 'recovery file import'): Promise<ImportSummary> {
    checkReason(reason);
    const contents = await openRecoveryFile(bytes, filePassphrase, this.#options);
    return this.#importContents(contents, name, vaultPassphrase, reason);
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

  #getFromMemory<K extends KindOf<R>>(id: string, kind: K): SecretOf<R, K> | null {
    const dek = this.#requireKey();
    const definition = kindIn(this.#options.kinds, kind);
    if (!definition) throw vaultErrors.invalidEntry(`no wing registered the kind ${kind}`);
    const entry = this.#doc.entries.find((e) => sameEntry(e, id, kind));
    if (!entry) return null;
    const secret = openSecret(dek, id, kind, entry, definition);
    if (!secret) throw vaultErrors.tampered(`the ${kind} entry for ${id} does not verify`, false);
    return secret as SecretOf<R, K>;
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

  /**
   * vault.json as it is on disk now, when it is a newer generation of this same vault that verifies
   * (fully under the key when unlocked, by its checksum when locked); null otherwise.
   */
  async #readNewer(): Promise<VaultDocument | null> {
    const bytes = await readIfExists(this.#file);
    if (!bytes) return null;
    const parsed = parseVaultFile(bytes);
    if (parsed.kind !== 'ok') return null;
    const doc = parsed.doc;
    if (doc.checksum === this.#doc.checksum) return null;
    if (doc.header.vaultId !== this.#doc.header.vaultId || doc.generation <= this.#doc.generation) return null;
    if (this.#dek && checkWithKey(doc, this.#dek).kind !== 'ok') return null;
    return doc;
  }

  /**
   * One write: under the cross-process lock, the newest verified state (what is on disk, or the copy in
   * memory when the disk holds something older, damaged or foreign) goes to `change`, and what it returns
   * is written as the next generation. `change` returning null writes nothing. A base older than the
   * generation the audit log remembers is a rollback: refused, never written over.
   */
  async #change(change: (latest: VaultDocument, dek: Buffer) => VaultBody | null): Promise<void> {
    this.#requireKey();
    await withFileLock(this.#file, async () => {
      const newer = await this.#readNewer();
      if (newer) this.#doc = newer;
      const dek = Buffer.from(this.#requireKey());
      try {
        const remembered = await rememberedGeneration(this.dir, this.#doc.header.vaultId);
        if (this.#doc.generation < remembered) {
          throw vaultErrors.rollback(this.#doc.generation, remembered, await previousIsIntact(this.#file, dek));
        }
        const body = change(this.#doc, dek);
        if (body) await this.#writeGeneration(body, this.#doc.generation + 1);
      } finally {
        zero(dek);
      }
    });
  }

  async #importContents(contents: RecoveryFileContents, source: string, vaultPassphrase: string, reason: string): Promise<ImportSummary> {
    const why = checkReason(reason);
    return this.#exclusive(async () => {
      await this.refresh();
      this.#adopt(await this.#keyFromPassphrase(typeof vaultPassphrase === 'string' ? vaultPassphrase : ''));
      let summary!: MergedImport;
      await this.#change((latest, dek) => {
        summary = mergeImport(latest, contents, dek, this.#now(), this.#options.kinds);
        return summary.added.length + summary.updated.length + summary.conflicts.length > 0 ? summary.body : null;
      });
      const time = this.#now();
      await appendAudit(this.dir, [
        ...[...summary.added, ...summary.updated].map((e) => ({ time, entryId: e.id, kind: e.kind, action: 'import' as const, reason: why, file: source })),
        ...summary.conflicts.map((e) => ({ time, entryId: e.id, kind: e.kind, action: 'import-conflict' as const, reason: why, file: source })),
      ]);
      return { added: summary.added, updated: summary.updated, kept: summary.kept, conflicts: summary.conflicts };
    });
  }

  /** Unlocks through the keychain if it can; records why not otherwise. Throws only on tampering. */
  async #tryKeychain(): Promise<void> {
    const wrapper = this.#wrapper;
    if (!wrapper.available()) {
      this.#keychainFailed('unavailable', describeUnavailable(wrapper));
      return;
    }
    const wrapped = fromB64(this.#doc.wraps.keychain[wrapper.id] ?? '');
    if (!wrapped || wrapped.length === 0) {
      this.#keychainFailed('not-stored', "this vault's key is not in this computer's keychain yet");
      return;
    }
    let dek: Buffer;
    try {
      dek = wrapper.unwrap(wrapped);
    } catch {
      this.#keychainFailed('unwrap-failed', "the keychain could not unwrap the vault's key (it may have been reset, changed or moved)");
      return;
    }
    const result = checkWithKey(this.#doc, dek);
    if (result.kind === 'wrong-key') {
      zero(dek);
      this.#keychainFailed('wrong-key', "the keychain returned a key that does not open this vault");
      return;
    }
    if (result.kind === 'tampered') {
      const previousIntact = await previousIsIntact(this.#file, dek);
      zero(dek);
      throw vaultErrors.tampered(result.what, previousIntact);
    }
    this.#dek = dek;
    this.#keychainFine();
  }

  #keychainFailed(code: KeychainProblemCode, problem: string): void {
    this.#keychainProblem = problem;
    this.#keychainProblemCode = code;
  }

  #keychainFine(): void {
    this.#keychainProblem = null;
    this.#keychainProblemCode = null;
  }

  #wrapForKeychain(dek: Buffer): string | null {
    const wrapper = this.#wrapper;
    if (!wrapper.available()) {
      this.#keychainFailed('unavailable', describeUnavailable(wrapper));
      return null;
    }
    try {
      const wrapped = b64(wrapper.wrap(dek));
      this.#keychainFine();
      return wrapped;
    } catch {
      this.#keychainFailed('wrap-refused', "the keychain refused to store the vault's key");
      return null;
    }
  }

  /** Whether the keychain wrap in `doc` gives back this very key. */
  #keychainHoldsKey(doc: VaultDocument, dek: Buffer): boolean {
    const existing = fromB64(doc.wraps.keychain[this.#wrapper.id] ?? '');
    if (!existing || existing.length === 0 || !this.#wrapper.available()) return false;
    try {
      const inKeychain = this.#wrapper.unwrap(existing);
      const same = inKeychain.length === dek.length && timingSafeEqual(inKeychain, dek);
      zero(inKeychain);
      return same;
    } catch {
      return false;
    }
  }

  /** After a passphrase unlock: make sure the keychain holds the key, so the next start needs no passphrase. */
  async #healKeychainWrap(): Promise<void> {
    const dek = this.#requireKey();
    if (this.#keychainHoldsKey(this.#doc, dek)) {
      this.#keychainFine();
      return;
    }
    if (!this.#wrapper.available()) {
      this.#keychainFailed('unavailable', describeUnavailable(this.#wrapper));
      return;
    }
    try {
      await this.#change((latest, key) => this.#withKeychainWrap(latest, key));
    } catch {
      this.#keychainFailed('save-failed', "the vault's key could not be saved for the keychain; the passphrase still opens it");
    }
  }

  /** #healKeychainWrap for restorePrevious, which already holds the lock. */
  async #healKeychainWrapLocked(): Promise<void> {
    const dek = Buffer.from(this.#requireKey());
    try {
      const body = this.#withKeychainWrap(this.#doc, dek);
      if (body) await this.#writeGeneration(body, this.#doc.generation + 1);
    } catch {
      this.#keychainFailed('save-failed', "the vault's key could not be saved for the keychain; the passphrase still opens it");
    } finally {
      zero(dek);
    }
  }

  #withKeychainWrap(latest: VaultDocument, dek: Buffer): VaultBody | null {
    if (this.#keychainHoldsKey(latest, dek)) return null;
    const wrapped = this.#wrapForKeychain(dek);
    if (!wrapped) return null;
    const body = bodyOf(latest);
    return { ...body, wraps: { ...body.wraps, keychain: { ...body.wraps.keychain, [this.#wrapper.id]: wrapped } } };
  }

  /**
   * Seals `body` as generation `generation` and writes it atomically, keeping the current file as .prev
   * (a damaged one goes aside instead), then records the generation in the audit log. The caller holds
   * the file lock.
   */
  async #writeGeneration(body: VaultBody, generation: number, how: { exclusive?: boolean; restoredFrom?: number } = {}): Promise<void> {
    // A copy for the duration of the write: lock() may zero the vault's own key meanwhile.
    const dek = Buffer.from(this.#requireKey());
    try {
      const next: VaultBody = { ...body, generation, savedAt: this.#now() };
      const fileSeal = sealCheck(dek, sealAadOf(next));
      const withSeal = { ...next, seal: { iv: b64(fileSeal.iv), tag: b64(fileSeal.tag) } };
      const doc: VaultDocument = { ...withSeal, checksum: checksumOf(withSeal) };
      await writeFileAtomic(this.#file, serializeVault(doc), {
        exclusive: how.exclusive,
        keepPrevious: how.exclusive || how.restoredFrom !== undefined ? undefined : { isIntact: (bytes) => isIntactWith(bytes, dek) },
      });
      this.#doc = doc;
      await appendGeneration(this.dir, { time: doc.savedAt, vaultId: doc.header.vaultId, generation, restoredFrom: how.restoredFrom });
    } finally {
      zero(dek);
    }
  }
}

interface MergedImport extends ImportSummary {
  body: VaultBody;
}

/** What a recovery file's entries make of the vault's newest state; see importRecoveryFile. */
function mergeImport(latest: VaultDocument, contents: RecoveryFileContents, dek: Buffer, now: string, kinds: EntryKinds): MergedImport {
  // Compared as stored: the same for a kind no wing registered.
  const secretOf = (e: StoredEntry) => openStored(dek, e.id, e.kind, e)?.secret;
  const result: MergedImport = { added: [], updated: [], kept: [], conflicts: [], body: bodyOf(latest) };
  let entries = [...latest.entries];
  const conflicts: ConflictEntry[] = [...(latest.conflicts ?? [])];
  for (const incoming of contents.entries) {
    const existing = entries.find((e) => sameEntry(e, incoming.id, incoming.kind));
    const sealed = (): StoredEntry => ({
      id: incoming.id,
      kind: incoming.kind,
      labels: { ...incoming.labels },
      createdAt: existing && existing.createdAt < incoming.createdAt ? existing.createdAt : incoming.createdAt,
      updatedAt: incoming.updatedAt,
      ...sealSecret(dek, incoming.id, incoming.kind, incoming.secret),
    });
    if (!existing) {
      const stored = sealed();
      entries.push(stored);
      result.added.push(listingOf(stored, kinds));
      continue;
    }
    const own = secretOf(existing);
    if (own !== undefined && JSON.stringify(own) === JSON.stringify(incoming.secret)) {
      if (Date.parse(incoming.updatedAt) > Date.parse(existing.updatedAt) && !sameLabels(existing.labels, incoming.labels)) {
        const stored = sealed();
        entries = entries.map((e) => (e === existing ? stored : e));
        result.updated.push(listingOf(stored, kinds));
      } else {
        result.kept.push(listingOf(existing, kinds));
      }
      continue;
    }
    // A different secret for an entry the vault has: kept beside it, once per distinct secret.
    const listing = listingOf({ ...existing, labels: { ...incoming.labels }, updatedAt: incoming.updatedAt }, kinds);
    result.conflicts.push(listing);
    const known = conflicts.some(
      (c) => sameEntry(c, incoming.id, incoming.kind) && JSON.stringify(secretOf(c)) === JSON.stringify(incoming.secret),
    );
    if (!known) conflicts.push({ ...sealed(), importedAt: now });
  }
  result.body = { ...bodyOf(latest), entries, ...(conflicts.length > 0 ? { conflicts } : {}) };
  return result;
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

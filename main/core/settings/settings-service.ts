import {
  CLIENT_CONCURRENCY,
  type Settings,
  type SettingsPatch,
  Settings as SettingsSchema,
  defaultSettings,
} from '../../../preload/contract/core/settings';
import { UNIFIED_API_VERSION } from '../../../preload/contract/core/products';
import { withFileLock } from '../durable/file-lock';
import type { EventHub } from '../events';
import type { KeyValueStore } from './key-value-store';

/**
 * Non-secret preferences. A value edited by hand into something invalid falls back to its default.
 *
 * Several processes share the settings file (the app, the CLI, the browser shell). Every write takes the
 * file's cross-process lock; the store re-reads the file inside it and writes it whole, so a key another
 * process set meanwhile stays. Reads see the file as it is now, plus this process's writes still on their way.
 */
export class SettingsService {
  /** Set here, not yet written: what get() shows until the write is done. */
  readonly #pending = new Map<string, unknown>();
  #writes: Promise<void> = Promise.resolve();
  #failure: unknown = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly events: EventHub,
  ) {}

  get(): Settings {
    const shape = SettingsSchema.shape;
    const read = <K extends keyof Settings>(key: K): Settings[K] => {
      const value = this.#pending.has(key) ? this.#pending.get(key) : this.#stored(key);
      const parsed = shape[key].safeParse(value);
      return (parsed.success ? parsed.data : defaultSettings[key]) as Settings[K];
    };
    const optional = <K extends 'clientConcurrency' | 'unifiedApiVersion' | 'printer'>(key: K): Partial<Pick<Settings, K>> => {
      const parsed = shape[key].safeParse(this.#pending.has(key) ? this.#pending.get(key) : this.#stored(key));
      return parsed.success && parsed.data !== undefined ? ({ [key]: parsed.data } as Partial<Pick<Settings, K>>) : {};
    };
    return { language: read('language'), environment: read('environment'), ...optional('clientConcurrency'), ...optional('unifiedApiVersion'), ...optional('printer') };
  }

  /** How many POS clients a run registers at once (the default unless set). */
  clientConcurrency(): number {
    return this.get().clientConcurrency ?? CLIENT_CONCURRENCY.default;
  }

  /** The Unified API's `X-Api-Version` (the product documents' unless set). */
  unifiedApiVersion(): string {
    return this.get().unifiedApiVersion ?? UNIFIED_API_VERSION;
  }

  /** Takes the change at once (get() shows it, listeners hear it) and writes it under the file lock. */
  set(patch: SettingsPatch): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch });
    const changes = Object.entries(patch).filter(([, value]) => value !== undefined);
    for (const [key, value] of changes) this.#pending.set(key, value);
    const write = this.#writes.then(() =>
      withFileLock(this.store.path, async () => {
        for (const [key, value] of changes) this.store.set(key, value);
      }),
    );
    this.#writes = write.then(
      () => this.#settle(changes),
      (error: unknown) => {
        this.#failure = error;
        this.#settle(changes);
      },
    );
    this.events.emit('settings:changed', next);
    return next;
  }

  /** set(), answered once the change is on disk (the bridge's 'settings:set'). */
  async save(patch: SettingsPatch): Promise<Settings> {
    const next = this.set(patch);
    await this.flush();
    return next;
  }

  /** Waits for every write so far; throws the first that failed since the last flush. */
  async flush(): Promise<void> {
    await this.#writes;
    const failure = this.#failure;
    this.#failure = null;
    if (failure) throw failure;
  }

  #stored(key: string): unknown {
    try {
      return this.store.get(key);
    } catch {
      return undefined; // an unreadable file reads as defaults; the next write replaces it
    }
  }

  /** A written change stops overriding the file, unless a later set() changed the key again. */
  #settle(changes: Array<[string, unknown]>): void {
    for (const [key, value] of changes) {
      if (this.#pending.get(key) === value) this.#pending.delete(key);
    }
  }
}

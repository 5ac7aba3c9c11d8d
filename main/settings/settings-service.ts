import { type Settings, type SettingsPatch, Settings as SettingsSchema, defaultSettings } from '../../preload/contract';
import { CLIENT_CONCURRENCY, ClientConcurrency } from '../../preload/contract/settings';
import type { EventHub } from '../events';
import type { KeyValueStore } from './key-value-store';

/** Non-secret preferences. A value edited by hand into something invalid falls back to its default. */
export class SettingsService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly events: EventHub,
  ) {}

  get(): Settings {
    const shape = SettingsSchema.shape;
    const read = <K extends keyof Settings>(key: K): Settings[K] => {
      const parsed = shape[key].safeParse(this.store.get(key));
      return (parsed.success ? parsed.data : defaultSettings[key]) as Settings[K];
    };
    const concurrency = ClientConcurrency.safeParse(this.store.get('clientConcurrency'));
    return { language: read('language'), environment: read('environment'), ...(concurrency.success ? { clientConcurrency: concurrency.data } : {}) };
  }

  /** How many POS clients a run registers at once (the default unless set). */
  clientConcurrency(): number {
    return this.get().clientConcurrency ?? CLIENT_CONCURRENCY.default;
  }

  set(patch: SettingsPatch): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch });
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) this.store.set(key, value);
    }
    this.events.emit('settings:changed', next);
    return next;
  }
}

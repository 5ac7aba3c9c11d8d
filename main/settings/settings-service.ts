import { type Settings, type SettingsPatch, Settings as SettingsSchema, defaultSettings } from '../../preload/contract';
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
    return { language: read('language'), environment: read('environment') };
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

import { z } from 'zod';

export const languages = ['de', 'en'] as const;
export const environmentIds = ['sandbox', 'test', 'live'] as const;

export const Language = z.enum(languages);
export const EnvironmentId = z.enum(environmentIds);

export const Settings = z.object({
  language: Language,
  environment: EnvironmentId,
});
export type Settings = z.infer<typeof Settings>;
export type Language = z.infer<typeof Language>;
export type EnvironmentId = z.infer<typeof EnvironmentId>;

/** A partial update; unknown keys are refused so a typo never silently does nothing. */
export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const defaultSettings: Settings = { language: 'de', environment: 'sandbox' };

import { z } from 'zod';
import { API_VERSION_PATTERN } from './products';

export const languages = ['de', 'en'] as const;
export const environmentIds = ['sandbox', 'test', 'live'] as const;

export const Language = z.enum(languages);
export const EnvironmentId = z.enum(environmentIds);

/** How many POS clients a run registers at once: few by default, as fiskaly answers 444 to crowds. */
export const CLIENT_CONCURRENCY = { default: 4, min: 1, max: 16 } as const;
export const ClientConcurrency = z
  .number()
  .int({ error: 'must be a whole number' })
  .min(CLIENT_CONCURRENCY.min)
  .max(CLIENT_CONCURRENCY.max, { error: `must be at most ${CLIENT_CONCURRENCY.max}` });

/**
 * The receipt printer this laptop uses, remembered for the next store: the system printer's name, the
 * paper width, and the network printer's address. Not secret; each part absent until first chosen.
 */
export const PrinterPrefs = z.strictObject({
  name: z.string().min(1).max(300).optional(),
  paperWidth: z.union([z.literal(80), z.literal(58)]).optional(),
  host: z.string().trim().max(253).optional(),
  port: z.number().int().min(1).max(65_535).optional(),
  nativeQr: z.boolean().optional(),
});
export type PrinterPrefs = z.infer<typeof PrinterPrefs>;

export const Settings = z.object({
  language: Language,
  environment: EnvironmentId,
  /** Absent means CLIENT_CONCURRENCY.default. */
  clientConcurrency: ClientConcurrency.optional(),
  /** The Unified API's `X-Api-Version`; absent means UNIFIED_API_VERSION (products.ts). */
  unifiedApiVersion: z.string().regex(API_VERSION_PATTERN, { error: 'must be a date like 2026-02-03' }).optional(),
  printer: PrinterPrefs.optional(),
});
export type Settings = z.infer<typeof Settings>;
export type Language = z.infer<typeof Language>;
export type EnvironmentId = z.infer<typeof EnvironmentId>;

/** A partial update; unknown keys are refused so a typo never silently does nothing. */
export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const defaultSettings: Settings = { language: 'de', environment: 'sandbox' };

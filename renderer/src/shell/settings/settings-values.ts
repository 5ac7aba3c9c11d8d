import type { EnvironmentId, Settings } from '../../../../preload/contract/core/settings';
import { isUiLanguage } from '../../i18n/languages';

/** The environments in the order the UI lists them (zod-free copy of the contract's list). */
export const environmentOrder = ['sandbox', 'test', 'live'] as const satisfies readonly EnvironmentId[];

/** Fails to compile if the contract gains an environment the UI does not list. */
export type MissingEnvironment = Exclude<EnvironmentId, (typeof environmentOrder)[number]>;
const everyEnvironmentListed: MissingEnvironment extends never ? true : false = true;
void everyEnvironmentListed;

/** The environment whose choice needs a confirmation first. */
export const confirmedEnvironment: EnvironmentId = 'live';

export const isEnvironmentId = (value: unknown): value is EnvironmentId =>
  typeof value === 'string' && (environmentOrder as readonly string[]).includes(value);

/** A light check of an event payload, so a malformed one is ignored rather than rendered. */
export function isSettings(value: unknown): value is Settings {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof Settings, unknown>>;
  return isUiLanguage(candidate.language) && isEnvironmentId(candidate.environment);
}

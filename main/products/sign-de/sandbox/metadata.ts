import { ApiError } from './api-error';
import type { Metadata } from './state';

const MAX_KEYS = 40;
const MAX_KEY_LENGTH = 40;
const MAX_VALUE_LENGTH = 500;

/** JSON Schema for a metadata object in a request body, so ajv reports it as the real API would. */
export const metadataSchema = {
  type: 'object',
  maxProperties: MAX_KEYS,
  propertyNames: { maxLength: MAX_KEY_LENGTH },
  additionalProperties: { type: ['string', 'null'], maxLength: MAX_VALUE_LENGTH },
} as const;

/**
 * A resource's metadata as its JSON shows it: left out when empty (as the live API answers, issue 8), so
 * a client must not expect the field.
 */
export const metadataField = (metadata: Metadata): { metadata?: Metadata } => (Object.keys(metadata).length ? { metadata } : {});

/** Metadata is merged, never replaced; a key set to null or "" is removed. The result keeps the limits. */
export function mergeMetadata(current: Metadata, patch: Record<string, string | null> | undefined): Metadata {
  if (!patch) return current;
  const merged: Metadata = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === '') delete merged[key];
    else merged[key] = value;
  }
  if (Object.keys(merged).length > MAX_KEYS) {
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', `body.metadata should NOT have more than ${MAX_KEYS} properties`);
  }
  return merged;
}

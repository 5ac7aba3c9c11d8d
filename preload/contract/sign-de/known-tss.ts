import type { EnvironmentId } from '../core/settings';

/** A TSS the vault holds a PIN or PUK for, read from the entries' labels (so it works locked and offline). */
export interface KnownTss {
  tssId: string;
  storeName?: string;
  environment: EnvironmentId;
  organizationId?: string;
  hasPuk: boolean;
  hasPin: boolean;
  updatedAt: string;
}

import type { EnvironmentInfo } from '../../preload/contract';
import type { HandlerSet } from './bridge/compose-handlers';

/**
 * A fiskaly product as the composition root (main/services.ts) sees it. What it registers comes first:
 * its environments and the kinds of secret it keeps in the vault, since the vault is made with them.
 * start() then builds the product's services on the core's and says which channels it answers.
 *
 * The core knows no product and no vault, so the parts that name them are type parameters: `Core` is
 * what the wing needs from the composition root, `VaultKinds` its registration with the vault, `Services`
 * what it offers the shells beyond the bridge (the CLI drives runs through them).
 */
export interface Wing<Core, VaultKinds, Services> {
  /** `sign-de`. */
  readonly id: string;
  /** `SIGN DE`, for messages. */
  readonly label: string;
  readonly environments: readonly EnvironmentInfo[];
  readonly vaultKinds: VaultKinds;
  start(core: Core): StartedWing<Services>;
}

/** A wing at work: its services, the channels it answers, and how it stops (runs settle, connections close). */
export interface StartedWing<Services> {
  readonly services: Services;
  readonly handlers: HandlerSet;
  close(): Promise<void>;
}

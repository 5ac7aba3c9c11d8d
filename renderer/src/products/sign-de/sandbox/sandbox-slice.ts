import type { Empty } from '../../../../../preload/contract/core/channels';
import type { Result } from '../../../../../preload/contract/core/result';
import { callBridge } from '../../../bridge/call-bridge';
import type { SliceTools } from '../../../state/store-types';

export interface SandboxActions {
  /** Empties the built-in sandbox (asked first in the card); the outcome goes to the card. */
  resetSandbox(seed?: 'v1-store'): Promise<Result<Empty>>;
}

export function createSandboxSlice({ bridge, get }: SliceTools): SandboxActions {
  return {
    async resetSandbox(seed) {
      const result = await callBridge(() => bridge.sandbox.reset(seed ? { confirm: 'reset', seed } : { confirm: 'reset' }));
      // The open runs and the overview were about TSS that are gone now.
      if (result.ok) await Promise.all([get().loadRuns(), get().loadKnownTss()]);
      return result;
    },
  };
}

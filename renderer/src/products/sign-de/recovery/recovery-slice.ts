import type { Screen, SliceTools } from '../../../state/store-types';

export interface RecoveryState {
  recovery: {
    /** The TSS picked in the PUK recovery. */
    tssId: string | null;
    /** Why the recovery opened by itself: an admin PIN was reported blocked. */
    reason: 'blocked' | null;
    /**
     * The revealed PUK of `tssId`, only while its box is open: dropped when the box closes, the view
     * unmounts, another TSS is picked or the technician navigates away. Never persisted.
     */
    puk: string | null;
    /** The TSS whose admin PIN was just set with its PUK. */
    unblockedTssId: string | null;
    /** The screen the recovery was opened from (the wizard's run, a store overview): "back" goes there. */
    from?: Screen | null;
  };
}

export interface RecoveryActions {
  /** Shows the PUK recovery, with `tssId` picked when known. */
  openRecovery(tssId?: string | null, reason?: 'blocked' | null): void;
  selectRecoveryTss(tssId: string | null): void;
  /** recovery:reveal with the passphrase (an argument, never state); works offline. */
  revealPuk(passphrase: string): Promise<boolean>;
  dropPuk(): void;
  /**
   * Sets a new admin PIN with the stored PUK: `newPin` when the technician chose one, else generated.
   * Main asks for the vault passphrase either way (an argument, never state).
   */
  unblockPin(newPin: string | undefined, passphrase: string): Promise<boolean>;
}

export const initialRecoveryState: RecoveryState = {
  recovery: { tssId: null, reason: null, puk: null, unblockedTssId: null, from: null },
};

export function createRecoverySlice({ bridge, set, get, call }: SliceTools): RecoveryActions {
  return {
    openRecovery(tssId, reason = null) {
      const current = get().recovery;
      const screen = get().screen;
      const from = screen === 'recovery' ? (current.from ?? null) : screen;
      get().navigate('recovery');
      set({
        recovery: {
          tssId: tssId ?? current.tssId,
          reason,
          puk: null,
          unblockedTssId: null,
          from,
        },
      });
    },

    selectRecoveryTss(tssId) {
      set((state) => ({
        recovery: { ...state.recovery, tssId, puk: null, unblockedTssId: state.recovery.tssId === tssId ? state.recovery.unblockedTssId : null },
      }));
    },

    async revealPuk(passphrase) {
      const tssId = get().recovery.tssId;
      if (!tssId) return false;
      const answer = await call('revealPuk', () => bridge.recovery.reveal({ tssId, passphrase }), { tssId });
      // Only if the same TSS is still picked: an answer for a TSS no longer shown is dropped at once.
      if (!answer || get().recovery.tssId !== tssId || get().screen !== 'recovery') return false;
      set((state) => ({ recovery: { ...state.recovery, puk: answer.puk } }));
      return true;
    },

    dropPuk() {
      if (get().recovery.puk === null) return;
      set((state) => ({ recovery: { ...state.recovery, puk: null } }));
    },

    async unblockPin(newPin, passphrase) {
      const tssId = get().recovery.tssId;
      if (!tssId) return false;
      const answer = await call('unblockPin', () => bridge.recovery.unblock({ tssId, ...(newPin ? { newPin } : {}), passphrase }), { tssId });
      if (!answer) return false;
      set((state) => ({ recovery: { ...state.recovery, unblockedTssId: tssId, reason: null } }));
      // The vault holds a new PIN: its list and Home's count follow.
      void Promise.all([get().loadKnownTss(), get().loadVault()]);
      return true;
    },
  };
}

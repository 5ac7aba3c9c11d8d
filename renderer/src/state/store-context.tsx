import { type ReactNode, createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppStore, AppStoreState } from './store-types';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Reads one slice of the app store; re-renders only when that slice changes. */
export function useApp<T>(selector: (state: AppStoreState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp must be used inside <StoreProvider>.');
  return useStore(store, selector);
}

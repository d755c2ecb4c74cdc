import { useSyncExternalStore } from 'react';
import { useConsentStore } from './consent-context.js';
import { isGrantedIn, type GrantTarget } from '@consentry/core';

/** Whether a category (`'statistics'`) or vendor (`{ vendor: 'youtube' }`) is granted right now. */
export function useIsGranted(target: GrantTarget): boolean {
  const store = useConsentStore();
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  return isGrantedIn(state, store.config, target);
}

import { isGrantedIn, type Consent, type ConsentState, type GrantTarget } from '@consentry/core';
import { useMemo, useSyncExternalStore } from 'react';
import { useConsentStore } from './consent-context.js';
import type { ConsentActions } from './consent-store.js';

export interface UseConsentResult extends ConsentActions {
  state: ConsentState;
  /** Checked against `state`, so it agrees with what this render shows (also during hydration). */
  isGranted(target: GrantTarget): boolean;
  /** The engine itself for anything else (`on`, `refresh`); null when the provider failed closed. */
  consent: Consent | null;
}

/** The current consent state, re-rendering on change, plus the actions. */
export function useConsent(): UseConsentResult {
  const store = useConsentStore();
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  return useMemo(
    () => ({
      ...store.actions,
      state,
      isGranted: (target: GrantTarget) => isGrantedIn(state, store.config, target),
      consent: store.consent,
    }),
    [store, state],
  );
}

import type { Consent, Consentry, ConsentState, GrantTarget } from '@consentry/assembly';
import { useMemo, useSyncExternalStore } from 'react';
import { useConsentry } from './consent-context.js';

/** The actions of `useConsent()`. */
export type ConsentActions = Pick<Consentry, 'acceptAll' | 'rejectAll' | 'update' | 'reset' | 'showPreferences' | 'showBanner'>;

export interface UseConsentResult extends ConsentActions {
  state: ConsentState;
  /** Checked against `state`, so it agrees with what this render shows (also during hydration). */
  isGranted(target: GrantTarget): boolean;
  /** The engine itself for anything else (`on`, `refresh`); null when the provider failed closed. */
  consent: Consent | null;
}

/** The current state, re-rendering on change (server snapshot while hydrating). */
export function useConsentState(door: Consentry): ConsentState {
  return useSyncExternalStore(door.subscribe, door.getState, door.getServerState);
}

/** The current consent state, re-rendering on change, plus the actions. */
export function useConsent(): UseConsentResult {
  const door = useConsentry();
  const state = useConsentState(door);
  return useMemo(
    () => ({
      acceptAll: door.acceptAll,
      rejectAll: door.rejectAll,
      update: door.update,
      reset: door.reset,
      showPreferences: door.showPreferences,
      showBanner: door.showBanner,
      state,
      isGranted: (target: GrantTarget) => door.isGranted(target, state),
      consent: door.consent,
    }),
    [door, state],
  );
}

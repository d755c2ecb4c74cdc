import { createContext, useContext } from 'react';
import { closedStore, type ConsentStore } from './consent-store.js';

export const ConsentContext = createContext<ConsentStore | null>(null);
ConsentContext.displayName = 'ConsentContext';

let warned = false;
/** The nearest provider's store; outside one, a closed store (nothing granted) and one console error. */
export function useConsentStore(): ConsentStore {
  const store = useContext(ConsentContext);
  if (store) return store;
  if (!warned) {
    warned = true;
    console.error('Consentry: useConsent, useIsGranted and <ConsentGate> need a <ConsentProvider> above them; nothing is granted without one.');
  }
  return closedStore();
}

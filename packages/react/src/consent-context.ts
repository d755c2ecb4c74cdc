import { closedConsentry, type Consentry } from '@consentry/assembly';
import { createContext, useContext } from 'react';

export const ConsentContext = createContext<Consentry | null>(null);
ConsentContext.displayName = 'ConsentContext';

let warned = false;
/** The nearest provider's Consentry; outside one, a closed one (nothing granted) and one console error. */
export function useConsentry(): Consentry {
  const door = useContext(ConsentContext);
  if (door) return door;
  if (!warned) {
    warned = true;
    console.error('Consentry: useConsent, useIsGranted and <ConsentGate> need a <ConsentProvider> above them; nothing is granted without one.');
  }
  return closedConsentry();
}

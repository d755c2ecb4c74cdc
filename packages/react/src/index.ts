export { ConsentProvider, type ConsentProviderProps } from './consent-provider.js';
export { useConsent, type UseConsentResult } from './use-consent.js';
export { useIsGranted } from './use-is-granted.js';
export { ConsentGate, type ConsentGateProps } from './consent-gate.js';
export type { ConsentActions } from './consent-store.js';
export type { GrantTarget } from './is-granted-in.js';

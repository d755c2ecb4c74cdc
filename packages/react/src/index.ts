export { ConsentProvider, type ConsentProviderProps } from './consent-provider.js';
export { useConsent, type ConsentActions, type UseConsentResult } from './use-consent.js';
export { useIsGranted } from './use-is-granted.js';
export { ConsentGate, type ConsentGateProps } from './consent-gate.js';
// Config and state types, so an app with only @consentry/react installed can type its config.
export type { ConsentConfig, ConsentState, Choices, GrantTarget, VendorTextLanguage, VendorTexts } from '@consentry/assembly';

export { ConsentProvider, type ConsentProviderProps } from './consent-provider.js';
export { useConsent, type UseConsentResult } from './use-consent.js';
export { useIsGranted } from './use-is-granted.js';
export { ConsentGate, type ConsentGateProps } from './consent-gate.js';
export type { ConsentActions, VendorTextLanguage, VendorTexts } from './consent-store.js';
export type { GrantTarget } from '@consentry/core';
// Config and state types, so an app with only @consentry/react installed can type its config.
export type { ConsentConfig, ConsentState, Choices } from '@consentry/core';

export { createConsent, startConsent, randomId } from './consent.js';
export { fnv } from './fnv.js';
// The grant rules other packages apply (the rest of policy.ts is the engine's own).
export { consentLifetimes, gdprApplies, grantsAnything, isGrantedIn, isVendorListed, loadsBeforeConsent, saleOptOut, type GrantTarget } from './policy.js';
export { createMemoryCookies } from './memory-cookies.js';
export { readConsent, getCookie, type ReadConsentOptions } from './ssr.js';
export { resolveConfig, didYouMean, MAX_DAYS } from './config.js';
export { ConsentryConfigError, type ConfigIssue } from './errors.js';
export { transitions, type MachineEvent } from './machine.js';
export { CATEGORIES, OPTIONAL_CATEGORIES } from './types.js';
export type {
  AcceptAllOptions,
  Category,
  OptionalCategory,
  Choices,
  ChoiceUpdate,
  Consent,
  ConsentConfig,
  ConsentEvent,
  ConsentListener,
  ConsentOptions,
  ConsentState,
  CookieAttributes,
  CookieStore,
  CookieConfig,
  CatalogEntry,
  CategoryConfig,
  DecisionMeta,
  DecisionMethod,
  DecisionSource,
  GoogleConsentModeConfig,
  GrantSet,
  ProofConfig,
  ResolvedConfig,
  ResolvedVendor,
  LocalText,
  SiteItem,
  SiteService,
  SiteServiceConfig,
  VendorCatalogLookup,
  VendorConfig,
  VendorParamSpec,
} from './types.js';
export {
  jurisdictionFor,
  normalizeRegion,
  type Jurisdiction,
  type JurisdictionRule,
  type JurisdictionRuleConfig,
  type JurisdictionsConfig,
  type ResolvedJurisdictions,
} from './jurisdiction.js';

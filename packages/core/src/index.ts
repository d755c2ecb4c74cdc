export { createConsent, startConsent, isGrantedIn, randomId } from './consent.js';
export { fnv } from './codec.js';
export { createMemoryCookies } from './memory-cookies.js';
export { readConsent, getCookie, type ReadConsentOptions } from './ssr.js';
export { resolveConfig, didYouMean, MAX_DAYS } from './config.js';
export { ConsentryConfigError, type ConfigIssue } from './errors.js';
export { transitions, type MachineEvent } from './machine.js';
export { CATEGORIES, OPTIONAL_CATEGORIES } from './types.js';
export type {
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

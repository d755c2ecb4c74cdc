export { createBlocker } from './create-blocker.js';
export { isVendorGranted } from './grants.js';
export { cookieDomains } from './cleanup.js';
export { DEFAULT_TEXTS } from './texts.js';
export type {
  BlockedEvent,
  BlockedKind,
  Blocker,
  BlockerOptions,
  BlockerTexts,
  CookieJar,
  LoadContentTarget,
  NamePattern,
  VendorRule,
} from './types.js';

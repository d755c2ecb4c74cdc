export { createBlocker, createGuardBlocker } from './create-blocker.js';
export { createIframeGate } from './gated-iframes.js';
export { cookieDomains } from './cleanup.js';
// The same host matching for the network wall's service worker and CSP (@consentry/network-wall).
export { createHostMatcher, type HostMatcher } from './host-matcher.js';
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

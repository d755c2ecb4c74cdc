import type { createIframeGate } from './gated-iframes.js';
import type { OptionalCategory } from '@consentry/core';

/** A cookie or storage key name: exact, or every name starting with `prefix`. */
export type NamePattern = string | { prefix: string };

/**
 * What the blocker knows about one vendor, as data (@consentry/vendors builds these from its catalog).
 * `hosts` entries are hostname suffixes (`google-analytics.com` matches `region1.google-analytics.com`),
 * optionally followed by a path prefix (`www.google.com/maps`; a path entry is more specific than a bare
 * host entry of the same host), or endpoint patterns, the host `*` then `/path?param`, matched on any
 * host (first party included) by the request interceptors only: a first-party proxy of a tracker endpoint
 * (GA4's `/g/collect?tid`).
 */
export interface VendorRule {
  id: string;
  category: OptionalCategory;
  /** Human name, shown in the iframe placeholder. */
  name?: string;
  hosts: string[];
  /** First-party cookies the vendor writes: deleted on revoke, and their writes refused while not granted. */
  cookies: NamePattern[];
  /** localStorage / sessionStorage keys, treated like cookies. */
  storage?: NamePattern[];
  /** IndexedDB database names the vendor's client creates: deleted when it is not granted. */
  indexedDB?: NamePattern[];
}

export interface BlockerTexts {
  /** `{name}` is replaced by the vendor's name (or the content's host). */
  'placeholder.title': string;
  'placeholder.text': string;
  'placeholder.button': string;
}

/** What "Load content" asks to grant: the vendor when known, always its category. */
export interface LoadContentTarget {
  category: OptionalCategory;
  vendor?: string;
}

export type BlockedKind = 'script' | 'iframe' | 'fetch' | 'xhr' | 'beacon' | 'image' | 'cookie' | 'storage';
export interface BlockedEvent {
  kind: BlockedKind;
  vendor: string;
  /** The URL, cookie name or storage key that was held. */
  target: string;
}

/** Reads and writes `document.cookie`; injectable so tests and non-standard hosts can observe writes. */
export interface CookieJar {
  read(): string;
  write(cookie: string): void;
}

export interface BlockerOptions {
  rules?: VendorRule[];
  /** Hold scripts and iframes of the rules' hosts even without markup. Default true. */
  autoBlock?: boolean;
  /** Intercept fetch, XHR, sendBeacon, image pixels, document.cookie and Storage writes (refused for a vendor not granted). Default true. */
  intercept?: boolean;
  /** CSP nonce given to released scripts (falls back to the original element's nonce). */
  nonce?: string;
  texts?: Partial<BlockerTexts>;
  /** Called by the placeholder's "Load content" button. Default: grant the category and the vendor through core. */
  onLoadContent?: (target: LoadContentTarget) => void;
  /** Reload the page after a withdrawal. Default false. */
  reloadOnWithdraw?: boolean;
  /** How to reload; defaults to `location.reload()`. */
  reload?: () => void;
  cookieJar?: CookieJar;
  /** Observe what was held (debugging, tests, a site's own reporting). */
  onBlocked?: (event: BlockedEvent) => void;
}

export interface Blocker {
  /** Process gated markup under `root` (default: the document). Runs on every consent change anyway. */
  scan(root?: ParentNode): void;
  /** Switch the placeholder texts (e.g. once the visitor's language table has loaded); redraws open placeholders. */
  setTexts(texts: Partial<BlockerTexts>): void;
  /** Delete cookies, storage keys and IndexedDB databases of every rule that is not granted now (also done at start-up). */
  cleanup(): void;
  /** The rule that holds this URL right now, or null when it may load. */
  blockedBy(url: string): VendorRule | null;
  /**
   * Hands over the iframe gate (`createIframeGate`) to a blocker made without one (`createGuardBlocker`):
   * placeholders are drawn and granted iframes released from then on. Does nothing when it has one.
   */
  attachIframes(gate: typeof createIframeGate): void;
  /** Remove observers, interceptors and listeners (placeholders stay). */
  destroy(): void;
}

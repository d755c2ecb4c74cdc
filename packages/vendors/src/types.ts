import type { NamePattern } from '@consentry/blocker';
import type { OptionalCategory, VendorParamSpec } from '@consentry/core';

/** A cookie a vendor sets, for disclosure (name, lifetime) and for clean-up (first-party ones). */
export interface CookieInfo {
  name: string;
  /** As the Open Cookie Database states it ("2 years", "session"). */
  lifetime: string;
  /** `name` is a prefix (`_ga_` matches `_ga_ABC123`). */
  prefix?: boolean;
  /** Set on the vendor's own domain: listed for disclosure, out of the page's reach. */
  thirdParty?: boolean;
  /** Added by Consentry, not from the Open Cookie Database. */
  source?: 'consentry';
}

/**
 * `embed`: an iframe the blocker holds behind a placeholder with a "Load content" button; `widget`:
 * a script that draws something on the page (a captcha, reviews, a form); `font`: a web font CDN.
 */
export type VendorKind = 'analytics' | 'advertising' | 'tag-manager' | 'embed' | 'chat' | 'widget' | 'font';
export type VendorParams = Readonly<Record<string, string | number | boolean>>;

export interface LoadContext {
  /** CSP nonce for the injected script elements. */
  nonce?: string;
  /** The Google tags' data layer name. Default `dataLayer`. */
  dataLayerName?: string;
}

/** One catalog entry: data for disclosure, validation and blocking, plus the vendor's official loader. */
export interface VendorDefinition {
  /** Config key, e.g. `google-analytics`. */
  id: string;
  name: string;
  category: OptionalCategory;
  kind: VendorKind;
  /** What the vendor does with the visitor's data, in English (ui translates by `vendor.<id>.purpose`). */
  purpose: string;
  privacyPolicy: string;
  /**
   * Hostname suffixes, optionally with a path prefix (`www.google.com/maps`), for automatic blocking; and
   * endpoint patterns: the host `*` then `/path?param` (GA4's `/g/collect?tid`): a tracker endpoint proxied
   * on any host, first party included, matched only by the request guards (fetch, XHR, beacons).
   */
  hosts: readonly string[];
  /** The config param whose URL's host is the vendor's too (a self-hosted Matomo), and its default. */
  hostParam?: { name: string; default?: string };
  cookies: readonly CookieInfo[];
  /** Why the vendor sets no cookie (an empty `cookies` list needs one). */
  cookieless?: string;
  /** localStorage / sessionStorage keys the vendor's client writes. */
  storage?: readonly NamePattern[];
  /** IndexedDB databases the vendor's client creates (deleted when it is not granted). */
  indexedDB?: readonly NamePattern[];
  /** The `id` config param: required or not, and its shape. */
  idParam?: VendorParamSpec;
  /** Other config params (Matomo's `url`, `siteId`). */
  params?: Readonly<Record<string, VendorParamSpec>>;
  /**
   * Injects the vendor's official snippet, built with DOM APIs (by the engine, from the manifest).
   * Only called once the vendor is granted. Absent for an embed or a tag the site pastes itself.
   */
  load?: (params: VendorParams, context: LoadContext) => void;
  /**
   * Tells a client already on the page the decision through the vendor's own consent or opt-out API
   * (Mixpanel `opt_out_tracking`, Meta `fbq('consent', …)`, …), so it stops (or resumes) by its own hand
   * too. Called on every decision, granted or not; must do nothing when the client is absent.
   */
  consent?: (granted: boolean, params: VendorParams) => void;
}

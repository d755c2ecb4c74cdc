import { createConsent, createMemoryCookies } from '@consentry/core';
import type { Consent, ConsentConfig, CookieStore } from '@consentry/core';
import { toCatalogLookup } from '../adapters.js';
import { catalog } from '../catalog.js';

export function makeConsent(config: ConsentConfig = {}, cookies: CookieStore = createMemoryCookies()): Consent {
  return createConsent(
    { categories: { functional: {}, statistics: {}, targeting: {} }, ...config },
    { cookies, gpc: false, secure: true, catalog: toCatalogLookup(catalog) },
  );
}

const isArguments = (v: unknown) => Object.prototype.toString.call(v) === '[object Arguments]';

/** dataLayer as data: gtag commands (real Arguments objects) as `{ gtag: [...] }`, other pushes as they are. */
export function dataLayerEntries(name = 'dataLayer'): unknown[] {
  const layer = ((window as unknown as Record<string, unknown>)[name] ?? []) as unknown[];
  return layer.map((entry) => (isArguments(entry) ? { gtag: Array.from(entry as ArrayLike<unknown>) } : entry));
}

/** Forget every global a vendor snippet may have set, and every element. */
export function resetPage(): void {
  const w = window as unknown as Record<string, unknown>;
  for (const key of ['dataLayer', 'gtag', 'fbq', '_fbq', 'hj', '_hjSettings', 'clarity', '_paq', 'ttq', 'pintrk', 'twq', 'uetq', 'criteo_q', '_tfa', 'ym', 'mixpanel', 'posthog', 'analytics', 'Intercom', 'intercomSettings', '_adftrack', 'snaptr', 'rdt', 'obApi', 'Tawk_API', 'lintrk', '_linkedin_data_partner_ids', 'google_tag_manager', 'google_tag_data']) {
    delete w[key];
  }
  document.head.replaceChildren();
  document.body.replaceChildren();
}

export function scriptUrls(): string[] {
  return Array.from(document.querySelectorAll('script[src]'), (s) => s.getAttribute('src') ?? '');
}

/** Every Consent Mode type denied but security_storage, as the defaults push them. */
export const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

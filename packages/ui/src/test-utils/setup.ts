import { createConsent, createMemoryCookies } from '@consentry/core';
import type { ConsentConfig, CookieStore } from '@consentry/core';
import { within } from '@testing-library/preact';
import { createConsentUI } from '../create-consent-ui';
import type { UIOptions, VendorInfo } from '../types';

export const baseConfig: ConsentConfig = {
  revision: 1,
  language: 'en',
  categories: { functional: {}, statistics: {}, targeting: {} },
  vendors: {
    'google-analytics': { id: 'G-TEST123', category: 'statistics' },
    'meta-pixel': { id: '1234567890', category: 'targeting' },
  },
  links: { privacyPolicy: '/privacy', cookiePolicy: '/cookies' },
};

export const vendorInfo: VendorInfo[] = [
  {
    id: 'google-analytics',
    name: 'Google Analytics',
    category: 'statistics',
    purpose: 'Measures how visitors use the site.',
    privacyPolicy: 'https://policies.google.com/privacy',
    cookies: [
      { name: '_ga', duration: '2 years' },
      { name: '_gid', duration: 86400 },
    ],
  },
  {
    id: 'meta-pixel',
    name: 'Meta Pixel',
    category: 'targeting',
    purpose: 'Measures ad conversions and builds audiences.',
    privacyPolicy: 'javascript:alert(1)',
    cookies: [{ name: '_fbp', duration: '3 months' }],
  },
];

/** A real core engine on an in-memory cookie jar, with the UI mounted on it. */
export function setup(config: ConsentConfig = baseConfig, options: UIOptions = {}, cookies: CookieStore = createMemoryCookies()) {
  // The page's own functional feature (like the demo's language script): gated markup, so the
  // functional category, which has no vendor here, is still offered (offered.ts).
  if (!document.querySelector('script[data-category="functional"]')) {
    const markup = document.createElement('script');
    markup.type = 'text/plain';
    markup.setAttribute('data-category', 'functional');
    document.body.append(markup);
  }
  const consent = createConsent(config, { cookies, gpc: false, secure: false });
  const ui = createConsentUI(consent, { vendors: vendorInfo, ...options });
  const host = document.querySelector('consentry-ui') as HTMLElement;
  const shadow = host.shadowRoot as ShadowRoot;
  const view = within(shadow as unknown as HTMLElement);
  return { consent, ui, host, shadow, view, cookies };
}

/** Focused element inside the shadow root. */
export function focused(shadow: ShadowRoot): Element | null {
  return shadow.activeElement;
}

export function key(target: Element, keyName: string, init: KeyboardEventInit = {}): boolean {
  const event = new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true, composed: true, ...init });
  return target.dispatchEvent(event);
}

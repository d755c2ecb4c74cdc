import { createConsent, createMemoryCookies } from '@consentry/core';
import type { Consent, ConsentConfig } from '@consentry/core';
import type { VendorRule } from '../types.js';

export const GA: VendorRule = {
  id: 'google-analytics',
  name: 'Google Analytics',
  category: 'statistics',
  hosts: ['www.googletagmanager.com/gtag/js', 'google-analytics.com', 'analytics.google.com'],
  cookies: ['_ga', { prefix: '_ga_' }, '_gid', { prefix: '_gat' }],
};
export const HOTJAR: VendorRule = {
  id: 'hotjar',
  name: 'Hotjar',
  category: 'statistics',
  hosts: ['hotjar.com', 'hotjar.io'],
  cookies: [{ prefix: '_hj' }],
  storage: [{ prefix: '_hj' }, 'hjViewportId'],
};
export const META: VendorRule = {
  id: 'meta-pixel',
  name: 'Meta Pixel',
  category: 'targeting',
  hosts: ['connect.facebook.net', 'facebook.com'],
  cookies: ['_fbp', '_fbc'],
};
export const YOUTUBE: VendorRule = {
  id: 'youtube',
  name: 'YouTube',
  category: 'targeting',
  hosts: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com'],
  cookies: [],
};
export const RULES = [GA, HOTJAR, META, YOUTUBE];

/**
 * happy-dom binds Storage methods onto each instance on first access, so a later patch of
 * Storage.prototype (what the interceptor does, and what works in browsers) would go unseen. Make the
 * instances look the method up on the prototype on every call, as a browser does.
 */
for (const store of [localStorage, sessionStorage]) {
  Object.defineProperty(store, 'setItem', {
    configurable: true,
    writable: true,
    value(this: Storage, key: string, value: string) {
      return Storage.prototype.setItem.call(this, key, value);
    },
  });
}

/** The fixture rules' vendors are configured by default: only a listed vendor can ever be granted. */
export const CONFIGURED = Object.fromEntries(RULES.map((rule) => [rule.id, { category: rule.category }]));

export function makeConsent(config: ConsentConfig = {}): Consent {
  return createConsent(
    { categories: { functional: {}, statistics: {}, targeting: {} }, vendors: CONFIGURED, ...config },
    { cookies: createMemoryCookies(), gpc: false, secure: true },
  );
}

/** The order scripts ran in: inline ones push to window.__log, external ones log their load. */
export function recordExecution(): { log: string[]; stop(): void } {
  const w = window as unknown as { __log: string[] };
  w.__log = [];
  const onLoad = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLScriptElement && target.src) w.__log.push(`src:${new URL(target.src).pathname}`);
  };
  document.addEventListener('load', onLoad, true);
  return {
    get log() {
      return w.__log;
    },
    stop: () => document.removeEventListener('load', onLoad, true),
  };
}

export function resetDom(): void {
  document.head.replaceChildren();
  document.body.replaceChildren();
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (!name) continue;
    for (const domain of ['', '; domain=example.com', '; domain=shop.example.com', '; domain=www.shop.example.com']) {
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/${domain}`;
    }
  }
  localStorage.clear();
  sessionStorage.clear();
}

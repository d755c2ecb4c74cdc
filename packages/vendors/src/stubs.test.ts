// @vitest-environment-options {"url":"https://www.shop.example.com/"}
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createMemoryCookies } from '@consentry/core';
import { STUBBED_GLOBALS, startStubs } from './stubs.js';
import { catalog } from './catalog.js';
import { metaPixel } from './vendors/meta-pixel.js';
import { makeConsent, resetPage } from './test-utils/helpers.js';

// Day one, item 2: a site whose pasted snippet is gone (Consentry loads the vendor) still calls the
// vendor's queue from its own code, e.g. onclick="fbq('track', 'Lead')". Before consent that must
// not throw (the call is dropped), and the stub must not stop the vendor's real loader after consent.
const w = window as unknown as Record<string, any>;
const cleanups: Array<() => void> = [];
beforeEach(resetPage);
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  for (const names of Object.values(STUBBED_GLOBALS)) for (const n of names) delete w[n];
});

it('covers the catalog vendors whose snippets define a queue the site calls', () => {
  expect(STUBBED_GLOBALS).toMatchObject({ 'meta-pixel': ['fbq'], hubspot: ['_hsq'], 'tiktok-pixel': ['ttq'], mixpanel: ['mixpanel'], posthog: ['posthog'], 'linkedin-insight': ['lintrk'], 'x-pixel': ['twq'], matomo: ['_paq'], segment: ['analytics'] });
});

it('defines each configured vendor’s globals before consent; site calls of every shape are dropped, never thrown', () => {
  const consent = makeConsent({ vendors: { 'meta-pixel': { id: '1234567890' }, hubspot: { id: '1234567' }, 'tiktok-pixel': { id: 'C4A1B2C3D4E5F6G7H8I9' }, mixpanel: { id: '0123456789abcdef0123456789abcdef' }, matomo: { url: 'https://analytics.example.com/', siteId: '1' } } });
  cleanups.push(startStubs(consent));
  expect(() => {
    w.fbq('track', 'Lead', { value: 1 });
    w._hsq.push(['trackPageView']);
    w.ttq.track('ClickButton');
    w.ttq.instance('X').track('y');
    w.mixpanel.track('clicked');
    w.mixpanel.people.set({ plan: 'pro' });
    w._paq.push(['trackEvent', 'a', 'b']);
    void `${w.fbq}`;
  }).not.toThrow();
  expect(typeof w.fbq).toBe('function');
  expect(w.lintrk).toBeUndefined(); // not configured: nothing defined
});

it('removes the stubs of a vendor the moment it is granted, so its real loader runs (Meta injects only when fbq is undefined)', () => {
  const consent = makeConsent({ vendors: { 'meta-pixel': { id: '1234567890' } } });
  cleanups.push(startStubs(consent));
  const stub = w.fbq;
  consent.acceptAll();
  expect(w.fbq).toBeUndefined();
  metaPixel.load!({ id: '1234567890' }, {});
  expect(w.fbq).not.toBe(stub);
  expect(w.fbq.queue.map((args: unknown[]) => args[0])).toEqual(['init', 'track']);
  expect(document.querySelector('script[src="https://connect.facebook.net/en_US/fbevents.js"]')).not.toBeNull();
});

it('defines nothing for a returning visitor who granted the vendor, and leaves a site’s own global alone', () => {
  const cookies = createMemoryCookies();
  const config = { vendors: { 'meta-pixel': { id: '1234567890' }, hubspot: { id: '1234567' } } };
  const first = makeConsent(config, cookies);
  first.update({ targeting: true, vendors: { 'meta-pixel': true, hubspot: false } });
  cleanups.push(startStubs(makeConsent(config, cookies)));
  expect(w.fbq).toBeUndefined();
  expect(typeof w._hsq).toBe('function'); // refused: still stubbed
  cleanups.pop()!();
  const own: unknown[] = [];
  w._hsq = own;
  cleanups.push(startStubs(makeConsent({ vendors: { hubspot: { id: '1234567' } } })));
  expect(w._hsq).toBe(own);
});

it('every stubbed vendor can be configured (the table names catalog vendors only)', () => {
  expect(Object.keys(STUBBED_GLOBALS).filter((id) => !catalog[id])).toEqual([]);
});

it('waits for the end of parsing, so a snippet pasted in the page installs itself and still loads after consent', () => {
  const consent = makeConsent({ vendors: { mixpanel: { id: '0123456789abcdef0123456789abcdef' } } });
  const state = Object.getOwnPropertyDescriptor(Document.prototype, 'readyState') ?? Object.getOwnPropertyDescriptor(document, 'readyState');
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
  const w = window as unknown as Record<string, unknown>;
  let stop = () => {};
  try {
    stop = startStubs(consent);
    // The pasted snippet, during parsing: `(function (f, b) { if (!b.__SV) { … window.mixpanel = b } })(document, window.mixpanel || [])`.
    const b = (w.mixpanel as { __SV?: number } | undefined) ?? ([] as unknown as { __SV?: number });
    expect(b.__SV).toBeUndefined();
    b.__SV = 1.2;
    w.mixpanel = b;
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(w.mixpanel).toBe(b); // the site's own queue, not replaced by a stub
  } finally {
    if (state) Object.defineProperty(document, 'readyState', state);
    else delete (document as unknown as Record<string, unknown>).readyState;
    stop();
    delete w.mixpanel;
  }
});

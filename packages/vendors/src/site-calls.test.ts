// @vitest-environment-options {"url":"https://www.shop.example.com/","settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createConsentMode } from './consent-mode.js';
import { dataLayerEntries, makeConsent, resetPage } from './test-utils/helpers.js';

// A site that removed its pasted GA snippet (getting-started says to) still calls gtag('event', …)
// from its own code, e.g. a button's onclick: that must never throw, before consent or after.
const w = window as unknown as Record<string, unknown>;
const cleanups: Array<() => void> = [];
beforeEach(resetPage);
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  delete w.gtag;
});

it('a configured Google vendor leaves gtag and dataLayer defined from the start; calls queue until gtag.js reads them', () => {
  const consent = makeConsent({ vendors: { 'google-analytics': { id: 'G-ABC1234' } } });
  cleanups.push(createConsentMode(consent).destroy);
  expect(typeof w.gtag).toBe('function');
  expect(() => (w.gtag as (...a: unknown[]) => void)('event', 'purchase', { value: 1 })).not.toThrow();
  expect(dataLayerEntries().at(-1)).toEqual({ gtag: ['event', 'purchase', { value: 1 }] });
});

it("leaves a site's own gtag alone, and defines none without a Google vendor", () => {
  const own = () => {};
  w.gtag = own;
  cleanups.push(createConsentMode(makeConsent({ vendors: { 'google-analytics': { id: 'G-ABC1234' } } })).destroy);
  expect(w.gtag).toBe(own);
  delete w.gtag;
  cleanups.push(createConsentMode(makeConsent({ vendors: { hotjar: { id: '1234567' } } })).destroy);
  expect(w.gtag).toBeUndefined();
});

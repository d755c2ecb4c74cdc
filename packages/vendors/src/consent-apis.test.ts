// @vitest-environment-options {"url":"https://www.shop.example.com/","settings":{"handleDisabledFileLoadingAsSuccess":true}}
// Each catalog vendor with its own consent or opt-out API is told every decision through it, so a client
// already running stops (or resumes) by its own hand too, not only because the blocker holds its requests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog } from './catalog.js';
import { createVendorLoader } from './create-vendor-loader.js';
import { makeConsent, resetPage } from './test-utils/helpers.js';
import type { VendorDefinition } from './types.js';

/** Only the consent half is under test: without `load` no script is injected. */
const consentOnly = (id: string): VendorDefinition => {
  const { load: _, ...rest } = catalog[id] as VendorDefinition;
  return rest;
};

const w = window as unknown as Record<string, unknown>;
const cleanups: Array<() => void> = [];
beforeEach(resetPage);
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  for (const name of ['mixpanel', 'posthog', 'amplitude', 'clarity', 'fbq', 'ttq', '_paq', '_hsq', 'uetq']) delete w[name];
});

/** A recording stand-in for a vendor's client: every call is logged as `method(args)`. */
function client(calls: string[], opts: { loaded?: boolean; optedOut?: () => boolean } = {}) {
  const record = (name: string) => (...args: unknown[]) => void calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(',')})`);
  return new Proxy(
    { __loaded: opts.loaded ?? true, has_opted_out_tracking: opts.optedOut ?? (() => true), has_opted_out_capturing: opts.optedOut ?? (() => true) },
    { get: (target, key: string) => (key in target ? (target as Record<string, unknown>)[key] : record(key)) },
  );
}
const fn = (calls: string[]) => (...args: unknown[]) => void calls.push(JSON.stringify(args));
const queue = (calls: string[]) => ({ push: (...items: unknown[]) => void calls.push(...items.map((i) => JSON.stringify(i))) });

const CASES: Array<[string, Record<string, string>, (calls: string[]) => void, string[], string[]]> = [
  ['mixpanel', { id: '0123456789abcdef0123456789abcdef' }, (c) => (w.mixpanel = client(c)), ['opt_in_tracking()'], ['opt_out_tracking()']],
  ['posthog', { id: 'phc_0123456789abcdefghij' }, (c) => (w.posthog = client(c)), ['opt_in_capturing()'], ['opt_out_capturing()']],
  ['amplitude', { id: '0123456789abcdef0123456789abcdef' }, (c) => (w.amplitude = client(c)), ['setOptOut(false)'], ['setOptOut(true)']],
  ['microsoft-clarity', { id: 'abcde12345' }, (c) => (w.clarity = fn(c)), ['["consentv2",{"ad_Storage":"granted","analytics_Storage":"granted"}]'], ['["consentv2",{"ad_Storage":"denied","analytics_Storage":"denied"}]', '["consent",false]']],
  ['meta-pixel', { id: '1234567890' }, (c) => (w.fbq = fn(c)), ['["consent","grant"]'], ['["consent","revoke"]']],
  ['tiktok-pixel', { id: 'C4A1B2C3D4E5F6G7H8I9' }, (c) => (w.ttq = client(c)), ['grantConsent()'], ['revokeConsent()']],
  ['matomo', { url: 'https://analytics.example.com/', siteId: '1' }, (c) => (w._paq = queue(c)), ['["setConsentGiven"]', '["setCookieConsentGiven"]'], ['["forgetConsentGiven"]', '["forgetCookieConsentGiven"]']],
  ['hubspot', { id: '1234567' }, (c) => (w._hsq = queue(c)), ['["doNotTrack",{"track":true}]'], ['["doNotTrack"]']],
  ['microsoft-uet', { id: '12345678' }, (c) => (w.uetq = queue(c)), ['"consent"', '"update"', '{"ad_storage":"granted"}'], ['"consent"', '"update"', '{"ad_storage":"denied"}']],
];

describe("vendors' own consent APIs", () => {
  it.each(CASES)('%s: called on grant and on withdrawal, on every decision', (id, params, install, onGrant, onRevoke) => {
    const def = catalog[id] as VendorDefinition;
    const calls: string[] = [];
    install(calls); // the client is on the page already (a pasted snippet, or loaded on an earlier grant)
    const category = def.category;
    const consent = makeConsent({ categories: { [category]: {} }, vendors: { [id]: params } });
    cleanups.push(createVendorLoader(consent, { [id]: consentOnly(id) }).destroy);
    expect(calls).toEqual([]); // no decision yet: nothing to tell
    consent.update({ [category]: true });
    expect(calls).toEqual(onGrant);
    calls.length = 0;
    consent.update({ [category]: false });
    expect(calls).toEqual(onRevoke);
    calls.length = 0;
    consent.rejectAll(); // a decision that changes nothing is still told
    expect(calls).toEqual(onRevoke);
  });

  it('tells a client already running the stored decision at start-up', () => {
    const calls: string[] = [];
    const first = makeConsent({ categories: { targeting: {} }, vendors: { 'meta-pixel': { id: '1234567890' } } });
    first.rejectAll();
    w.fbq = fn(calls);
    cleanups.push(createVendorLoader(first, { 'meta-pixel': consentOnly('meta-pixel') }).destroy);
    expect(calls).toEqual(['["consent","revoke"]']);
  });

  it('does not re-opt-in a client that never opted out, nor talk to a snippet stub that has not loaded', () => {
    const calls: string[] = [];
    w.mixpanel = client(calls, { optedOut: () => false });
    const consent = makeConsent({ categories: { statistics: {} }, vendors: { mixpanel: { id: '0123456789abcdef0123456789abcdef' } } });
    cleanups.push(createVendorLoader(consent, { mixpanel: consentOnly('mixpanel') }).destroy);
    consent.acceptAll();
    expect(calls).toEqual([]);
    w.mixpanel = client(calls, { loaded: false });
    consent.update({ statistics: false });
    expect(calls).toEqual([]);
  });

  it('keeps telling the others when one client throws', () => {
    const calls: string[] = [];
    w.fbq = () => {
      throw new Error('broken pixel');
    };
    w.ttq = client(calls);
    const consent = makeConsent({ categories: { targeting: {} }, vendors: { 'meta-pixel': { id: '1234567890' }, 'tiktok-pixel': { id: 'C4A1B2C3D4E5F6G7H8I9' } } });
    const error = console.error;
    console.error = () => {};
    try {
      cleanups.push(createVendorLoader(consent, { 'meta-pixel': consentOnly('meta-pixel'), 'tiktok-pixel': consentOnly('tiktok-pixel') }).destroy);
      consent.acceptAll();
    } finally {
      console.error = error;
    }
    expect(calls).toEqual(['grantConsent()']);
  });
});

describe('clean-up data', () => {
  it("names the real clients' IndexedDB databases and queue keys, so withdrawal can remove them", () => {
    expect(catalog.mixpanel!.indexedDB).toEqual(expect.arrayContaining(['mixpanelBrowserDb', 'mixpanelFlagsDb']));
    expect(catalog.mixpanel!.storage).toEqual(expect.arrayContaining([{ prefix: '__mpq_' }]));
    expect(catalog.amplitude!.indexedDB).toEqual(expect.arrayContaining([{ prefix: 'AMP_' }]));
  });
});

// @vitest-environment-options {"url":"https://www.shop.example.com/","settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { createBlocker } from '@consentry/blocker';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBlockerRules } from './adapters.js';
import { catalog } from './catalog.js';
import { createVendorLoader } from './create-vendor-loader.js';
import { makeConsent, resetPage, scriptUrls } from './test-utils/helpers.js';

const cleanups: Array<() => void> = [];
beforeEach(resetPage);
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const CONFIG = {
  vendors: {
    'google-analytics': { id: 'G-ABC1234' },
    hotjar: { id: '1234567' },
    'meta-pixel': { id: '1234567890123456', enabled: false },
  },
};

describe('vendor loader', () => {
  it('loads nothing before consent, then each configured vendor once it is granted', () => {
    const consent = makeConsent(CONFIG);
    const loader = createVendorLoader(consent, catalog);
    cleanups.push(loader.destroy);
    expect(scriptUrls()).toEqual([]);
    consent.update({ targeting: true });
    expect(scriptUrls()).toEqual([]); // meta-pixel is switched off with "enabled": false
    consent.update({ statistics: true });
    expect(scriptUrls()).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-ABC1234', 'https://static.hotjar.com/c/hotjar-1234567.js?sv=6']);
    expect(loader.loaded()).toEqual(['google-analytics', 'hotjar']);
  });

  it('loads a vendor once, however often consent changes', () => {
    const consent = makeConsent(CONFIG);
    cleanups.push(createVendorLoader(consent, catalog).destroy);
    consent.acceptAll();
    consent.update({ statistics: false });
    consent.acceptAll();
    expect(scriptUrls().filter((u) => u.includes('gtag/js'))).toHaveLength(1);
  });

  it('respects a vendor switched off inside a granted category', () => {
    const consent = makeConsent(CONFIG);
    cleanups.push(createVendorLoader(consent, catalog).destroy);
    consent.update({ statistics: true, vendors: { hotjar: false } });
    expect(scriptUrls()).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-ABC1234']);
  });

  it('loads at once for a decision already stored', () => {
    const consent = makeConsent(CONFIG);
    consent.acceptAll();
    cleanups.push(createVendorLoader(consent, catalog, { nonce: 'n' }).destroy);
    expect(scriptUrls()).toHaveLength(2);
  });

  it('is let through by the blocker once granted, and held by it if a loader is called too early', () => {
    const consent = makeConsent(CONFIG);
    const blocker = createBlocker(consent, { rules: toBlockerRules(catalog, consent.config.vendors) });
    cleanups.push(blocker.destroy);
    catalog.hotjar!.load!({ id: '1234567' }, {}); // a stray call before consent
    expect(document.querySelector('script')?.getAttribute('type')).toBe('text/plain');
    cleanups.push(createVendorLoader(consent, catalog).destroy);
    consent.update({ statistics: true });
    const ga = Array.from(document.querySelectorAll('script')).find((s) => s.src.includes('gtag/js'));
    expect(ga?.hasAttribute('type')).toBe(false);
  });
});

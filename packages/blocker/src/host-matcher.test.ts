// @vitest-environment-options {"url":"https://www.shop.example.com/page"}
import { describe, expect, it } from 'vitest';
import { createHostMatcher } from './host-matcher.js';
import type { VendorRule } from './types.js';

const ga: VendorRule = { id: 'ga', category: 'statistics', hosts: ['google-analytics.com', 'www.googletagmanager.com/gtag/js'], cookies: [] };
const gtm: VendorRule = { id: 'gtm', category: 'statistics', hosts: ['www.googletagmanager.com/gtm.js'], cookies: [] };
const maps: VendorRule = { id: 'maps', category: 'functional', hosts: ['www.google.com/maps', 'maps.googleapis.com'], cookies: [] };
const match = createHostMatcher([ga, gtm, maps], () => location.hostname);
const ids = (url: string) => match(url)?.map((r) => r.id) ?? null;

describe('host matcher', () => {
  it('matches a hostname suffix on a label boundary', () => {
    expect(ids('https://region1.google-analytics.com/g/collect')).toEqual(['ga']);
    expect(ids('//www.google-analytics.com/analytics.js')).toEqual(['ga']);
    expect(ids('https://notgoogle-analytics.com/x')).toBeNull();
  });

  it('tells apart vendors sharing a host by path prefix', () => {
    expect(ids('https://www.googletagmanager.com/gtag/js?id=G-1')).toEqual(['ga']);
    expect(ids('https://www.googletagmanager.com/gtm.js?id=GTM-1')).toEqual(['gtm']);
    expect(ids('https://www.google.com/maps/embed?pb=1')).toEqual(['maps']);
    expect(ids('https://www.google.com/recaptcha/api.js')).toBeNull();
  });

  it('never matches first-party, relative or non-http URLs', () => {
    expect(ids('/gtag/js')).toBeNull();
    expect(ids('https://www.shop.example.com/x')).toBeNull();
    expect(ids('data:text/javascript,1')).toBeNull();
    expect(ids('not a url at all')).toBeNull();
  });
});

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

describe('host matcher: the URL as the browser reads it', () => {
  it('reads backslashes, tabs and newlines after a leading slash as the parser does: scheme-relative', () => {
    for (const url of ['/\\www.google-analytics.com/x', '/\t/www.google-analytics.com/x', '/\n/www.google-analytics.com/x', '\\\\www.google-analytics.com/x', ' //www.google-analytics.com/x']) {
      expect(ids(url), JSON.stringify(url)).toEqual(['ga']);
    }
  });

  it('reads trailing-dot, upper-case, percent-encoded, full-width and userinfo hosts as the host they are', () => {
    for (const url of [
      'https://www.google-analytics.com./g/collect',
      'HTTPS://WWW.GOOGLE-ANALYTICS.COM/g/collect',
      'https://www.google%2Danalytics.com/g/collect',
      'https://ｗｗｗ.google-analytics.com/g/collect',
      'https://www.shop.example.com@www.google-analytics.com/g/collect',
      'https://www.shop.example.com.:443@region1.google-analytics.com./',
    ]) {
      expect(ids(url), url).toEqual(['ga']);
    }
    expect(ids('https://www.shop.example.com./x')).toBeNull(); // the page's own host, with its dot
  });

  it("resolves relative URLs against the document's base URL, not the page's address", () => {
    expect(ids('gtm.js?id=GTM-1')).toBeNull();
    expect(match('gtm.js?id=GTM-1', 'https://www.googletagmanager.com/')?.map((r) => r.id)).toEqual(['gtm']);
    const base = document.createElement('base');
    base.href = 'https://www.googletagmanager.com/';
    document.head.append(base);
    try {
      expect(ids('gtm.js?id=GTM-1')).toEqual(['gtm']);
      expect(ids('/gtm.js?id=GTM-1')).toEqual(['gtm']);
    } finally {
      base.remove();
    }
    expect(ids('/gtm.js?id=GTM-1')).toBeNull();
  });

  it('lets a bare host own every path of a shared host that a path entry does not claim, on segment boundaries', () => {
    const gtmHost: VendorRule = { id: 'gtm', category: 'statistics', hosts: ['www.googletagmanager.com'], cookies: [] };
    const gaPath: VendorRule = { id: 'ga', category: 'statistics', hosts: ['www.googletagmanager.com/gtag/'], cookies: [] };
    const ads: VendorRule = { id: 'ads', category: 'targeting', hosts: ['www.google.com/pagead'], cookies: [] };
    const m = createHostMatcher([gtmHost, gaPath, ads], () => location.hostname);
    const of = (url: string) => m(url)?.map((r) => r.id) ?? null;
    expect(of('https://www.googletagmanager.com/a?id=GTM-1&v=3')).toEqual(['gtm']);
    expect(of('https://www.googletagmanager.com/gtm.js?id=GTM-1')).toEqual(['gtm']);
    expect(of('https://www.googletagmanager.com/gtag/js?id=G-1')).toEqual(['ga']);
    expect(of('https://www.googletagmanager.com/GTAG/%6as?id=G-1')).toEqual(['ga']);
    expect(of('https://www.google.com/pagead/1p-user-list/1')).toEqual(['ads']);
    expect(of('https://www.google.com/pageadx')).toBeNull();
    expect(of('https://www.google.com/%70agead/x')).toEqual(['ads']);
  });

  it('gives the request interceptors the resolved URL, and matches endpoint rules on any host, first party included', () => {
    const ga4: VendorRule = { id: 'ga', category: 'statistics', hosts: ['google-analytics.com', '*/g/collect?tid'], cookies: [] };
    const meta: VendorRule = { id: 'meta', category: 'targeting', hosts: ['facebook.com', '*/tr?ev'], cookies: [] };
    const m = createHostMatcher([ga4, meta], () => location.hostname);
    const req = (url: string) => {
      const r = m.request(url);
      return [r.href, r.rules?.map((x) => x.id) ?? null];
    };
    expect(req('/api/cart')).toEqual(['/api/cart', null]);
    expect(req('/\\www.google-analytics.com/x')).toEqual(['https://www.google-analytics.com/x', ['ga']]);
    expect(req('/g/collect?v=2&tid=G-1')).toEqual(['https://www.shop.example.com/g/collect?v=2&tid=G-1', ['ga']]);
    expect(req('https:gtm.js')).toEqual(['https://www.shop.example.com/gtm.js', null]); // relative to a same-scheme base
    expect(req('/metrics/g/collect?v=2&tid=G-1')?.[1]).toEqual(['ga']);
    expect(req('https://sgtm.shop.example.com/g/collect?tid=G-1')?.[1]).toEqual(['ga']);
    expect(req('/g/%63ollect?tid=G-1')?.[1]).toEqual(['ga']);
    expect(req('/tr/?id=1&ev=PageView')?.[1]).toEqual(['meta']);
    // The path alone, or the path inside another segment, is not the endpoint.
    expect(req('/g/collect?v=2')?.[1]).toBeNull();
    expect(req('/blog/g/collection?tid=1')?.[1]).toBeNull();
    expect(req('/tr/istanbul?ev=1')?.[1]).toBeNull();
    // Endpoint rules are for requests only: scripts, frames and pixels go by host.
    expect(m('/g/collect?tid=G-1')).toBeNull();
  });
});

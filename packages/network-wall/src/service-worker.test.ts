import { describe, expect, it } from 'vitest';
import { configFromUrl, staticRoutes } from './service-worker.js';

describe('the service worker', () => {
  it("reads the guard's config slice from its URL; anything else is no config", () => {
    const config = { vendors: { 'meta-pixel': { id: '1234567890' } } };
    expect(configFromUrl(`?config=${encodeURIComponent(JSON.stringify(config))}`)).toEqual(config);
    expect(configFromUrl('?config=%7Bbroken')).toBeNull();
    expect(configFromUrl('')).toBeNull();
  });

  it('routes navigations, and every request that is neither first party nor a vendor host, to the network', () => {
    class Pattern {
      constructor(readonly init: object) {}
    }
    const here = { href: 'https://shop.example/consentry-sw.js', origin: 'https://shop.example', hostname: 'shop.example', protocol: 'https:', port: '', search: '' };
    const routes = staticRoutes([{ id: 'x', category: 'targeting', hosts: ['facebook.com', 'www.googletagmanager.com/gtm.js'], cookies: [] }], here, Pattern) as Array<{ condition: { requestMode?: string; not?: { or: Array<{ urlPattern: Pattern }> } }; source: string }>;
    expect(routes[0]).toEqual({ condition: { requestMode: 'navigate' }, source: 'network' });
    expect(routes[1]!.source).toBe('network');
    expect(routes[1]!.condition.not!.or.map((c) => c.urlPattern.init)).toEqual([
      { protocol: 'https', hostname: 'shop.example', port: '' },
      { hostname: '{*.}?facebook.com' },
      { hostname: '{*.}?www.googletagmanager.com', pathname: '/gtm.js*' },
    ]);
    // `?firstParty=network`: first party too, before the vendors' hosts.
    const fast = staticRoutes([], here, Pattern, true) as Array<{ condition: { urlPattern?: Pattern }; source: string }>;
    expect(fast[1]).toEqual({ condition: { urlPattern: new Pattern({ protocol: 'https', hostname: 'shop.example', port: '' }) }, source: 'network' });
  });

  it("builds routes for the catalog's endpoint rules (`*/g/collect?tid`) without an exception", () => {
    // Like URLPattern: `?` in a pathname and a bare `*` host are syntax it refuses.
    class Pattern {
      constructor(readonly init: { hostname?: string; pathname?: string }) {
        if (init.pathname?.includes('?') || init.hostname?.endsWith('?*')) throw new TypeError('invalid pattern');
      }
    }
    const here = { href: 'https://shop.example/consentry-sw.js', origin: 'https://shop.example', hostname: 'shop.example', protocol: 'https:', port: '', search: '' };
    const rules = [{ id: 'google-analytics', category: 'statistics' as const, hosts: ['google-analytics.com', '*/g/collect?tid'], cookies: [] }];
    const routes = staticRoutes(rules, here, Pattern) as Array<{ condition: { not?: { or: Array<{ urlPattern: Pattern }> } } }>;
    expect(routes[1]!.condition.not!.or.map((c) => c.urlPattern.init.hostname)).toEqual(['shop.example', '{*.}?google-analytics.com']);
  });
});

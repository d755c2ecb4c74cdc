import { createConsent, type ResolvedVendor } from '@consentry/core';
import { describe, expect, it } from 'vitest';
import { toBlockerRules, toCatalogLookup } from './adapters.js';
import { catalog } from './catalog.js';
import { checkVendorConfig, compactLookup, compactRules, encodeCatalog } from './compact.js';

const compact = encodeCatalog(catalog);
const memory = () => {
  const jar = new Map<string, string>();
  return { get: (n: string) => jar.get(n), set: (n: string, v: string) => void jar.set(n, v), remove: (n: string) => void jar.delete(n) };
};

describe('compact catalog', () => {
  it('keeps each vendor\'s category, name and option names for the first validation pass', () => {
    const full = toCatalogLookup(catalog);
    const lookup = compactLookup(compact);
    expect(Object.keys(lookup)).toEqual(Object.keys(full));
    for (const [id, entry] of Object.entries(full)) {
      expect(lookup[id]?.category).toBe(entry.category);
      expect(lookup[id]?.name).toBe(entry.name);
      expect(Object.keys(lookup[id]?.params ?? {})).toEqual(Object.keys(entry.params ?? {}));
    }
  });

  it('gives the same blocker rules as the full catalog, with and without configured vendors', () => {
    expect(compactRules(compact)).toEqual(toBlockerRules(catalog));
    const configs: Record<string, ResolvedVendor>[] = [
      { matomo: { id: 'matomo', category: 'statistics', params: { url: 'https://stats.example.lv/', siteId: '3' } } },
      { posthog: { id: 'posthog', category: 'statistics', params: { id: 'phc_x' } } },
      { posthog: { id: 'posthog', category: 'statistics', params: { id: 'phc_x', host: 'https://ph.example.com/' } } },
      { 'google-analytics': { id: 'google-analytics', category: 'targeting', params: { id: 'G-ABCD' } } },
    ];
    for (const configured of configs) expect(compactRules(compact, configured)).toEqual(toBlockerRules(catalog, configured));
  });

  it('a host that depends on config is one declared param (data, the same for the index and the full catalog)', () => {
    for (const def of Object.values(catalog)) if (def.hostParam) expect(def.params, def.id).toHaveProperty([def.hostParam.name]);
    expect(Object.values(catalog).filter((d) => d.hostParam).map((d) => d.id).sort()).toEqual(['matomo', 'matomo-cookieless', 'posthog']);
  });

  it('reports unknown vendors, unknown options and wrong types as the full catalog does', () => {
    const bad = { vendors: { 'meta-pixle': { id: '1' }, matomo: { url: 'https://x.example/', siteId: '1', site: 2 }, hotjar: { id: 7 } } };
    const message = (lookup: ReturnType<typeof compactLookup>) => {
      try {
        createConsent(bad as never, { catalog: lookup, cookies: memory() });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    const expected = message(toCatalogLookup(catalog));
    expect(expected).toContain('did you mean meta-pixel?');
    // The same problems at the same paths; only the format hint waits for the full definition.
    const paths = (m: string) => m.split('; ').filter((p) => p.includes(': ')).map((p) => p.replace(/^Invalid Consentry config: /, '').split(':')[0]);
    expect(paths(message(compactLookup(compact)))).toEqual(paths(expected));
    expect(message(compactLookup(compact))).toContain('vendors.hotjar.id: malformed value 7; expected a string');
  });

  it('checks formats against the full definition before a loader may run, naming the path', () => {
    const ga = (params: Record<string, string>): ResolvedVendor => ({ id: 'google-analytics', category: 'statistics', params });
    expect(checkVendorConfig(ga({ id: 'G-ABC123' }), catalog['google-analytics']!)).toBeNull();
    expect(checkVendorConfig(ga({ id: 'UA-1234-1' }), catalog['google-analytics']!)).toContain(
      'vendors.google-analytics.id: malformed value "UA-1234-1"; expected a GA4 measurement id like G-XXXXXXX',
    );
    expect(checkVendorConfig(ga({}), catalog['google-analytics']!)).toContain('vendors.google-analytics.id: required');
    const matomo: ResolvedVendor = { id: 'matomo', category: 'targeting', params: { url: 'https://stats.example.lv/', siteId: '3' } };
    expect(checkVendorConfig(matomo, catalog.matomo!)).toBeNull();
    expect(checkVendorConfig({ ...matomo, params: { url: 'http://x', siteId: 'a' } }, catalog.matomo!)).toMatch(/vendors\.matomo\.url.*vendors\.matomo\.siteId/);
  });
});

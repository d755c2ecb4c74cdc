import { ConsentryConfigError, createConsent, createMemoryCookies } from '@consentry/core';
import type { ConsentConfig } from '@consentry/core';
import { describe, expect, it } from 'vitest';
import { toCatalogLookup } from './adapters.js';
import { catalog } from './catalog.js';

const lookup = toCatalogLookup(catalog);
const make = (vendors: NonNullable<ConsentConfig['vendors']>) =>
  createConsent({ categories: { functional: {}, statistics: {}, targeting: {} }, vendors }, { cookies: createMemoryCookies(), gpc: false, catalog: lookup });

function errorOf(fn: () => unknown): ConsentryConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConsentryConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConsentryConfigError');
}

describe('vendor config validated by core with the catalog', () => {
  it('accepts one config line per vendor and takes the category from the catalog', () => {
    const consent = make({ hotjar: { id: '1234567' }, 'google-analytics': { id: 'G-XXXXXXX' }, matomo: { url: 'https://stats.example.org/', siteId: '3' } });
    expect(consent.config.vendors.hotjar).toEqual({ id: 'hotjar', category: 'statistics', params: { id: '1234567' } });
    expect(consent.config.vendors.matomo?.params).toEqual({ url: 'https://stats.example.org/', siteId: '3' });
  });

  it('drops a vendor switched off with "enabled": false', () => {
    expect(make({ 'meta-pixel': { id: '1234567890123456', enabled: false } }).config.vendors).toEqual({});
  });

  it('names the path of a malformed GA4 id', () => {
    const error = errorOf(() => make({ 'google-analytics': { id: 'UA-12345-1' } }));
    expect(error.code).toBe('CONSENTRY_CONFIG');
    expect(error.path).toBe('vendors.google-analytics.id');
    expect(error.message).toContain('G-XXXXXXX');
  });

  it('names the path of a missing id', () => {
    expect(errorOf(() => make({ hotjar: {} })).path).toBe('vendors.hotjar.id');
  });

  it('names an unknown vendor and suggests the close one', () => {
    const error = errorOf(() => make({ 'meta-pixle': { id: '1234567890123456' } }));
    expect(error.path).toBe('vendors.meta-pixle');
    expect(error.message).toContain('meta-pixel');
  });

  it("checks Matomo's extra params", () => {
    const error = errorOf(() => make({ matomo: { url: 'ftp://stats', siteId: 'x' } }));
    expect(error.issues.map((i) => i.path)).toEqual(['vendors.matomo.url', 'vendors.matomo.siteId']);
  });
});

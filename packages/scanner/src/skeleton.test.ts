import { resolveConfig } from '@consentry/core';
import { catalog, toCatalogLookup } from '@consentry/vendors';
import { describe, expect, it } from 'vitest';
import { configSkeleton } from './skeleton.js';
import type { CookieRecord, PageReport, PassReport, ScanReport } from './types.js';
import { vendorsFound } from './verdicts.js';

const pass = (name: PassReport['pass'], over: Partial<PassReport> = {}): PassReport => ({
  pass: name, ok: true, error: null, action: { wanted: null, clicked: false, control: null, at: null, note: null, decidedOn: null },
  requests: [], cookies: [], storage: [], firstPartyRequests: 0, ...over,
});
const cookie = (over: Partial<CookieRecord>): CookieRecord => ({
  name: 'site_lang', domain: 'shop.lv', path: '/', firstParty: true, lifetimeDays: 365, tooLong: false, phase: 'after-decision',
  writtenBy: 'https://shop.lv/site-lang.js', expectedRetention: null, category: 'unknown', vendorId: null, vendor: null, source: null, ...over,
});
const report = (cookies: CookieRecord[]): ScanReport => {
  const pages: PageReport[] = [{ url: 'https://shop.lv/', status: 200, depth: 0, notes: [], passes: { none: pass('none'), reject: null, accept: pass('accept', { cookies }) } }];
  return { vendors: vendorsFound(pages), pages } as ScanReport;
};
const configTag = (config: unknown) => [{ page: 'https://shop.lv/', tag: { attrs: [['type', 'application/json'], ['id', 'consentry-config']] as Array<[string, string]>, text: JSON.stringify(config) } }];
const loads = (config: unknown) => resolveConfig(config, toCatalogLookup(catalog));

describe('the config skeleton keeps what the site already declared', () => {
  const existing = {
    categories: { functional: {}, statistics: {}, targeting: {} },
    vendors: {
      'site-language': { category: 'functional', name: 'Site language', cookies: [{ name: 'site_lang', lifetime: '1 year' }] },
    },
    links: { privacyPolicy: '/privacy.html', cookiePolicy: '/cookies.html' },
  };

  it("its categories, its links and its own services, so the site's own script is not blocked for good", () => {
    const skeleton = configSkeleton(report([cookie({})]), configTag(existing));
    expect(skeleton.categories).toEqual({ functional: {}, statistics: {}, targeting: {} });
    expect(skeleton.links).toEqual({ privacyPolicy: '/privacy.html', cookiePolicy: '/cookies.html' });
    expect(skeleton.vendors!['site-language']).toEqual(existing.vendors['site-language']);
    // site_lang is declared already: no second entry for it
    expect(Object.keys(skeleton.vendors!)).toEqual(['site-language']);
    expect(() => loads(skeleton)).not.toThrow();
  });

  it("declares a first-party cookie no vendor claims as the site's own service, switched off until someone decides", () => {
    const skeleton = configSkeleton(report([cookie({}), cookie({ name: 'consentry', category: 'necessary', source: 'cmp', writtenBy: 'https://shop.lv/consentry.min.js' })]));
    expect(skeleton.vendors).toEqual({
      'own-site-lang-js': {
        enabled: false,
        category: 'functional',
        name: 'site-lang.js',
        cookies: [{ name: 'site_lang', lifetime: '365 days' }],
        decide: expect.stringContaining('written by https://shop.lv/site-lang.js'),
      },
    });
    expect(skeleton.categories).toEqual({ functional: {} });
    expect(() => loads(skeleton)).not.toThrow();
  });
});

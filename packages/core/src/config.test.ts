import { describe, expect, it } from 'vitest';
import { createConsent } from './consent.js';
import { resolveConfig } from './config.js';
import { ConsentryConfigError } from './errors.js';
import type { VendorCatalogLookup } from './types.js';

function issues(config: unknown, catalog?: VendorCatalogLookup): string[] {
  try {
    resolveConfig(config, catalog);
  } catch (e) {
    expect(e).toBeInstanceOf(ConsentryConfigError);
    return (e as ConsentryConfigError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  return [];
}

const catalog: VendorCatalogLookup = {
  'google-analytics': { category: 'statistics', id: { type: 'string', required: true, pattern: /^G-[A-Z0-9]{4,}$/, example: 'G-XXXXXXX' } },
  'meta-pixel': { category: 'targeting', id: { type: 'string', required: true, pattern: /^\d{6,20}$/, example: '1234567890' } },
  matomo: { category: 'statistics', params: { url: { type: 'string', required: true, example: 'https://analytics.example.com/' }, siteId: { type: 'string', required: true } } },
};

describe('config validation', () => {
  it('fills in every default for an empty config', () => {
    expect(resolveConfig({})).toEqual({
      revision: 1,
      language: 'auto',
      categories: ['necessary', 'functional', 'statistics', 'targeting'],
      vendors: {},
      cookie: { name: 'consentry', path: '/', expiresDays: 365, refusalExpiresDays: 182 },
      proof: null,
      googleConsentMode: { waitForUpdate: 500, urlPassthrough: false, adsDataRedaction: true, regions: [] },
      gpc: true,
      theme: 'auto',
      layout: 'bar',
      reopenButton: { position: 'bottom-left' },
      links: {},
      texts: {},
      autoBlock: true,
      reloadOnWithdraw: false,
    });
  });

  it('accepts the whole example config of the architecture', () => {
    const c = resolveConfig(
      {
        revision: 1,
        language: 'auto',
        categories: { functional: {}, statistics: {}, targeting: {} },
        vendors: { 'google-analytics': { id: 'G-XXXXXXX' }, 'meta-pixel': { id: '1234567890', enabled: false } },
        cookie: { name: 'consentry', domain: '.example.com', expiresDays: 365 },
        proof: { endpoint: 'https://consent.example.com/v1/consents' },
        googleConsentMode: true,
        gpc: true,
        theme: 'auto',
        layout: 'bar',
        reopenButton: true,
        links: { privacyPolicy: '/privacy', cookiePolicy: '/cookies' },
        texts: { lv: { 'banner.title': 'Mēs izmantojam sīkdatnes' } },
      },
      catalog,
    );
    expect(Object.keys(c.vendors)).toEqual(['google-analytics']); // meta-pixel switched off
    expect(c.vendors['google-analytics']).toEqual({ id: 'google-analytics', category: 'statistics', params: { id: 'G-XXXXXXX' } });
    expect(c.proof).toEqual({ endpoint: 'https://consent.example.com/v1/consents', queueLimit: 50 });
    expect(c.cookie.domain).toBe('.example.com');
  });

  it('lists only the categories given, necessary first', () => {
    expect(resolveConfig({ categories: { targeting: {}, statistics: true } }).categories).toEqual(['necessary', 'statistics', 'targeting']);
  });

  it.each([
    [{ categories: { statistcs: {} } }, 'categories.statistcs: unknown category; did you mean statistics?'],
    // A category the visitor cannot see cannot be granted lawfully: `hidden` is gone, not silently ignored.
    [{ categories: { targeting: { hidden: true } } }, 'categories.targeting.hidden: removed: every listed category is shown; leave it out of "categories" instead'],
    [{ revison: 2 }, 'revison: unknown key; did you mean revision?'],
    [{ revision: '2' }, 'revision: expected a whole number from 0 to 1000000000, got "2"'],
    [{ revision: 1.5 }, 'revision: expected a whole number from 0 to 1000000000, got 1.5'],
    [{ theme: 'blue' }, 'theme: expected light | dark | auto, got "blue"'],
    [{ layout: 'popup' }, 'layout: expected bar | box | modal, got "popup"'],
    [{ language: 'latvian!' }, 'language: expected "auto", "browser" or a language tag like lv, got "latvian!"'],
    [{ cookie: { expiresDays: 400 } }, 'cookie.expiresDays: expected days from 1 to 395, got 400'],
    [{ cookie: { refusalExpiresDays: 0 } }, 'cookie.refusalExpiresDays: expected days from 1 to 395, got 0'],
    [{ cookie: { name: 'a b' } }, 'cookie.name: expected letters, digits, _ or -, got "a b"'],
    [{ cookie: { domian: 'x' } }, 'cookie.domian: unknown option; did you mean domain?'],
    [{ cookie: 'consentry' }, 'cookie: expected an object'],
    [{ links: { privacyPolicy: 'javascript:alert(1)' } }, 'links.privacyPolicy: expected an http(s) or relative URL, got "javascript:alert(1)"'],
    [{ proof: {} }, 'proof.endpoint: required; the URL of your consent server, like https://consent.example.com/v1/consents'],
    [{ proof: { endpoint: 'https://x.test', queueLimit: 0 } }, 'proof.queueLimit: expected a whole number from 1 to 1000, got 0'],
    [{ googleConsentMode: { waitForUpdate: -1 } }, 'googleConsentMode.waitForUpdate: expected milliseconds from 0 to 10000, got -1'],
    [{ googleConsentMode: { regions: [{ region: ['california'] }] } }, 'googleConsentMode.regions.0.region: expected ISO 3166 codes like ["US", "US-CA"], got ["california"]'],
    [{ gpc: 'yes' }, 'gpc: expected true or false, got "yes"'],
    [{ reopenButton: { position: 'top' } }, 'reopenButton.position: expected bottom-left | bottom-right, got "top"'],
    [{ texts: { lv: { 'banner.title': 5 } } }, 'texts.lv.banner.title: expected a string (plain text), got 5'],
    [{ texts: { 'not a lang': {} } }, 'texts.not a lang: expected a language tag like en, lv or pt-BR'],
    [{ nonce: 'a"b' }, 'nonce: expected a base64 nonce, got "a\\"b"'],
    // A service worker controls only its own origin: a URL elsewhere would register nothing.
    [{ serviceWorker: 'https://cdn.example.com/consentry-sw.js' }, 'serviceWorker: expected a path on this site like /sw.js, got "https://cdn.example.com/consentry-sw.js"'],
    [{ serviceWorker: '//cdn.example.com/sw.js' }, 'serviceWorker: expected a path on this site like /sw.js, got "//cdn.example.com/sw.js"'],
    [{ vendors: { 'Bad Id': {} } }, 'vendors.Bad Id: expected a vendor id of lower-case letters, digits and dashes'],
    [{ vendors: { acme: {} } }, 'vendors.acme: unknown vendor; declare its "category" or load the vendor catalog'],
    [{ vendors: { acme: { category: 'marketing' } } }, 'vendors.acme.category: expected functional | statistics | targeting, got "marketing"'],
    [{ categories: { statistics: {} }, vendors: { acme: { category: 'targeting' } } }, 'vendors.acme.category: category targeting is not listed in "categories"'],
  ])('reports %j as "%s"', (config, message) => {
    expect(issues(config)).toContain(message);
  });

  it('keeps the service worker path (docs/service-worker.md), off when absent', () => {
    expect(resolveConfig({ serviceWorker: '/consentry-sw.js' }).serviceWorker).toBe('/consentry-sw.js');
    expect(resolveConfig({}).serviceWorker).toBeUndefined();
    expect(resolveConfig({ serviceWorker: false }).serviceWorker).toBeNull();
  });

  it('checks vendors against a pluggable catalog', () => {
    expect(issues({ vendors: { 'meta-pixle': { id: '123456789' } } }, catalog)).toEqual([
      'vendors.meta-pixle: unknown vendor; did you mean meta-pixel?',
    ]);
    expect(issues({ vendors: { 'google-analytics': { id: 'UA-1234-1' } } }, catalog)).toEqual([
      'vendors.google-analytics.id: malformed value "UA-1234-1"; expected G-XXXXXXX',
    ]);
    expect(issues({ vendors: { 'google-analytics': {} } }, catalog)).toEqual([
      'vendors.google-analytics.id: required; expected something like G-XXXXXXX',
    ]);
    expect(issues({ vendors: { matomo: { url: 'https://m.example.com/', site: '1' } } }, catalog)).toEqual([
      'vendors.matomo.site: unknown vendor option; did you mean siteId?',
      'vendors.matomo.siteId: required',
    ]);
    // A vendor switched off may stay half-configured.
    expect(issues({ vendors: { 'google-analytics': { enabled: false } } }, catalog)).toEqual([]);
    // A site's own vendor outside the catalog declares its category.
    expect(issues({ vendors: { 'own-chat': { category: 'functional', id: 'x' } } }, catalog)).toEqual([]);
  });

  it('reports every mistake at once, in a message that names the paths', () => {
    try {
      createConsent({ theme: 'blue', categories: { statistcs: {} } } as never);
      expect.unreachable();
    } catch (e) {
      const error = e as ConsentryConfigError;
      expect(error.code).toBe('CONSENTRY_CONFIG');
      expect(error.name).toBe('ConsentryConfigError');
      expect(error.issues).toHaveLength(2);
      expect(error.path).toBe('categories.statistcs');
      expect(error.message).toContain('categories.statistcs: unknown category; did you mean statistics?');
      expect(error.message).toContain('theme: expected light | dark | auto');
    }
  });

  it.each([null, 'config', 42, []])('rejects a config that is not an object (%j)', (config) => {
    expect(issues(config)).toEqual([': expected a config object']);
  });

  it('suggests the closest option when there is no near match', () => {
    expect(issues({ layout: 'bar', zzzzzz: 1 })[0]).toMatch(/^zzzzzz: unknown key; expected one of revision, language/);
  });
});

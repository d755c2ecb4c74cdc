import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config.js';
import { ConsentryConfigError } from './errors.js';
import type { VendorCatalogLookup } from './types.js';

const catalog: VendorCatalogLookup = { 'google-analytics': { category: 'statistics' } };

function issues(config: unknown): string[] {
  try {
    resolveConfig(config, catalog);
  } catch (e) {
    expect(e).toBeInstanceOf(ConsentryConfigError);
    return (e as ConsentryConfigError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  return [];
}

const siteLanguage = {
  category: 'functional',
  name: { en: 'Site language', lv: 'Vietnes valoda', ru: 'Язык сайта' },
  purpose: { en: 'Remembers the language you chose.', lv: 'Atceras izvēlēto valodu.' },
  cookies: [{ name: 'site_lang', lifetime: '1 year' }],
  localStorage: [{ name: 'draft-', prefix: true, lifetime: 'persistent' }],
  sessionStorage: [{ name: 'tab_lang', lifetime: 'session' }],
};

describe("the site's own services (vendors outside the catalog)", () => {
  it('resolves name, purpose and the keys it writes; other languages become text overrides', () => {
    const config = resolveConfig({ vendors: { 'site-language': siteLanguage } }, catalog);
    expect(config.vendors['site-language']).toEqual({
      id: 'site-language',
      category: 'functional',
      params: {},
      service: {
        name: 'Site language',
        purpose: 'Remembers the language you chose.',
        cookies: [{ name: 'site_lang', lifetime: '1 year' }],
        localStorage: [{ name: 'draft-', prefix: true, lifetime: 'persistent' }],
        sessionStorage: [{ name: 'tab_lang', lifetime: 'session' }],
      },
    });
    expect(config.texts['lv']).toEqual({ 'vendor.site-language.name': 'Vietnes valoda', 'vendor.site-language.purpose': 'Atceras izvēlēto valodu.' });
    expect(config.texts['ru']).toEqual({ 'vendor.site-language.name': 'Язык сайта' });
  });

  it("keeps the config's own texts over the service's", () => {
    const config = resolveConfig({ vendors: { 'site-language': siteLanguage }, texts: { lv: { 'vendor.site-language.name': 'Valoda' } } }, catalog);
    expect(config.texts['lv']!['vendor.site-language.name']).toBe('Valoda');
  });

  it('takes a plain string for every language, and the first given language when English is missing', () => {
    const config = resolveConfig({ vendors: { chat: { category: 'functional', name: 'Chat', purpose: { lv: 'Tērzēšana' } } } }, catalog);
    expect(config.vendors['chat']!.service).toMatchObject({ name: 'Chat', purpose: 'Tērzēšana' });
  });

  it('reports every malformed declaration with its path', () => {
    expect(
      issues({
        vendors: {
          'site-language': {
            category: 'functional',
            name: { en: 'Site language', 'not a lang': 'x' },
            purpose: 3,
            cookies: [{ name: 'site_lang' }, { name: '', lifetime: '1 year' }, { name: 'a', lifetime: 'forever', prefx: true }],
            localStorage: { name: 'x' },
          },
        },
      }),
    ).toEqual([
      'vendors.site-language.name.not a lang: expected a language tag like en, lv or pt-BR',
      'vendors.site-language.purpose: expected a text, or texts by language like { "en": "…", "lv": "…" }, got 3',
      'vendors.site-language.cookies.0.lifetime: required; like "1 year", "30 days", "session" or "persistent"',
      'vendors.site-language.cookies.1.name: expected a cookie or storage key name (no spaces, ; , or =), got ""',
      'vendors.site-language.cookies.2.prefx: unknown option; did you mean prefix?',
      'vendors.site-language.cookies.2.lifetime: expected like "1 year", "30 days", "session" or "persistent", got "forever"',
      'vendors.site-language.localStorage: expected an array, got {"name":"x"}',
    ]);
  });

  it('does not let a catalog vendor declare keys of its own (the catalog discloses them)', () => {
    expect(issues({ vendors: { 'google-analytics': { cookies: [] } } })).toEqual([
      'vendors.google-analytics.cookies: unknown vendor option; expected one of enabled, category, id',
    ]);
  });

  it('leaves a plain vendor outside the catalog as it was (any options, no service)', () => {
    const config = resolveConfig({ vendors: { 'own-chat': { category: 'functional', id: 'x' } } }, catalog);
    expect(config.vendors['own-chat']).toEqual({ id: 'own-chat', category: 'functional', params: { id: 'x' } });
  });
});

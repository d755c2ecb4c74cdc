import { resolveConfig } from '@consentry/core';
import { describe, expect, it } from 'vitest';
import { siteServices } from './site-services.js';
import { toCatalogLookup } from './adapters.js';
import { catalog } from './catalog.js';

const config = resolveConfig(
  {
    vendors: {
      'google-analytics': { id: 'G-ABC1234' },
      'site-language': {
        category: 'functional',
        name: 'Site language',
        purpose: 'Remembers the language you chose.',
        privacyPolicy: '/privacy.html',
        cookies: [{ name: 'site_lang', lifetime: '1 year' }],
        localStorage: [{ name: 'draft-', prefix: true, lifetime: 'persistent' }],
        sessionStorage: [{ name: 'tab_lang', lifetime: 'session' }],
      },
      // outside the catalog but declares nothing: still a vendor, nothing to disclose or clean
      'own-chat': { category: 'functional', id: 'x' },
    },
  },
  toCatalogLookup(catalog),
);

describe("a site's own services as the blocker's rules and the dialog's vendor info", () => {
  it('turns each declared service into a rule (cookies and storage keys, no hosts)', () => {
    expect(siteServices(config.vendors).rules).toEqual([
      { id: 'site-language', name: 'Site language', category: 'functional', hosts: [], cookies: ['site_lang'], storage: [{ prefix: 'draft-' }, 'tab_lang'] },
    ]);
  });

  it('and into what the dialog shows, every key with its lifetime and where it is kept', () => {
    expect(siteServices(config.vendors).infos).toEqual([
      {
        id: 'site-language',
        name: 'Site language',
        category: 'functional',
        purpose: 'Remembers the language you chose.',
        privacyPolicy: '/privacy.html',
        own: true,
        cookies: [
          { name: 'site_lang', duration: '1 year' },
          { name: 'draft-*', duration: 'persistent', kind: 'localStorage' },
          { name: 'tab_lang', duration: 'session', kind: 'sessionStorage' },
        ],
      },
    ]);
  });
});

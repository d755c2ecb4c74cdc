import { describe, expect, it } from 'vitest';
import { toBlockerRules, toCatalogLookup } from './adapters.js';
import { catalog } from './catalog.js';
import { googleAnalytics } from './vendors/google-analytics.js';
import { matomo } from './vendors/matomo.js';
import { youtube } from './vendors/youtube.js';

describe('adapters', () => {
  it('gives core the category, name and param specs of every vendor', () => {
    const lookup = toCatalogLookup(catalog);
    expect(Object.keys(lookup)).toEqual(Object.keys(catalog));
    expect(lookup['google-analytics']).toEqual({ category: 'statistics', name: 'Google Analytics', id: googleAnalytics.idParam });
    expect(lookup.matomo?.params).toEqual(matomo.params);
  });

  it('gives the blocker first-party cookies only, as exact names and prefixes', () => {
    const [ga] = toBlockerRules([googleAnalytics]);
    expect(ga?.cookies).toContain('_ga');
    expect(ga?.cookies).toContainEqual({ prefix: '_ga_' });
    const [yt] = toBlockerRules([youtube]);
    expect(yt?.cookies).toEqual([]); // YouTube's cookies live on youtube.com: out of the page's reach
  });

  it("adds a self-hosted Matomo's host and honours a category override from config", () => {
    const [rule] = toBlockerRules({ matomo }, { matomo: { id: 'matomo', category: 'functional', params: { url: 'https://stats.example.org/m/', siteId: '1' } } });
    expect(rule?.hosts).toContain('stats.example.org');
    expect(rule?.category).toBe('functional');
  });

  it('never lets a cookie name or storage key be shared between rules in a way that hits common site names', () => {
    const names = toBlockerRules(catalog).flatMap((r) => r.cookies.map((c) => (typeof c === 'string' ? c : c.prefix)));
    for (const common of ['session', 'cart', 'lang', 'theme', 'csrftoken', 'PHPSESSID', 'id', 'uid']) expect(names).not.toContain(common);
    for (const name of names) expect(name.length, name).toBeGreaterThanOrEqual(3);
  });
});

import { describe, expect, it } from 'vitest';
import { VENDOR_INDEX } from './catalog-index.js';
import { CONFIG, cookieAfter } from './test-utils/cookies.js';
import { createWall, failClosedWall, ruleMatcher } from './wall.js';

const ids = (rules: ReadonlyArray<{ id: string }>) => rules.map((r) => r.id);
const BASE = 'https://shop.example/';

describe('the wall reads the consent cookie as the engine does', () => {
  const wall = createWall(CONFIG, VENDOR_INDEX);

  it('refuses every catalog vendor before a decision, and for a tampered cookie', () => {
    expect(ids(wall.denied(undefined))).toEqual(ids(wall.rules));
    const accepted = cookieAfter('acceptAll');
    expect(ids(wall.denied(accepted.replace(/.$/, (c) => (c === '0' ? '1' : '0'))))).toEqual(ids(wall.rules));
    expect(ids(wall.denied('consentry=garbage'))).toEqual(ids(wall.rules));
  });

  it('grants the configured vendors of the granted categories only; a catalog vendor the config does not list never', () => {
    const all = wall.denied(cookieAfter('acceptAll'));
    expect(ids(all)).not.toContain('google-analytics');
    expect(ids(all)).not.toContain('meta-pixel');
    expect(ids(all)).toContain('hotjar');
    const statsOnly = ids(wall.denied(cookieAfter({ statistics: true, targeting: false })));
    expect(statsOnly).not.toContain('google-analytics');
    expect(statsOnly).toContain('meta-pixel');
    expect(ids(wall.denied(cookieAfter('rejectAll')))).toEqual(ids(wall.rules));
  });

  it('adds the hosts a configured vendor brings (a self-hosted Matomo)', () => {
    const own = createWall({ categories: { statistics: {} }, vendors: { matomo: { url: 'https://stats.shop.example/', siteId: '1' } } }, VENDOR_INDEX);
    const matomo = own.rules.find((r) => r.id === 'matomo')!;
    expect(matomo.hosts).toContain('stats.shop.example');
  });

  it('lets Google tags through before a decision in Consent Mode "advanced", as the guard does', () => {
    const advanced = createWall({ ...CONFIG, googleConsentMode: { mode: 'advanced' } }, VENDOR_INDEX);
    const match = ruleMatcher(advanced.denied(undefined), BASE);
    expect(match('https://www.googletagmanager.com/gtag/js?id=G-TEST1234')).toBeNull();
    expect(match('https://www.facebook.com/tr?id=1')?.id).toBe('meta-pixel');
  });

  it('throws the config error with its path; the fail-closed wall refuses every vendor instead', () => {
    expect(() => createWall({ vendors: { 'meta-pixle': { id: '1' } } }, VENDOR_INDEX)).toThrow(/vendors.meta-pixle: unknown vendor; did you mean meta-pixel/);
    const errors: unknown[] = [];
    const closed = failClosedWall({ vendors: 5 }, VENDOR_INDEX, (e) => errors.push(e));
    expect(errors).toHaveLength(1);
    expect(ids(closed.denied(cookieAfter('acceptAll')))).toEqual(ids(closed.rules));
    expect(closed.rules.length).toBeGreaterThan(20);
  });
});

describe('ruleMatcher', () => {
  const match = ruleMatcher(createWall(CONFIG, VENDOR_INDEX).rules, BASE);

  it.each([
    ['https://region1.google-analytics.com/g/collect', 'google-analytics'],
    ['https://www.facebook.com./tr?id=1', 'meta-pixel'],
    ['HTTPS://CONNECT.FACEBOOK.NET/en_US/fbevents.js', 'meta-pixel'],
    ['wss://www.facebook.com/socket', 'meta-pixel'],
  ])('%s belongs to %s (the trailing dot and case as the browser reads them)', (url, id) => {
    expect(match(url)?.id).toBe(id);
  });

  it.each(['https://shop.example/g/collect', '/r?to=x', 'https://cdn.example.org/lib.js', 'data:text/plain,x', 'not a url'])('%s belongs to no vendor', (url) => {
    expect(match(url)).toBeNull();
  });
});

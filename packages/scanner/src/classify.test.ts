import { describe, expect, it } from 'vitest';
import { classifyName, classifyUrl, humanDays, isThirdParty, kindOf, lifetimeDays, siteOf } from './classify.js';
import { requestedDays } from './pass.js';

describe('classification', () => {
  it('names catalog vendors by their config id, by host and by cookie', () => {
    expect(classifyUrl('https://www.googletagmanager.com/gtag/js?id=G-ABC1234')).toMatchObject({ vendorId: 'google-analytics', category: 'statistics', source: 'catalog' });
    // The same gtag host for a Google Ads tag id.
    expect(classifyUrl('https://www.googletagmanager.com/gtag/js?id=AW-123456789')).toMatchObject({ vendorId: 'google-ads', category: 'targeting' });
    expect(classifyUrl('https://www.facebook.com/tr?id=1&ev=PageView')).toMatchObject({ vendorId: 'meta-pixel', category: 'targeting' });
    expect(classifyUrl('https://cdn.unknown-thing.example/x.js')).toMatchObject({ vendorId: null, category: 'unknown' });
    expect(classifyName('_ga_XYZ123', 'cookie')).toMatchObject({ vendorId: 'google-analytics', retention: '2 years' });
    expect(classifyName('_hjSessionStorageTest', 'storage')).toMatchObject({ vendorId: 'hotjar', category: 'statistics' });
  });

  it('falls back to the Open Cookie Database, exact names before wildcard prefixes', () => {
    const exact = classifyName('PHPSESSID', 'cookie');
    expect(exact.source).toBe('open-cookie-database');
    expect(exact).toMatchObject({ category: 'functional', vendor: 'PHP.net' });
    expect(classifyName('XSRF-TOKEN', 'cookie').category).toBe('necessary');
    // A wildcard entry of the database (prefix match).
    const wild = classifyName('AMCV_1234%40AdobeOrg', 'cookie');
    expect(wild).toMatchObject({ source: 'open-cookie-database', vendor: 'Adobe Audience Manager', category: 'targeting' });
    expect(classifyName('totally-made-up-cookie', 'cookie')).toMatchObject({ category: 'unknown', vendor: null });
  });

  it('treats a consent manager\'s own choice record as necessary, whatever the database files it under', () => {
    expect(classifyName('OptanonConsent', 'cookie')).toMatchObject({ category: 'necessary', vendor: 'OneTrust', source: 'cmp' });
    expect(classifyName('cc_cookie', 'cookie')).toMatchObject({ category: 'necessary', vendor: 'vanilla-cookieconsent' });
    expect(classifyName('consentry.proof.queue', 'storage')).toMatchObject({ category: 'necessary', vendor: 'Consentry' });
  });

  it('tells first from third party by registrable domain', () => {
    expect(siteOf('www.shop.example.co.uk')).toBe('example.co.uk');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
    expect(isThirdParty('cdn.shop.lv', 'www.shop.lv')).toBe(false);
    expect(isThirdParty('connect.facebook.net', 'www.shop.lv')).toBe(true);
  });

  it('measures lifetimes, including what the writer asked for beyond Chromium\'s 400-day cap', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(lifetimeDays(-1, now)).toBeNull();
    expect(lifetimeDays(now / 1000 + 86_400 * 30, now)).toBe(30);
    expect(requestedDays(' path=/; max-age=63072000', now)).toBe(730);
    expect(requestedDays(' path=/; expires=Sat, 01 Jan 2028 00:00:00 GMT', now)).toBe(730);
    expect(requestedDays(' path=/', now)).toBeNull();
    expect(humanDays(730)).toBe('2 years');
    expect(humanDays(90)).toBe('3 months');
  });

  it('sorts requests into script, beacon, frame and other', () => {
    expect(kindOf('script', 'GET', 'https://x/a.js')).toBe('script');
    expect(kindOf('ping', 'POST', 'https://x/c')).toBe('beacon');
    expect(kindOf('image', 'GET', 'https://x/tr?id=1')).toBe('beacon');
    expect(kindOf('document', 'GET', 'https://x/embed')).toBe('frame');
    expect(kindOf('font', 'GET', 'https://x/f.woff2')).toBe('other');
  });
});

// @vitest-environment-options {"url":"https://www.shop.example.com/page"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieDomains } from './cleanup.js';
import { createBlocker } from './create-blocker.js';
import { GA, HOTJAR, META, RULES, makeConsent, resetDom } from './test-utils/fixtures.js';
import type { Blocker, CookieJar } from './types.js';

let blocker: Blocker | undefined;
/** Until the browser's next idle period (happy-dom: its requestIdleCallback, or the timer fallback). */
const idle = () => new Promise<void>((resolve) => setTimeout(resolve, 50));
beforeEach(resetDom);
afterEach(() => {
  blocker?.destroy();
  blocker = undefined;
});

describe('clean-up on withdrawal', () => {
  it('lists the host and every parent domain', () => {
    expect(cookieDomains('www.shop.example.com')).toEqual([null, 'www.shop.example.com', 'shop.example.com', 'example.com']);
    expect(cookieDomains('localhost')).toEqual([null]);
    expect(cookieDomains('192.168.1.10')).toEqual([null]);
  });

  it("deletes a revoked vendor's cookies wherever they were set: host-only and each parent domain (happy-dom honours Domain)", () => {
    const consent = makeConsent();
    consent.acceptAll();
    blocker = createBlocker(consent, { rules: RULES });
    document.cookie = '_ga=host; path=/';
    document.cookie = '_ga_XYZ=parent; path=/; domain=example.com';
    document.cookie = '_gid=mid; path=/; domain=shop.example.com';
    document.cookie = '_fbp=ads; path=/; domain=example.com';
    document.cookie = 'cart=3; path=/; domain=example.com';
    expect(document.cookie.split('; ').sort()).toEqual(['_fbp=ads', '_ga=host', '_ga_XYZ=parent', '_gid=mid', 'cart=3']);
    consent.update({ statistics: false });
    expect(document.cookie.split('; ').sort()).toEqual(['_fbp=ads', 'cart=3']);
  });

  it('writes a deletion for every domain through an injected cookie jar', () => {
    const writes: string[] = [];
    const jar: CookieJar = { read: () => '_ga=1; _ga_ABC=2; other=3', write: (c) => writes.push(c) };
    const consent = makeConsent();
    consent.acceptAll();
    blocker = createBlocker(consent, { rules: [GA], cookieJar: jar });
    consent.update({ statistics: false });
    const expired = 'expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    expect(writes).toEqual([
      `_ga=; ${expired}`,
      `_ga=; ${expired}; domain=www.shop.example.com`,
      `_ga=; ${expired}; domain=shop.example.com`,
      `_ga=; ${expired}; domain=example.com`,
      `_ga_ABC=; ${expired}`,
      `_ga_ABC=; ${expired}; domain=www.shop.example.com`,
      `_ga_ABC=; ${expired}; domain=shop.example.com`,
      `_ga_ABC=; ${expired}; domain=example.com`,
    ]);
  });

  it('removes known localStorage and sessionStorage keys of the revoked vendor only', () => {
    const consent = makeConsent();
    consent.acceptAll();
    blocker = createBlocker(consent, { rules: [HOTJAR, META] });
    localStorage.setItem('_hjSessionUser_1', 'x');
    sessionStorage.setItem('hjViewportId', 'y');
    localStorage.setItem('theme', 'dark');
    consent.update({ statistics: false });
    expect(localStorage.getItem('_hjSessionUser_1')).toBeNull();
    expect(sessionStorage.getItem('hjViewportId')).toBeNull();
    expect(localStorage.getItem('theme')).toBe('dark');
  });

  it('keeps the cookies gone while the vendor code keeps trying to set them', () => {
    const consent = makeConsent();
    consent.acceptAll();
    blocker = createBlocker(consent, { rules: RULES });
    document.cookie = '_ga=1; path=/; domain=example.com';
    consent.update({ statistics: false });
    document.cookie = '_ga=2; path=/; domain=example.com'; // a gtag still running in the page
    document.cookie = '_gid=3; path=/';
    expect(document.cookie).toBe('');
  });

  it('cleans only a vendor switched off while its category stays on', () => {
    const consent = makeConsent({
      vendors: { 'google-analytics': { id: 'G-ABC1234', category: 'statistics' }, hotjar: { id: '1', category: 'statistics' } },
    });
    consent.acceptAll();
    blocker = createBlocker(consent, { rules: RULES });
    document.cookie = '_ga=1; path=/';
    document.cookie = '_hjid=1; path=/';
    consent.update({ vendors: { hotjar: false } });
    expect(document.cookie).toBe('_ga=1');
  });

  it('cleanup() runs the clean-up again on demand (what another script left after start-up)', () => {
    let jarText = '';
    const writes: string[] = [];
    blocker = createBlocker(makeConsent(), { rules: RULES, cookieJar: { read: () => jarText, write: (c) => writes.push(c) } });
    expect(writes).toEqual([]);
    jarText = '_fbp=fb.1; cart=3';
    blocker.cleanup();
    expect(writes).toContain('_fbp=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/; domain=example.com');
    expect(writes.some((w) => w.startsWith('cart='))).toBe(false);
  });

  it('reloads after a withdrawal with reloadOnWithdraw, and not after a grant', async () => {
    const reload = vi.fn();
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES, reloadOnWithdraw: true, reload });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    consent.update({ statistics: true });
    await settle();
    expect(reload).not.toHaveBeenCalled();
    consent.update({ statistics: false });
    expect(reload).not.toHaveBeenCalled(); // other listeners (the proof) go first
    await settle();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('cleans leftovers of every non-granted vendor at start-up, without waiting for a withdrawal in the page', async () => {
    document.cookie = '_fbp=fb.1; path=/; domain=example.com';
    document.cookie = '_ga=old; path=/';
    localStorage.setItem('_hjSessionUser_1', 'x');
    localStorage.setItem('theme', 'dark');
    const consent = makeConsent();
    consent.update({ statistics: true, vendors: { hotjar: false } }); // an earlier visit's decision
    blocker = createBlocker(consent, { rules: RULES });
    expect(document.cookie).toBe('_ga=old'); // GA is granted: its cookie stays
    await idle();
    expect(localStorage.getItem('_hjSessionUser_1')).toBeNull();
    expect(localStorage.getItem('theme')).toBe('dark');
  });

  it('leaves Web Storage unread during start-up (the first read loads the whole area synchronously) and cleans it once the browser is idle', async () => {
    localStorage.setItem('_hjSessionUser_1', 'x');
    sessionStorage.setItem('hjViewportId', 'y');
    blocker = createBlocker(makeConsent(), { rules: RULES });
    expect(localStorage.getItem('_hjSessionUser_1')).toBe('x');
    expect(sessionStorage.getItem('hjViewportId')).toBe('y');
    await idle();
    expect(localStorage.getItem('_hjSessionUser_1')).toBeNull();
    expect(sessionStorage.getItem('hjViewportId')).toBeNull();
  });

  describe('IndexedDB', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
    let deleted: string[];
    beforeEach(() => {
      deleted = [];
      // A stand-in for the browser's factory (happy-dom has none); Chromium end to end uses the real one.
      Object.defineProperty(globalThis, 'indexedDB', {
        configurable: true,
        value: {
          databases: async () => [{ name: 'mixpanelBrowserDb' }, { name: 'AMP_diagnostics_abc' }, { name: 'shop-cart' }],
          deleteDatabase: (name: string) => (deleted.push(name), {}),
          open: () => ({}),
        },
      });
    });
    afterEach(() => {
      if (saved) Object.defineProperty(globalThis, 'indexedDB', saved);
      else delete (globalThis as { indexedDB?: unknown }).indexedDB;
    });
    const MIXPANEL = { id: 'mixpanel', category: 'statistics' as const, hosts: ['mixpanel.com'], cookies: [{ prefix: 'mp_' }], indexedDB: ['mixpanelBrowserDb'] };
    const AMPLITUDE = { id: 'amplitude', category: 'statistics' as const, hosts: ['amplitude.com'], cookies: [], indexedDB: [{ prefix: 'AMP_' }] };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

    it('deletes a revoked vendor\'s databases by exact name and by prefix, and no one else\'s', async () => {
      const consent = makeConsent({ vendors: { mixpanel: { category: 'statistics' }, amplitude: { category: 'statistics' } } });
      consent.acceptAll();
      blocker = createBlocker(consent, { rules: [MIXPANEL, AMPLITUDE] });
      await settle();
      expect(deleted).toEqual([]);
      consent.update({ statistics: false });
      await settle();
      expect(deleted.sort()).toEqual(['AMP_diagnostics_abc', 'mixpanelBrowserDb']);
    });

    it('deletes them at start-up for vendors that are not granted', async () => {
      blocker = createBlocker(makeConsent({ vendors: { mixpanel: { category: 'statistics' } } }), { rules: [MIXPANEL, AMPLITUDE] });
      await settle();
      expect(deleted.sort()).toEqual(['AMP_diagnostics_abc', 'mixpanelBrowserDb']);
    });
  });
});

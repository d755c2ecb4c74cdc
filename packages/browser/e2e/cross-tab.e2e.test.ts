// Two tabs of one site in one Chromium profile, both running the script tag: a decision or a
// withdrawal in one takes effect in the other without a reload. Vendors are consent-blind stubs,
// each request is attributed to the tab that sent it.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blindStubs, TRACKER_COOKIES, type Hit } from './consent-blind.js';
import { hasChromium, noChromium, launch, serveStatic, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CONFIG = {
  categories: { statistics: {}, targeting: {} },
  vendors: { hotjar: { id: '3456789' }, 'meta-pixel': { id: '1234567890' } },
  reopenButton: true,
};
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tab</title>
<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>
<script src="/consentry.min.js"></script></head><body><h1>Shop</h1></body></html>`;

describe.skipIf(!hasChromium)('consent across tabs (script tag)' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let context: BrowserContext;
  let hits: Hit[];
  let a: Page;
  let b: Page;

  beforeAll(async () => {
    browser = await launch();
    site = await serveStatic([['/', join(ROOT, 'packages/browser/dist')]]);
    site.routes.set('/tab.html', () => [200, 'text/html; charset=utf-8', PAGE]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    hits = await blindStubs(context);
    a = await context.newPage();
    b = await context.newPage();
    for (const p of [a, b]) {
      await p.goto(`${site.url}/tab.html`);
      await p.waitForFunction(() => document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[data-consentry-banner]'));
      // Survives only as long as the page is not reloaded.
      await p.evaluate(() => ((window as any).__sameDocument = true));
    }
  });
  afterEach(async () => {
    await context?.close();
  });

  const click = (p: Page, action: string) => p.evaluate((s) => (document.querySelector('consentry-ui')!.shadowRoot!.querySelector(s) as HTMLElement).click(), `[data-consentry-action=${action}]`);
  const bannerShown = (p: Page) => p.evaluate(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[data-consentry-banner]'));
  const hitsFrom = (p: Page) => hits.filter((h) => h.page === p).map((h) => h.host);
  const trackerCookies = async () => (await context.cookies()).map((c) => c.name).filter((n) => TRACKER_COOKIES.test(n));

  it('"Accept all" in tab A: tab B drops its banner and loads the vendors, without a reload', async () => {
    await a.bringToFront();
    await click(a, 'accept-all');
    await expect.poll(() => bannerShown(b), { timeout: 5000 }).toBe(false);
    await expect.poll(() => b.evaluate(() => (window as any).Consentry.getConsent().status)).toBe('decided');
    await expect.poll(() => new Set(hitsFrom(b)), { timeout: 5000 }).toEqual(new Set(['static.hotjar.com', 'connect.facebook.net']));
    expect(await b.evaluate(() => (window as any).__sameDocument)).toBe(true);
    expect(await b.evaluate(() => (window as any).Consentry.getConsent().consentId)).toBe(await a.evaluate(() => (window as any).Consentry.getConsent().consentId));
  });

  it('"Reject all" in tab A: tab B drops its banner and still loads nothing', async () => {
    await click(a, 'reject-all');
    await expect.poll(() => bannerShown(b), { timeout: 5000 }).toBe(false);
    expect(await b.evaluate(() => (window as any).Consentry.isGranted('statistics'))).toBe(false);
    await b.waitForTimeout(300);
    expect(hits.map((h) => h.url)).toEqual([]);
  });

  it('a withdrawal in tab A stops the vendor in tab B and cleans up, without a reload', async () => {
    await click(a, 'accept-all');
    await expect.poll(() => new Set(hitsFrom(b)), { timeout: 5000 }).toEqual(new Set(['static.hotjar.com', 'connect.facebook.net']));
    await expect.poll(trackerCookies).toContain('_hjSessionUser_1');
    // Tab A withdraws statistics through its own dialog.
    await click(a, 'reopen');
    await a.evaluate(() => (document.querySelector('consentry-ui')!.shadowRoot!.querySelector('[data-consentry-switch=statistics]') as HTMLElement).click());
    await click(a, 'save');
    await expect.poll(() => b.evaluate(() => (window as any).Consentry.isGranted({ vendor: 'hotjar' })), { timeout: 5000 }).toBe(false);
    expect(await b.evaluate(() => (window as any).Consentry.isGranted({ vendor: 'meta-pixel' }))).toBe(true);
    // Hotjar's code is still in tab B's page: what it tries now is refused there.
    const before = hitsFrom(b).length;
    await b.evaluate(() => {
      document.cookie = '_hjSessionUser_1=again; path=/';
      fetch('https://in.hotjar.com/api/v2/client/sites/3456789/visit-data', { method: 'POST', body: '{}', mode: 'no-cors' }).catch(() => {});
      navigator.sendBeacon('https://in.hotjar.com/collect');
    });
    await b.waitForTimeout(300);
    expect(hitsFrom(b).slice(before)).toEqual([]);
    expect(await trackerCookies()).not.toContain('_hjSessionUser_1');
    expect(await b.evaluate(() => document.cookie)).not.toContain('_hjSessionUser_1');
    expect(await b.evaluate(() => (window as any).__sameDocument)).toBe(true);
  });
});

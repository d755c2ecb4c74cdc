// One decision for every subdomain: `cookie.domain: ".example.test"` in real Chromium, with
// www.example.test and shop.example.test mapped to the local site (two origins, one cookie).
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, noChromium, serveStatic, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CONFIG = {
  categories: { statistics: {}, targeting: {} },
  vendors: { hotjar: { id: '3456789' } },
  cookie: { domain: '.example.test' },
};
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>site</title>
<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>
<script src="/consentry.min.js"></script></head><body><h1>Site</h1></body></html>`;

type Win = { Consentry: { getConsent(): { status: string; consentId: string | null }; isGranted(t: string): boolean; rejectAll(): void; reset(): void } };

describe.skipIf(!hasChromium)('consent shared across subdomains (cookie.domain)' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let port: string;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launch(['--host-resolver-rules=MAP www.example.test 127.0.0.1, MAP shop.example.test 127.0.0.1']);
    site = await serveStatic([['/', join(ROOT, 'packages/browser/dist')]]);
    site.routes.set('/page.html', () => [200, 'text/html; charset=utf-8', PAGE]);
    port = new URL(site.url).port;
    context = await browser.newContext();
    // Nothing leaves the two test hosts: the vendor's host is refused outright.
    await context.route((url) => !url.hostname.endsWith('example.test'), (route) => route.abort());
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  });

  async function open(host: string): Promise<Page> {
    const p = await context.newPage();
    await p.goto(`http://${host}:${port}/page.html`);
    await p.waitForFunction(() => !!(window as unknown as Win).Consentry && !!document.querySelector('consentry-ui'));
    return p;
  }
  const state = (p: Page) => p.evaluate(() => ({ ...(window as unknown as Win).Consentry.getConsent(), statistics: (window as unknown as Win).Consentry.isGranted('statistics') }));
  const bannerShown = (p: Page) => p.evaluate(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[data-consentry-banner]'));

  it('a decision on shop.example.test holds on www.example.test; a withdrawal on www clears it on shop', async () => {
    const shop = await open('shop.example.test');
    expect(await bannerShown(shop)).toBe(true);
    await shop.evaluate(() => (document.querySelector('consentry-ui')!.shadowRoot!.querySelector('[data-consentry-action=accept-all]') as HTMLElement).click());
    const decided = await state(shop);
    expect(decided).toMatchObject({ status: 'decided', statistics: true });
    const cookie = (await context.cookies()).find((c) => c.name === 'consentry');
    expect(cookie?.domain).toBe('.example.test');

    const www = await open('www.example.test');
    expect(await state(www)).toMatchObject({ status: 'decided', statistics: true, consentId: decided.consentId });
    expect(await bannerShown(www)).toBe(false);

    // Withdrawal on www: the refusal is the shared decision, so shop reads it too.
    await www.evaluate(() => (window as unknown as Win).Consentry.rejectAll());
    await shop.reload();
    await shop.waitForFunction(() => !!(window as unknown as Win).Consentry);
    expect(await state(shop)).toMatchObject({ status: 'decided', statistics: false, consentId: decided.consentId });

    // Forgetting on shop forgets on www: one cookie, no copy left behind on either host.
    await shop.evaluate(() => (window as unknown as Win).Consentry.reset());
    expect((await context.cookies()).filter((c) => c.name === 'consentry')).toEqual([]);
    await www.reload();
    await www.waitForFunction(() => !!document.querySelector('consentry-ui'));
    expect(await state(www)).toMatchObject({ status: 'undecided', statistics: false });
    await expect.poll(() => bannerShown(www)).toBe(true);
  });
});

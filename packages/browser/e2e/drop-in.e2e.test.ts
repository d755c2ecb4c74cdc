// The script-tag drop-in on the demo site, in real Chromium. Assertions count real requests
// and real cookies; every third-party request is answered by a stub that behaves like the vendor.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cookieNames, demoRoots, hasChromium, noChromium, launch, serveStatic, settle, stubThirdParties, type RecordedRequest, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const NON_NECESSARY = /^(_ga|_gid|_fbp|_hj|site_lang)/;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(!hasChromium)('script-tag drop-in in Chromium' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let requests: RecordedRequest[];
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    site = await serveStatic(demoRoots(ROOT));
    // The demo's proof endpoint is the real server in the proof suite; here any answer will do.
    site.routes.set('/v1/consents', () => [201, 'application/json', '{}']);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // The demo posts proofs to 127.0.0.1:8787; point them at this test's server instead.
    // A receipt names the record it is for: the client keeps records whose answer is not a receipt.
    await context.route('http://127.0.0.1:8787/**', (route) => route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ recordId: (JSON.parse(route.request().postData() ?? '{}') as { recordId?: string }).recordId ?? 'x', seq: 1, hash: 'h', signature: 's', keyId: 'k' }) }));
    requests = await stubThirdParties(context);
    page = await context.newPage();
    errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  afterEach(async () => {
    await context?.close();
  });

  const open = async (path = '/') => {
    await page.goto(`${site.url}${path}`);
    await settle(page);
  };
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const hosts = () => [...new Set(requests.map((r) => r.host))].sort();
  const nonNecessaryCookies = async () => (await cookieNames(context)).filter((n) => NON_NECESSARY.test(n));

  it('first visit: shows the banner, sends no third-party request and sets no cookie', async () => {
    await open('/blog.html');
    await expect.poll(() => button('Accept all').isVisible()).toBe(true);
    await expect(button('Reject all').isVisible()).resolves.toBe(true);
    await expect(button('Customize').isVisible()).resolves.toBe(true);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
    expect(await cookieNames(context)).toEqual([]);
    expect(await page.locator('iframe.video').getAttribute('src')).toBeNull();
    expect(errors).toEqual([]);
  });

  it('reject all: nothing loads, nothing is set, and the site calling gtag changes nothing', async () => {
    await open('/pricing.html');
    await button('Reject all').click();
    await settle(page);
    await page.locator('.buy').first().click();
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
    expect(await cookieNames(context)).toEqual(['consentry']);
    await expect(button('Accept all').isVisible()).resolves.toBe(false);
  });

  it('accept all: every vendor loads and its beacon fires', async () => {
    await open('/blog.html');
    await button('Accept all').click();
    await expect.poll(() => hosts(), { timeout: 5000 }).toEqual(
      expect.arrayContaining(['www.googletagmanager.com', 'region1.google-analytics.com', 'connect.facebook.net', 'www.facebook.com', 'static.hotjar.com', 'in.hotjar.com', 'www.youtube-nocookie.com']),
    );
    const names = await cookieNames(context);
    expect(names).toEqual(expect.arrayContaining(['_fbp', '_ga', '_ga_DEMO12345', '_gid', '_hjSessionUser_3456789', 'consentry']));
    expect(await page.locator('iframe.video').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(errors).toEqual([]);
  });

  it("the site's own fbq('track', …) before consent throws nothing and is dropped; Meta's loader still runs after Accept all", async () => {
    await open('/blog.html');
    // The pasted Meta snippet is gone (Consentry loads the pixel); a button of the site still calls fbq.
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'lead';
      b.setAttribute('onclick', "fbq('track', 'Lead')");
      document.body.append(b);
      b.click();
    });
    expect(errors.filter((e) => /fbq/.test(e))).toEqual([]);
    await button('Accept all').click();
    await expect.poll(() => requests.filter((r) => r.host === 'www.facebook.com').map((r) => new URL(r.url).searchParams.get('ev')), { timeout: 10_000 }).toContain('PageView');
    expect(requests.some((r) => r.host === 'connect.facebook.net')).toBe(true);
    await page.locator('#lead').click(); // now the real pixel's
    await expect.poll(() => requests.filter((r) => r.host === 'www.facebook.com').map((r) => new URL(r.url).searchParams.get('ev')), { timeout: 10_000 }).toContain('Lead');
    expect(requests.filter((r) => r.host === 'www.facebook.com' && /ev=Lead/.test(r.url))).toHaveLength(1); // the call before consent was dropped
    expect(errors).toEqual([]);
  });

  it('custom choice (statistics only): analytics load, advertising does not', async () => {
    await open('/');
    await button('Customize').click();
    await page.getByRole('switch', { name: /Statistics/ }).first().click();
    await button('Save preferences').click();
    await expect.poll(() => hosts(), { timeout: 5000 }).toEqual(expect.arrayContaining(['region1.google-analytics.com', 'static.hotjar.com']));
    await page.waitForTimeout(300);
    expect(hosts().filter((h) => /facebook|youtube/.test(h))).toEqual([]);
    expect((await cookieNames(context)).filter((n) => n.startsWith('_fb'))).toEqual([]);
  });

  it('a returning visitor who accepted all gets the gated embed: the frame really navigates after a reload', async () => {
    await open('/blog.html');
    await button('Accept all').click();
    await settle(page);
    await page.reload();
    await settle(page, 400);
    const embed = () => page.frames().find((f) => f.url() === 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    await expect.poll(() => !!embed(), { timeout: 5000 }).toBe(true);
    await expect.poll(() => embed()!.locator('p').textContent()).toBe('stub video player');
    expect(requests.filter((r) => r.host === 'www.youtube-nocookie.com').length).toBeGreaterThan(0);
  });

  it('names Hotjar, which the demo gates by markup, in the dialog and grants it by name', async () => {
    await open('/');
    await button('Customize').click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Hotjar');
    await page.keyboard.press('Escape');
    await button('Accept all').click();
    await expect.poll(() => hosts(), { timeout: 5000 }).toEqual(expect.arrayContaining(['static.hotjar.com']));
    expect(await page.evaluate(() => (window as unknown as { Consentry: { isGranted(v: string): boolean } }).Consentry.isGranted('hotjar'))).toBe(true);
  });

  it('reload keeps the decision and shows no banner', async () => {
    await open('/');
    await button('Accept all').click();
    await settle(page);
    const before = requests.length;
    await page.reload();
    await settle(page, 400);
    await expect(button('Accept all').isVisible()).resolves.toBe(false);
    expect(requests.length).toBeGreaterThan(before); // vendors load again, straight away
  });

  it('withdrawing statistics deletes its cookies and they stay gone while the page keeps calling gtag', async () => {
    await open('/pricing.html');
    await button('Accept all').click();
    await expect.poll(async () => (await cookieNames(context)).includes('_ga')).toBe(true);
    await page.evaluate(() => (window as unknown as { Consentry: { showPreferences(): void } }).Consentry.showPreferences());
    const statistics = page.getByRole('switch', { name: /Statistics/ }).first();
    await expect(statistics.getAttribute('aria-checked')).resolves.toBe('true');
    await statistics.click();
    await button('Save preferences').click();
    await settle(page);
    expect((await cookieNames(context)).filter((n) => /^_ga|^_gid|^_hj/.test(n))).toEqual([]);
    const gaHitsBefore = requests.filter((r) => r.host.endsWith('google-analytics.com')).length;
    const gaRequestIndex = requests.length;
    for (const b of await page.locator('.buy').all()) await b.click();
    await page.evaluate(() => {
      const w = window as unknown as { gtag?: (...a: unknown[]) => void; dataLayer: unknown[] };
      (w.gtag ?? ((...a: unknown[]) => w.dataLayer.push(a)))('event', 'after_withdrawal');
    });
    await page.waitForTimeout(500);
    expect(requests.filter((r) => r.host.endsWith('google-analytics.com')).length).toBe(gaHitsBefore);
    expect((await cookieNames(context)).filter((n) => /^_ga|^_gid|^_hj/.test(n))).toEqual([]);
    // The stubs keep writing on a timer: the guards keep their storage empty too.
    const stored = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith('_hj')));
    expect(stored).toEqual([]);
    expect(requests.filter((r) => r.host === 'in.hotjar.com' && requests.indexOf(r) >= gaRequestIndex).length).toBe(0);
    // Targeting was not withdrawn: its cookie stays.
    expect(await cookieNames(context)).toContain('_fbp');
  });

  it('a revision bump re-prompts and grants nothing until the visitor decides again', async () => {
    await open('/');
    await button('Accept all').click();
    await settle(page);
    await page.route('**/index.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('"revision": 1', '"revision": 2');
      await route.fulfill({ response, body });
    });
    await expect.poll(async () => (await cookieNames(context)).includes('_ga')).toBe(true);
    await page.goto('about:blank'); // the stubs' timers stop with their page
    await page.waitForTimeout(300);
    requests.length = 0;
    await open('/index.html');
    await expect.poll(() => button('Accept all').isVisible()).toBe(true);
    await page.waitForTimeout(300);
    expect(requests.map((r) => r.url)).toEqual([]);
    // What the vendors stored under the old decision is cleaned at start-up, not left until a withdrawal.
    expect((await cookieNames(context)).filter((n) => /^(_ga|_gid|_fbp|_hj)/.test(n))).toEqual([]);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('_hj')))).toEqual([]);
  });

  it('honours Global Privacy Control: accept all leaves targeting off', async () => {
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    await open('/');
    await button('Accept all').click();
    await expect.poll(() => hosts(), { timeout: 5000 }).toEqual(expect.arrayContaining(['region1.google-analytics.com']));
    await page.waitForTimeout(300);
    expect(hosts().filter((h) => h.includes('facebook'))).toEqual([]);
  });

  it('a broken config fails closed: an error naming the path, no banner, nothing loads', async () => {
    await page.route('**/pricing.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('"layout": "bar"', '"layout": "popup"');
      await route.fulfill({ response, body });
    });
    await open('/pricing.html');
    await page.locator('.buy').first().click();
    await page.waitForTimeout(300);
    expect(errors.join('\n')).toContain('layout: expected bar | box | modal, got "popup"');
    await expect(button('Accept all').count()).resolves.toBe(0);
    expect(requests).toEqual([]);
    expect(await nonNecessaryCookies()).toEqual([]);
  });

  it('an unmarked GA4 snippet pasted after the SDK sends no hit and sets no cookie before consent', async () => {
    await open('/e2e/unmarked-ga.html');
    await page.waitForTimeout(400);
    // Chromium's preload scanner may fetch the parser-inserted gtag.js before any script runs
    // (docs/blocking.md); what matters is that it never executes: no hit, no cookie.
    expect(requests.filter((r) => !r.url.startsWith('https://www.googletagmanager.com/gtag/js'))).toEqual([]);
    expect(await page.evaluate(() => (window as { __gtagLoaded?: number }).__gtagLoaded ?? 0)).toBe(0);
    expect(await nonNecessaryCookies()).toEqual([]);
    await button('Accept all').click();
    await expect.poll(() => hosts(), { timeout: 5000 }).toEqual(expect.arrayContaining(['www.googletagmanager.com', 'region1.google-analytics.com']));
  });

  it('an unmarked tracker of a vendor the config does not list never runs, and the console says how to list it', async () => {
    await page.route('**/e2e/unmarked-ga.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('"vendors": { "google-analytics": { "id": "G-UNMARKED1" } }', '"vendors": {}');
      await route.fulfill({ response, body });
    });
    await open('/e2e/unmarked-ga.html');
    await button('Accept all').click();
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => (window as { __gtagLoaded?: number }).__gtagLoaded ?? 0)).toBe(0);
    expect(requests.filter((r) => r.host.endsWith('google-analytics.com'))).toEqual([]);
    expect(await nonNecessaryCookies()).toEqual([]);
    expect(errors.join('\n')).toMatch(/vendor "google-(analytics|ads)".*Add it to "vendors"/);
  });

  it('works with the keyboard alone: skip link, banner, dialog, focus trap, Escape', async () => {
    await open('/');
    // The banner (and its skip link) mounts after the first paint: on a busy machine, after load.
    await expect.poll(() => button('Accept all').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    const focusedName = () => page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return (el?.textContent ?? '').trim();
    });
    expect(await focusedName()).toMatch(/cookie/i);
    await page.keyboard.press('Enter');
    // Into the banner: the three choices are reachable by Tab.
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      seen.add(await focusedName());
    }
    expect([...seen]).toEqual(expect.arrayContaining(['Accept all', 'Reject all', 'Customize']));
    await button('Customize').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
    const insideDialog = await page.evaluate(() => {
      const host = document.querySelector('consentry-ui');
      const active = host?.shadowRoot?.activeElement;
      return !!active?.closest('dialog, [role="dialog"]');
    });
    expect(insideDialog).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
    expect(await focusedName()).toBe('Customize');
    await button('Reject all').focus();
    await page.keyboard.press('Enter');
    await settle(page);
    expect(await cookieNames(context)).toEqual(['consentry']);
  });

  // 320 × 640 is WCAG 1.4.10's reflow width; 640 × 360 is a 1280 × 720 window at 200% zoom.
  for (const [width, height] of [[320, 640], [640, 360]] as const) it(`fits a ${width} × ${height} CSS px screen without horizontal scrolling`, async () => {
    await page.setViewportSize({ width, height });
    await open('/');
    for (const name of ['Accept all', 'Reject all', 'Customize']) {
      const box = await button(name).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(height);
      expect(box!.height).toBeGreaterThanOrEqual(24);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });

  it('a blocked embed shows an accessible placeholder; "Load content" loads just that vendor', async () => {
    await open('/blog.html');
    const frame = page.locator('iframe.video');
    const below = page.locator('main p').last(); // the text under the video must not move
    const before = await below.boundingBox();
    const load = page.getByRole('button', { name: /load content/i });
    await expect.poll(() => load.isVisible()).toBe(true);
    expect(requests).toEqual([]);
    await load.click();
    await expect.poll(() => frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    const after = await below.boundingBox();
    expect(after?.y).toBe(before?.y); // no layout shift
    await page.waitForTimeout(300);
    expect(hosts().filter((h) => /google|facebook|hotjar/.test(h))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { Consentry: { isGranted(v: string): boolean } }).Consentry.isGranted('youtube'))).toBe(true);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`axe-core finds no violations in the banner and the dialog (${theme} theme)`, async () => {
      await page.route('**/pricing.html', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace('"theme": "auto"', `"theme": "${theme}"`) });
      });
      await open('/pricing.html');
      await page.addScriptTag({ content: AXE });
      const audit = () =>
        page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
          const result = await axe.run({ include: [['consentry-ui']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
          return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
        });
      await expect.poll(() => button('Accept all').isVisible()).toBe(true);
      expect(await audit()).toEqual([]);
      await button('Customize').click();
      await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
      expect(await audit()).toEqual([]);
    });
  }

  describe('a page with GA4, GTM, Meta Pixel, Hotjar and a YouTube embed', () => {
    const VENDOR_HOSTS = ['www.googletagmanager.com', 'region1.google-analytics.com', 'connect.facebook.net', 'www.facebook.com', 'static.hotjar.com', 'in.hotjar.com', 'www.youtube-nocookie.com'];

    it('sends nothing and sets nothing before consent and after Reject all', async () => {
      await open('/e2e/five-vendors.html');
      await page.waitForTimeout(300);
      expect(requests).toEqual([]);
      await button('Reject all').click();
      await page.locator('#track').click();
      await page.waitForTimeout(500);
      expect(requests).toEqual([]);
      expect(await cookieNames(context)).toEqual(['consentry']);
    });

    it('after Accept all every vendor loads and its beacon fires', async () => {
      await open('/e2e/five-vendors.html');
      await button('Accept all').click();
      await expect.poll(() => hosts(), { timeout: 5000 }).toEqual(expect.arrayContaining(VENDOR_HOSTS));
      expect(requests.some((r) => r.url.includes('/gtm.js?id=GTM-FIVE123'))).toBe(true);
      expect(await cookieNames(context)).toEqual(expect.arrayContaining(['_fbp', '_ga', '_ga_FIVE12345', '_hjSessionUser_3456789']));
    });
  });
});

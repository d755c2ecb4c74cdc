// Google Consent Mode v2 as advertisers set it up, in real Chromium, with Google's own snippets
// pasted after Consentry: GTM's container snippet and the gtag.js snippet. Asserts the exact
// dataLayer (gtag commands as Arguments objects) and which Google requests leave, counted by
// interception. Both modes run through the built script tag; advanced mode also through the npm
// packages wired the way the script tag and React wire them (createConsentMode, then createBlocker
// with consentModeRules, then createVendorLoader), bundled here with esbuild.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blindStubs, TRACKER_COOKIES, type Hit } from './consent-blind.js';
import { hasChromium, noChromium, launch, serveStatic, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

// Google's snippets, as a site pastes them (ids are test ids).
const GTM_SNIPPET = `<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','GTM-PASTE12');</script>`;
const GTAG_SNIPPET = `<script>(function(){var j=document.createElement('script');j.async=true;
j.src='https://www.googletagmanager.com/gtag/js?id=G-PASTE1234';document.head.appendChild(j);})();</script>
<script>window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('js', new Date());
gtag('config', 'G-PASTE1234');</script>`;

const NPM_ENTRY = `
import { createConsent } from '@consentry/core';
import { createBlocker } from '@consentry/blocker';
import { catalog, consentModeRules, createConsentMode, createVendorLoader, toBlockerRules, toCatalogLookup } from '@consentry/vendors';
const consent = createConsent(window.__config, { catalog: toCatalogLookup(catalog) });
createConsentMode(consent);
createBlocker(consent, { rules: consentModeRules(toBlockerRules(catalog, consent.config.vendors), consent.config) });
createVendorLoader(consent, catalog);
window.Consentry = { acceptAll: () => consent.acceptAll(), rejectAll: () => consent.rejectAll(), update: (c) => consent.update(c), getConsent: () => consent.getState() };
`;

const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};
/** Statistics and targeting granted (these pages configure no functional category). */
const GRANTED = { ...Object.fromEntries(Object.keys(DENIED).map((k) => [k, 'granted'])), functionality_storage: 'denied', personalization_storage: 'denied' };
const GTM_START = { 'gtm.start': '<time>', event: 'gtm.js' };

function html(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ads</title>${head}</head><body><h1>Shop</h1>${body}</body></html>`;
}
const scriptTag = (config: object, snippet: string) =>
  html(`<script type="application/json" id="consentry-config">${JSON.stringify({ language: 'en', ...config })}</script><script src="/consentry.min.js"></script>${snippet}`, '');
const npm = (config: object, snippet: string) =>
  html(`<script>window.__config = ${JSON.stringify({ categories: { statistics: {}, targeting: {} }, ...config })};</script><script src="/npm-wiring.js"></script>${snippet}`, '');

describe.skipIf(!hasChromium)('Google Consent Mode v2 with Google snippets' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let context: BrowserContext;
  let hits: Hit[];
  let p: Page;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    const { build } = await import('esbuild');
    const bundle = await build({ stdin: { contents: NPM_ENTRY, resolveDir: join(ROOT, 'packages/browser') }, bundle: true, format: 'iife', write: false, logLevel: 'silent' });
    browser = await launch();
    site = await serveStatic([['/', join(ROOT, 'packages/browser/dist')]]);
    site.routes.set('/npm-wiring.js', () => [200, 'text/javascript', bundle.outputFiles[0]!.text]);
    site.routes.set('/page.html', (url) => [200, 'text/html; charset=utf-8', pages.get(url.searchParams.get('p') ?? '') ?? 'missing']);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    hits = await blindStubs(context);
    p = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  async function open(name: string, body: string): Promise<void> {
    pages.set(name, body);
    await p.goto(`${site.url}/page.html?p=${name}`);
    await p.waitForFunction(() => (window as any).Consentry?.getConsent?.());
    await p.waitForTimeout(300);
  }
  /** dataLayer as data: gtag commands as { gtag: [...] }, GTM messages as they are (timestamps masked). */
  const dataLayer = () =>
    p.evaluate(() =>
      ((window as any).dataLayer as unknown[]).map((e: any) =>
        Object.prototype.toString.call(e) === '[object Arguments]'
          ? { gtag: Array.from(e as ArrayLike<unknown>).map((x) => (x instanceof Date ? '<date>' : x)) }
          : 'gtm.start' in e
            ? { ...e, 'gtm.start': '<time>' }
            : e,
      ),
    );
  const google = () => hits.filter((h) => /google/.test(h.host)).map((h) => h.url.replace(/\?.*/, ''));
  const trackerCookies = async () => (await context.cookies()).map((c) => c.name).filter((n) => TRACKER_COOKIES.test(n));
  const accept = async () => {
    await p.evaluate(() => (window as any).Consentry.acceptAll());
    await p.waitForTimeout(400);
  };

  describe('basic (the default): no Google tag before consent', () => {
    it('script tag + GTM container snippet', async () => {
      // The pasted container is listed as a vendor (an unlisted vendor never runs: it is not disclosed).
      await open('basic-gtm', scriptTag({ categories: { statistics: {}, targeting: {} }, vendors: { 'google-tag-manager': { id: 'GTM-PASTE12' } } }, GTM_SNIPPET));
      expect(await dataLayer()).toEqual([
        { gtag: ['consent', 'default', { ...DENIED, wait_for_update: 500 }] },
        { gtag: ['set', 'ads_data_redaction', true] },
        GTM_START,
      ]);
      expect(google()).toEqual([]);
      await accept();
      expect((await dataLayer()).slice(3)).toEqual([
        { gtag: ['consent', 'update', GRANTED] },
        { gtag: ['set', 'ads_data_redaction', false] },
        { event: 'consentry_consent_update', consentry: { functional: false, statistics: true, targeting: true } },
      ]);
      expect(google()).toContain('https://www.googletagmanager.com/gtm.js');
    });

    it('script tag + gtag.js snippet, and a configured GA4 vendor', async () => {
      await open('basic-gtag', scriptTag({ categories: { statistics: {}, targeting: {} }, vendors: { 'google-analytics': { id: 'G-CONF12345' } } }, GTAG_SNIPPET));
      expect(await dataLayer()).toEqual([
        { gtag: ['consent', 'default', { ...DENIED, wait_for_update: 500 }] },
        { gtag: ['set', 'ads_data_redaction', true] },
        { gtag: ['js', '<date>'] },
        { gtag: ['config', 'G-PASTE1234'] },
      ]);
      expect(google()).toEqual([]);
      expect(await trackerCookies()).toEqual([]);
      await accept();
      expect(google()).toEqual(expect.arrayContaining(['https://www.googletagmanager.com/gtag/js']));
    });

    it('npm wiring + GTM container snippet behaves the same', async () => {
      await open('npm-basic-gtm', npm({ googleConsentMode: { mode: 'basic' } }, GTM_SNIPPET));
      expect(await dataLayer()).toEqual([
        { gtag: ['consent', 'default', { ...DENIED, wait_for_update: 500 }] },
        { gtag: ['set', 'ads_data_redaction', true] },
        GTM_START,
      ]);
      expect(google()).toEqual([]);
    });
  });

  describe('advanced (opt-in): Google tags load before a decision, every type denied', () => {
    // The same page through the npm wiring and through the built script tag.
    it.each([
      ['npm wiring', npm],
      ['script tag', (config: object, snippet: string) => scriptTag({ categories: { statistics: {}, targeting: {} }, ...config }, snippet)],
    ] as const)('%s + GTM container snippet: the container loads at once; its cookies are still refused', async (name, wiring) => {
      await open(`adv-gtm-${name.replace(' ', '-')}`, wiring({ googleConsentMode: { mode: 'advanced' } }, GTM_SNIPPET));
      expect(await p.evaluate(() => (window as any).Consentry.getConsent().status)).toBe('undecided');
      expect(await dataLayer()).toEqual([
        { gtag: ['consent', 'default', { ...DENIED, wait_for_update: 500 }] },
        { gtag: ['set', 'ads_data_redaction', true] },
        GTM_START,
      ]);
      // gtm.js and the container's own (here: stub) ping went out before any decision…
      expect(google()).toEqual(['https://www.googletagmanager.com/gtm.js', 'https://www.googletagmanager.com/collect']);
      // …but the cookie its stub writes, consent or not, was refused.
      expect(await trackerCookies()).toEqual([]);
      await accept();
      expect((await dataLayer()).slice(3)).toEqual([
        { gtag: ['consent', 'update', GRANTED] },
        { gtag: ['set', 'ads_data_redaction', false] },
        { event: 'consentry_consent_update', consentry: { functional: false, statistics: true, targeting: true } },
      ]);
    });

    it('gtag.js snippet and configured Google vendors: loaded before consent, other vendors wait', async () => {
      await open(
        'adv-gtag',
        npm({ googleConsentMode: { mode: 'advanced' }, vendors: { 'google-ads': { id: 'AW-123456789' }, hotjar: { id: '3456789' } } }, GTAG_SNIPPET),
      );
      expect(await dataLayer()).toEqual([
        { gtag: ['consent', 'default', { ...DENIED, wait_for_update: 500 }] },
        { gtag: ['set', 'ads_data_redaction', true] },
        { gtag: ['js', '<date>'] },
        { gtag: ['config', 'AW-123456789'] },
        { gtag: ['js', '<date>'] },
        { gtag: ['config', 'G-PASTE1234'] },
      ]);
      expect(new Set(google())).toEqual(new Set(['https://www.googletagmanager.com/gtag/js', 'https://www.googletagmanager.com/collect']));
      expect(hits.filter((h) => /hotjar/.test(h.host))).toEqual([]);
      expect(await trackerCookies()).toEqual([]);
    });

    it('the options advertisers use: wait_for_update, region defaults, ads_data_redaction, url_passthrough', async () => {
      await open(
        'adv-options',
        npm(
          {
            googleConsentMode: {
              mode: 'advanced',
              waitForUpdate: 2000,
              urlPassthrough: true,
              adsDataRedaction: true,
              regions: [{ region: ['US', 'CA'], statistics: true }],
            },
          },
          GTM_SNIPPET,
        ),
      );
      expect(await dataLayer()).toEqual([
        { gtag: ['consent', 'default', { ...DENIED, wait_for_update: 2000 }] },
        { gtag: ['consent', 'default', { ...DENIED, analytics_storage: 'granted', wait_for_update: 2000, region: ['US', 'CA'] }] },
        { gtag: ['set', 'ads_data_redaction', true] },
        { gtag: ['set', 'url_passthrough', true] },
        GTM_START,
      ]);
      await p.evaluate(() => (window as any).Consentry.update({ statistics: true }));
      await p.waitForTimeout(200);
      expect((await dataLayer()).slice(5)).toEqual([
        { gtag: ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }] },
        { event: 'consentry_consent_update', consentry: { functional: false, statistics: true, targeting: false } },
      ]);
    });
  });
});

// Automatic blocking in real Chromium, one test per injection route (docs/blocking.md, "Every route").
// The page has no gated markup. The "vendor" code ignores consent: the routes and the vendor stub keep
// calling fetch, sendBeacon, Image, XHR, document.cookie and Storage on a timer, so what is measured is
// the blocker's hold, never the vendor's manners. Requests are counted by interception.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasChromium, noChromium, launch, serveStatic, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TRACKER_NAMES = /^(_hj|_ga|_gid|_fbp|_fbc)/;

/** Served for every vendor script: it never asks about consent. */
const CONSENT_BLIND_STUB = `(() => {
  const tick = () => {
    try { fetch('https://region1.google-analytics.com/g/collect?v=2&en=tick', { method: 'POST', body: 'x', mode: 'no-cors' }).catch(() => {}); } catch (e) {}
    try { navigator.sendBeacon('https://in.hotjar.com/api/v2/beacon', 'x'); } catch (e) {}
    try { new Image().src = 'https://www.facebook.com/tr?id=1&ev=tick'; } catch (e) {}
    try { document.cookie = '_hjSessionUser_3456789=stub; path=/; max-age=31536000'; } catch (e) {}
    try { localStorage.setItem('_hjStub', '1'); } catch (e) {}
    window.__vendorRan = (window.__vendorRan || 0) + 1;
  };
  tick();
  setInterval(tick, 150);
})();`;

const GIF = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');

/** Every route of fixtures/auto-block/routes.js; each must reach no third party before consent. */
const ROUTES = [
  'script.src',
  'setAttribute(src)',
  'setAttributeNS(src)',
  'setAttributeNode(src)',
  'attributes.setNamedItem(src)',
  'Attr.value of src',
  'removeAttribute(type)',
  'toggleAttribute(type)',
  'removeAttributeNode(type)',
  'attributes.removeNamedItem(type)',
  'Attr.value of type',
  'type setter',
  'clone of a held script',
  'svg script href',
  'base href',
  'innerHTML',
  'outerHTML',
  'insertAdjacentHTML',
  'shadowRoot.innerHTML',
  'setHTMLUnsafe',
  'createContextualFragment',
  'DOMParser + importNode',
  'DOMParser + adopt by append',
  'template content',
  'document.write',
  'document.writeln',
  'link rel=preload',
  'link rel=prefetch',
  'link rel=modulepreload',
  'link rel=stylesheet',
  'img.src (new Image)',
  'img.srcset',
  'picture source srcset',
  'video src and poster',
  'audio src',
  'embed src',
  'object data',
  'input type=image',
  'svg image href',
  'iframe.src',
  'a ping',
  'fetch, sendBeacon, XHR, Image, cookie, storage',
  'WebSocket',
  'EventSource',
  'cookieStore.set',
  'Storage property assignment',
  'Storage property assignment in a fresh frame',
  'iframe about:blank (contentWindow)',
  'iframe about:blank (window[0])',
  'iframe about:blank (contentDocument.defaultView)',
  'iframe about:blank by innerHTML',
  'iframe: natives of the parent called on a child',
  'iframe srcdoc',
  'iframe srcdoc by setAttribute',
  'iframe srcdoc in innerHTML',
  'iframe srcdoc, nested frame',
  'iframe javascript: URL',
  'iframe document.open + write',
  'iframe navigated to a first-party page (after load)',
  'object with a first-party document',
  'window.open (about:blank popup)',
];

/** Routes whose script is held, not dropped: after "Accept all" it must load after all. */
const RELEASED_AFTER_ACCEPT = ['script.src', 'removeAttribute(type)', 'createContextualFragment', 'document.write', 'svg script href'];

describe.skipIf(!hasChromium)('automatic blocking in Chromium: every injection route' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let thirdParty: string[];
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    site = await serveStatic([
      ['/e2e/', `${ROOT}/packages/browser/e2e/fixtures`],
      ['/', `${ROOT}/packages/browser/dist`],
    ]);
    site.routes.set('/v1/consents', () => [201, 'application/json', '{}']);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    thirdParty = [];
    errors = [];
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      async (route) => {
        const req = route.request();
        thirdParty.push(`${req.resourceType()} ${req.url()}`);
        if (req.resourceType() === 'script') return route.fulfill({ status: 200, contentType: 'text/javascript', body: CONSENT_BLIND_STUB });
        if (req.resourceType() === 'image') return route.fulfill({ status: 200, contentType: 'image/gif', body: GIF });
        if (req.resourceType() === 'document') return route.fulfill({ status: 200, contentType: 'text/html', body: `<script>${CONSENT_BLIND_STUB}</script>` });
        return route.fulfill({ status: 204, body: '' });
      },
    );
    const watch = (p: Page) => {
      p.on('websocket', (ws) => thirdParty.push(`websocket ${ws.url()}`));
      p.on('pageerror', (e) => errors.push(String(e)));
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    };
    context.on('page', watch);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  async function open(route: string): Promise<void> {
    await page.goto(`${site.url}/e2e/auto-block/page.html?r=${encodeURIComponent(route)}`);
    await page.waitForLoadState('load');
    if (route.startsWith('window.open')) await page.click('#anchor');
    // Long enough for several rounds of every timer, for frames to navigate and media to preload.
    await page.waitForTimeout(900);
  }

  /** Tracker cookies (the browser's jar) and storage keys in every page and frame of the context. */
  async function trackerTraces(): Promise<string[]> {
    const found = (await context.cookies()).map((c) => `cookie ${c.name}`);
    for (const p of context.pages()) {
      for (const frame of p.frames()) {
        const keys = await frame
          .evaluate(() => [...Object.keys(localStorage).map((k) => `local ${k}`), ...Object.keys(sessionStorage).map((k) => `session ${k}`)])
          .catch(() => [] as string[]);
        found.push(...keys);
      }
    }
    return [...new Set(found)].filter((t) => TRACKER_NAMES.test(t.split(' ')[1] ?? ''));
  }

  it.each(ROUTES)('%s: nothing reaches a third party before consent', async (route) => {
    await open(route);
    expect(thirdParty).toEqual([]);
    expect(await trackerTraces()).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __vendorRan?: number }).__vendorRan ?? 0)).toBe(0);
    expect(errors.filter((e) => /Consentry|consentry/.test(e) && !/blocked/.test(e))).toEqual([]);
  });

  // Named-property writes bypass setItem: each form must be dropped for a held vendor, kept for anyone else.
  const FORMS = ['Dot', 'Bracket', 'Assign', 'ReflectSet', 'Define', 'DefineNoFlags'];
  const KEYS = ['local', 'session'].flatMap((kind) => FORMS.map((form) => `${kind}${form}`));
  /** Each key as read by a fresh getItem in `frame` (of the top page when 0 frames deep). */
  const readKeys = (p: Page, prefix: string, inFrame = false) =>
    p.evaluate(
      ([keys, prefix, inFrame]) => {
        const w = (inFrame ? window[0] : window) as Window;
        return Object.fromEntries(
          (keys as string[]).map((k) => [k, (k.startsWith('local') ? w.localStorage : w.sessionStorage).getItem(prefix + k)]),
        );
      },
      [KEYS, prefix, inFrame] as const,
    );
  const all = (value: string | null) => Object.fromEntries(KEYS.map((k) => [k, value]));

  it.each([false, true])('Storage property assignment (in a fresh frame: %s): a held vendor key is not stored, others are', async (inFrame) => {
    await open(inFrame ? 'Storage property assignment in a fresh frame' : 'Storage property assignment');
    expect(await readKeys(page, '_hj', inFrame)).toEqual(all(null));
    expect(await readKeys(page, 'theme', inFrame)).toEqual(all('1'));
    expect(errors).toEqual([]);
    // A new page load of the same origin (no SDK) reads the real storage: localStorage persisted nothing.
    const again = await context.newPage();
    await again.goto(`${site.url}/e2e/auto-block/plain.html`);
    const stored = await again.evaluate(() => Object.keys(localStorage));
    expect(stored.filter((k) => k.startsWith('_hj'))).toEqual([]);
    expect(stored.filter((k) => k.startsWith('themelocal')).sort()).toEqual(KEYS.filter((k) => k.startsWith('local')).map((k) => `theme${k}`).sort());
    // The same tab's sessionStorage, after a reload: nothing of the vendor's either.
    await page.reload();
    expect(await readKeys(page, '_hj')).toEqual(all(null));
    // Once granted, the same writes are the vendor's to make.
    await page.evaluate(() => (window as unknown as { Consentry: { acceptAll(): void } }).Consentry.acceptAll());
    await page.evaluate(() => (window as unknown as { assignStorage(w: Window): void }).assignStorage(window));
    expect(await readKeys(page, '_hj')).toEqual(all('1'));
    // The Storage the page holds still behaves as one.
    expect(
      await page.evaluate(() => {
        const s = localStorage;
        s.setItem('x1', 'a');
        const viaProto = Storage.prototype.getItem.call(s, 'x1');
        const ok = [
          s === localStorage,
          s instanceof Storage,
          'x1' in s,
          s.x1 === 'a',
          s.getItem('x1') === 'a',
          viaProto === 'a',
          s.length === Object.keys(s).length,
          typeof s.key(0) === 'string',
          Object.keys(s).includes('x1'),
          delete s.x1,
          s.getItem('x1') === null,
          String(s) === '[object Storage]',
        ];
        s.clear();
        return [...ok, s.length === 0];
      }),
    ).toEqual(Array(13).fill(true));
  });

  // No interception exists for WebTransport (HTTP/3): what is observable is that no session is opened.
  it('WebTransport: the constructor is refused before consent', async () => {
    await open('WebTransport');
    expect(await page.evaluate(() => (window as unknown as { __threw?: string }).__threw)).toMatch(/SecurityError.*Consentry blocked/);
  });

  it.each(RELEASED_AFTER_ACCEPT)('%s: the held script loads once the visitor accepts', async (route) => {
    await open(route);
    expect(thirdParty).toEqual([]);
    await page.evaluate(() => (window as unknown as { Consentry: { acceptAll(): void } }).Consentry.acceptAll());
    await expect.poll(() => thirdParty.some((r) => r.startsWith('script https://static.hotjar.com/c/hotjar-3456789.js')), { timeout: 5000 }).toBe(true);
  });
});

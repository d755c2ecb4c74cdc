import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, noChromium, stubThirdParties } from './harness.js';
import { startRefusingProxy, type RefusingProxy } from './refusing-proxy.js';

// The network wall (docs/service-worker.md): what a script in the page cannot hold, held by the service
// worker on every page view it controls. Counted at the network (a proxy that refuses everything and
// records it) and by interception. Tracker hosts are real catalog hosts; the proxy means none is reached.
const DIST = join(import.meta.dirname, '..', 'dist');
const built = existsSync(join(DIST, 'consentry-sw.js'));

const config = (serviceWorker: string | null) =>
  JSON.stringify({
    categories: { statistics: {}, targeting: {} },
    vendors: { 'google-analytics': { id: 'G-TEST1234' }, 'meta-pixel': { id: '1234567890' } },
    ...(serviceWorker ? { serviceWorker } : {}),
  });

const page = (serviceWorker: string | null, body = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>wall</title>
<script type="application/json" id="consentry-config">${config(serviceWorker)}</script>
<script src="/consentry.min.js"></script></head><body><p>article</p>${body}</body></html>`;

// Routes a page cannot hold from script: a parser-inserted first-party redirect and stylesheet.
const MARKUP = '<link rel="stylesheet" href="/track.css"><img id="redir" src="/r?to=img"><div class="bg">x</div><p class="font">font</p>';
const CSS = `@import url("https://connect.facebook.net/imported.css");
@font-face { font-family: Tracked; src: url("https://www.google-analytics.com/font.woff2"); }
.bg { background: url("https://www.facebook.com/tr?ev=css-background"); }
.font { font-family: Tracked; }`;
// A shared and a dedicated worker that call a tracker whatever the page decided.
const WORKER = `const go = () => fetch('https://region1.google-analytics.com/g/collect?from=' + self.name, { mode: 'no-cors' }).then(() => 'sent', () => 'refused');
if (typeof onconnect === 'undefined') onmessage = () => go().then((r) => postMessage(r));
else onconnect = (e) => { const port = e.ports[0]; port.onmessage = () => go().then((r) => port.postMessage(r)); };`;

interface Site {
  url: string;
  close(): Promise<void>;
}

/** A site with real redirects (the harness's static server writes no Location header). */
async function startSite(serviceWorker: string | null): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    if (url.pathname === '/') return send('text/html', page(serviceWorker));
    if (url.pathname === '/styled') return send('text/html', page(serviceWorker, MARKUP));
    if (url.pathname === '/r') {
      res.writeHead(302, { location: `https://www.facebook.com/tr?ev=redirect-${url.searchParams.get('to')}`, 'cache-control': 'no-store' });
      return res.end();
    }
    if (url.pathname === '/r-local') {
      res.writeHead(302, { location: '/pixel.gif', 'cache-control': 'no-store' });
      return res.end();
    }
    if (url.pathname === '/pixel.gif') return send('image/gif', Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
    if (url.pathname === '/track.css') return send('text/css', CSS);
    if (url.pathname === '/worker.js') return send('text/javascript', WORKER);
    const file = join(DIST, url.pathname.replace(/\.\.+/g, ''));
    if (existsSync(file) && url.pathname.endsWith('.js')) return send('text/javascript', readFileSync(file));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** The first page view registers the worker; it activates and claims the page. */
async function firstVisit(p: Page, site: Site): Promise<void> {
  await p.goto(`${site.url}/`);
  await p.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
}

/** What the page's workers got back from the tracker ('sent' or 'refused'). */
const fromWorkers = (p: Page, name: string) =>
  p.evaluate(async (n) => {
    const shared = new SharedWorker('/worker.js', { name: `shared-${n}` });
    const dedicated = new Worker('/worker.js', { name: `dedicated-${n}` });
    const answer = (target: MessagePort | Worker) => new Promise<string>((r) => target.addEventListener('message', (e) => r((e as MessageEvent).data), { once: true }));
    shared.port.start();
    const results = Promise.all([answer(shared.port), answer(dedicated)]);
    shared.port.postMessage('go');
    dedicated.postMessage('go');
    return results;
  }, name);

/** Waits until the stylesheet, its font and the redirect image have settled (loaded or failed). */
const stylesSettled = (p: Page) =>
  p.evaluate(async () => {
    const img = document.getElementById('redir') as HTMLImageElement;
    await new Promise<void>((r) => (img.complete ? r() : img.addEventListener('error', () => r(), { once: true })));
    await document.fonts.load('16px Tracked').catch(() => {});
    // The background image is fetched once the element is styled and painted.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });

describe.skipIf(!hasChromium || !built)(`network wall: the service worker${noChromium}`, () => {
  let browser: Browser;
  let proxy: RefusingProxy;
  let site: Site;
  let bare: Site;
  let fast: Site;
  beforeAll(async () => {
    proxy = await startRefusingProxy();
    browser = await launch(proxy.args());
    site = await startSite('/consentry-sw.js');
    bare = await startSite(null);
    fast = await startSite('/consentry-sw.js?firstParty=network');
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await site?.close();
    await bare?.close();
    await fast?.close();
  });

  const TRACKERS = /facebook\.(com|net)|google-analytics\.com/;

  /** Second page view, no consent: every route below reaches the network only if nothing holds it. */
  async function secondView(context: BrowserContext, at: Site, withWorker: boolean) {
    const p = await context.newPage();
    if (withWorker) await firstVisit(p, at);
    await p.goto(`${at.url}/styled`);
    await stylesSettled(p);
    const workers = await fromWorkers(p, 'before');
    const redirected = await p.evaluate(() => fetch('/r?to=fetch', { mode: 'no-cors' }).then(() => 'sent', () => 'refused'));
    const local = await p.evaluate(() => fetch('/r-local').then((r) => r.status, () => 0));
    return { p, workers, redirected, local };
  }

  it('without the worker, these routes reach the trackers (the control)', async () => {
    const context = await browser.newContext();
    proxy.clear();
    const { p } = await secondView(context, bare, false);
    // https goes through the proxy as CONNECT host:443, so each route is told apart by its host:
    // the redirect and the CSS background (www.facebook.com), @import (connect.facebook.net), the font
    // (www.google-analytics.com), the workers (region1.google-analytics.com).
    for (const host of [/^www\.facebook\.com:/, /^connect\.facebook\.net:/, /^www\.google-analytics\.com:/, /^region1\.google-analytics\.com:/]) {
      await expect.poll(() => proxy.hits(host).length).toBeGreaterThan(0);
    }
    await p.close();
    await context.close();
  });

  it('holds redirects, CSS, fonts, @import and workers at the network before consent', async () => {
    const context = await browser.newContext();
    proxy.clear();
    const { p, workers, redirected, local } = await secondView(context, site, true);
    expect(await p.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    expect(workers).toEqual(['refused', 'refused']);
    expect(redirected).toBe('refused');
    // A redirect within the site still works.
    expect(local).toBe(200);
    // A positive control the worker lets through (no vendor's host): once it reached the proxy, so would have the rest.
    await p.evaluate(() => fetch('https://cdn.example.org/sentinel', { mode: 'no-cors' }).catch(() => {}));
    await expect.poll(() => proxy.hits(/cdn\.example\.org/).length).toBeGreaterThan(0);
    expect(proxy.hits(TRACKERS)).toEqual([]);
    await p.close();
    await context.close();
  });

  it('with ?firstParty=network, first-party requests skip the worker: CSS and workers are held, a redirect is not', async () => {
    const context = await browser.newContext();
    proxy.clear();
    const { p, workers } = await secondView(context, fast, true);
    expect(workers).toEqual(['refused', 'refused']);
    // The trade docs/service-worker.md measures: the redirect reaches the tracker (the CSP layers hold it).
    await expect.poll(() => proxy.hits(/^www\.facebook\.com:/).length).toBeGreaterThan(0);
    expect(proxy.hits(/^(connect\.facebook\.net|www\.google-analytics\.com|region1\.google-analytics\.com):/)).toEqual([]);
    await p.close();
    await context.close();
  });

  it('counted by interception too: nothing reaches a tracker before consent', async () => {
    const context = await browser.newContext();
    const seen = await stubThirdParties(context);
    const { p, workers, redirected } = await secondView(context, site, true);
    expect(workers).toEqual(['refused', 'refused']);
    expect(redirected).toBe('refused');
    expect(seen.filter((r) => TRACKERS.test(r.host))).toEqual([]);
    await p.close();
    await context.close();
  });

  it('lets a granted vendor through after Accept all, and closes again on withdrawal', async () => {
    const context = await browser.newContext();
    const seen = await stubThirdParties(context);
    const p = await context.newPage();
    await firstVisit(p, site);
    await p.goto(`${site.url}/`);
    expect(await fromWorkers(p, 'undecided')).toEqual(['refused', 'refused']);
    await p.evaluate(() => (window as unknown as { Consentry: { acceptAll(): void } }).Consentry.acceptAll());
    expect(await fromWorkers(p, 'granted')).toEqual(['sent', 'sent']);
    expect(seen.filter((r) => r.url.includes('from=shared-granted') || r.url.includes('from=dedicated-granted'))).toHaveLength(2);
    await p.evaluate(() => (window as unknown as { Consentry: { rejectAll(): void } }).Consentry.rejectAll());
    expect(await fromWorkers(p, 'withdrawn')).toEqual(['refused', 'refused']);
    expect(seen.filter((r) => /from=(shared|dedicated)-(undecided|withdrawn)/.test(r.url))).toEqual([]);
    await p.close();
    await context.close();
  });

  it('static routes: navigations and third parties that are no vendor never wake the worker', async () => {
    const context = await browser.newContext();
    await stubThirdParties(context);
    const p = await context.newPage();
    await firstVisit(p, site);
    await p.goto(`${site.url}/`);
    // Resource Timing says which static route matched ('' when none did and the fetch handler ran).
    await p.evaluate(() => fetch('https://cdn.example.org/lib.js', { mode: 'no-cors' }).catch(() => {}));
    // The entry is queued after the response; wait for it.
    await p.waitForFunction(() => performance.getEntriesByType('resource').some((x) => x.name.includes('cdn.example.org')));
    const sources = await p.evaluate(() => {
      type Timing = PerformanceResourceTiming & { workerMatchedSourceType?: string };
      const lib = performance.getEntriesByType('resource').find((x) => x.name.includes('cdn.example.org')) as Timing | undefined;
      const nav = performance.getEntriesByType('navigation')[0] as Timing;
      return { thirdParty: lib?.workerMatchedSourceType, navigation: nav.workerMatchedSourceType };
    });
    expect(sources).toEqual({ thirdParty: 'network', navigation: 'network' });
    await context.close();
  });
});

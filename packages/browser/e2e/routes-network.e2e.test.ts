// The guard's network, cookie and storage routes in real Chromium (docs/blocking.md, "Every route"):
// URLs the guard could read differently from the browser, arguments checked once and used again,
// primitives beside fetch, cookies and storage, GTM's own pings and first-party proxies of tracker
// endpoints. Each route runs before consent, after "Reject all" and after a withdrawal, in the top page
// and in a same-origin frame, with GA4, GTM and Meta configured (their stubs ignore consent).
// Third-party requests are counted twice: by interception and at a refusing proxy (what interception
// never sees: fetchLater, worklets, WebSocketStream, PaymentRequest, FedCM).
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, noChromium, serveStatic, stubThirdParties, type RecordedRequest, type StaticServer } from './harness.js';
import { startRefusingProxy, type RefusingProxy } from './refusing-proxy.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TRACKER_HOSTS = /(^|\.)(google-analytics\.com|googletagmanager\.com|facebook\.com|facebook\.net)\.?(:\d+)?$/;
const TRACKER_NAMES = /^(_ga|_gid|_gat|_fbp|_fbc|_hj)/;
const CONFIG = JSON.stringify({
  categories: { statistics: {}, targeting: {} },
  vendors: {
    'google-analytics': { id: 'G-NET12345' },
    'google-tag-manager': { id: 'GTM-NET1234' },
    'meta-pixel': { id: '1234567890' },
    hotjar: { id: '3456789' },
  },
});
/** First-party paths that proxy a tracker endpoint (server-side tagging): each hit is recorded here. */
const PROXIED = ['/g/collect', '/metrics/g/collect', '/tr/'];

type State = 'before consent' | 'after Reject all' | 'after withdrawal';
const STATES: State[] = ['before consent', 'after Reject all', 'after withdrawal'];
const REALMS = ['top', 'frame'] as const;

describe.skipIf(!hasChromium)(`network, cookie and storage routes${noChromium}`, () => {
  let browser: Browser;
  let proxy: RefusingProxy;
  let site: StaticServer;
  let firstParty: string[];

  beforeAll(async () => {
    proxy = await startRefusingProxy();
    browser = await launch(proxy.args());
    site = await serveStatic([
      ['/e2e/', `${ROOT}/packages/browser/e2e/fixtures`],
      ['/', `${ROOT}/packages/browser/dist`],
    ]);
    firstParty = [];
    for (const path of PROXIED) site.routes.set(path, (url) => (firstParty.push(`${path} ${url.searchParams.get('r')}`), [204, 'text/plain', '']));
    site.routes.set('/ok', () => [204, 'text/plain', '']);
    const page = (base: string) => () =>
      [200, 'text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>routes</title>${base}
<script type="application/json" id="consentry-config">${CONFIG}</script>
<script src="${site.url}/consentry.min.js"></script>
<script src="${site.url}/e2e/routes-network/routes.js"></script>
</head><body><p>A page whose own code reaches trackers.</p></body></html>`] as [number, string, string];
    site.routes.set('/routes.html', page(''));
    // A <base> on a host the catalog shares by path: relative URLs resolve there, not on the page's host.
    site.routes.set('/routes-base.html', page('<base href="https://www.googletagmanager.com/">'));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await site?.close();
  });

  interface Run {
    context: BrowserContext;
    page: Page;
    intercepted: RecordedRequest[];
  }

  /** The page in `state`, the counters cleared; the vendors' stubs keep sending on their timers. */
  async function open(path: string, state: State): Promise<Run> {
    const context = await browser.newContext();
    const intercepted = await stubThirdParties(context);
    const page = await context.newPage();
    await page.goto(`${site.url}${path}`);
    await page.waitForLoadState('load');
    type Api = { Consentry: { acceptAll(): void; rejectAll(): void } };
    if (state === 'after withdrawal') {
      await page.evaluate(() => (window as unknown as Api).Consentry.acceptAll());
      await expect.poll(() => intercepted.some((r) => r.url.includes('/gtag/js')), { timeout: 10_000 }).toBe(true);
      await expect.poll(async () => (await context.cookies()).some((c) => c.name === '_ga'), { timeout: 10_000 }).toBe(true);
    }
    if (state !== 'before consent') await page.evaluate(() => (window as unknown as Api).Consentry.rejectAll());
    // Let what the granted vendors already had in flight land before counting.
    await page.waitForTimeout(300);
    intercepted.splice(0);
    proxy.clear();
    firstParty.splice(0);
    return { context, page, intercepted };
  }

  /** Tracker cookies in the browser's jar and tracker keys in the page's storage. */
  async function traces(run: Run): Promise<string[]> {
    const cookies = (await run.context.cookies()).filter((c) => TRACKER_NAMES.test(c.name)).map((c) => `cookie ${c.name}=${c.value}`);
    const keys = await run.page.evaluate(() => Object.keys(localStorage).map((k) => `local ${k}=${localStorage.getItem(k)}`));
    return [...cookies, ...keys.filter((k) => TRACKER_NAMES.test(k.slice(6)))];
  }

  const leaks = (run: Run) => ({
    intercepted: run.intercepted.filter((r) => TRACKER_HOSTS.test(r.host)).map((r) => new URL(r.url).searchParams.get('r') ?? r.url),
    network: proxy.seen.filter((e) => TRACKER_HOSTS.test(e.replace(/^\w+:\/\//, '').split('/')[0]!)),
    firstParty: [...firstParty],
  });

  describe.each(STATES)('%s', (state) => {
    it.each(REALMS)('in the %s realm, no route reaches a tracker or writes its cookie or storage', async (realm) => {
      const run = await open('/routes.html', state);
      try {
        const threw = await run.page.evaluate(async (realm) => {
          const w = window as unknown as { runNetworkRoutes(w: Window, s: string): Promise<string[]> };
          let target: Window = window;
          if (realm === 'frame') {
            const f = document.createElement('iframe');
            document.body.append(f);
            target = f.contentWindow!;
          }
          return w.runNetworkRoutes(target, `@${realm}`);
        }, realm);
        // fetchLater, Cache and worklet requests are asynchronous: give them time to leave.
        await run.page.waitForTimeout(1200);
        // What threw is the guard's refusal, never a missing API (the route would then prove nothing).
        expect(threw.filter((t) => !/Consentry blocked/.test(t))).toEqual([]);
        expect({ ...leaks(run), traces: await traces(run) }).toEqual({ intercepted: [], network: [], firstParty: [], traces: [] });
      } finally {
        await run.context.close();
      }
    }, 90_000);
  });

  // A <base href> on a shared host: `gtm.js` and `a?…` are GTM's, though the page wrote a relative URL.
  describe.each(STATES)('%s, <base href> on a shared host', (state) => {
    it.each(REALMS)('in the %s realm, relative URLs are checked where they resolve', async (realm) => {
      const run = await open('/routes-base.html', state);
      try {
        await run.page.evaluate((realm) => {
          let w: Window & typeof globalThis = window;
          if (realm === 'frame') {
            const f = document.createElement('iframe');
            document.body.append(f);
            w = f.contentWindow as Window & typeof globalThis;
          }
          w.fetch(`gtm.js?id=GTM-NET1234&r=base-fetch@${realm}`, { mode: 'no-cors' }).catch(() => {});
          w.navigator.sendBeacon(`a?id=GTM-NET1234&v=3&r=base-beacon@${realm}`, 'x');
          const x = new w.XMLHttpRequest();
          x.open('GET', `gtm.js?id=GTM-NET1234&r=base-xhr@${realm}`);
          x.send();
        }, realm);
        await run.page.waitForTimeout(800);
        expect(leaks(run)).toEqual({ intercepted: [], network: [], firstParty: [] });
      } finally {
        await run.context.close();
      }
    }, 60_000);
  });

  // The browser itself refuses these (a worker's and a service worker's script must be same-origin):
  // nothing to wrap, but the count says so.
  it('Worker, SharedWorker and serviceWorker.register with a tracker URL reach nothing', async () => {
    const run = await open('/routes.html', 'before consent');
    try {
      const results = await run.page.evaluate(async () => {
        const out: string[] = [];
        const url = 'https://www.google-analytics.com/w.js?r=worker';
        for (const make of [() => new Worker(url), () => new SharedWorker(url)]) {
          try {
            make();
            out.push('constructed');
          } catch (e) {
            out.push((e as Error).name);
          }
        }
        out.push(await navigator.serviceWorker.register(url).then(() => 'registered', (e: Error) => e.name));
        return out;
      });
      await run.page.waitForTimeout(500);
      expect(results).toEqual(['SecurityError', 'SecurityError', 'SecurityError']);
      expect(leaks(run)).toEqual({ intercepted: [], network: [], firstParty: [] });
    } finally {
      await run.context.close();
    }
  });

  // The guard must not cost the page its own traffic: first-party and unknown hosts pass, with the
  // argument's meaning intact (relative URLs against the document's base, Request objects, URL objects).
  it('first-party and unknown-host requests still go out from every route', async () => {
    const run = await open('/routes.html', 'before consent');
    try {
      const statuses = await run.page.evaluate(async () => {
        const r = await Promise.all([
          fetch('/ok').then((x) => x.status),
          fetch(new URL('/ok', location.href)).then((x) => x.status),
          fetch(new Request('/ok')).then((x) => x.status),
          new Promise<number>((resolve) => {
            const x = new XMLHttpRequest();
            x.open('GET', new URL('/ok', location.href) as unknown as string);
            x.onloadend = () => resolve(x.status);
            x.send();
          }),
        ]);
        return [...r, navigator.sendBeacon('/ok', 'x') ? 1 : 0];
      });
      expect(statuses).toEqual([204, 204, 204, 204, 1]);
      await run.page.evaluate(() => fetch('https://api.unknown-vendor.example/x', { mode: 'no-cors' }).catch(() => {}));
      await expect.poll(() => run.intercepted.map((r) => r.host)).toContain('api.unknown-vendor.example');
    } finally {
      await run.context.close();
    }
  });
});

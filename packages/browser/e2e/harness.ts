// Real headless Chromium for the end-to-end suite. Every request that leaves localhost is
// intercepted, answered by a stub that behaves like the vendor (sets its cookies, sends its
// beacon, and ignores consent) and recorded, so tests assert on real requests and real cookies.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Appended to a suite's name, so a skipped suite says why in the test report. */
export const noChromium = hasChromium ? '' : ` (skipped: no Chromium at ${CHROMIUM}; apt-get install -y chromium)`;

/** Chromium as root on this machine; `extraArgs` for a suite's own flags (host mappings). */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...extraArgs,
    ],
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Extra routes: path → handler returning [status, type, body]. */
  routes: Map<string, (url: URL, body: string) => [number, string, string]>;
}

/** Serves files from `roots` ([url prefix, directory or file], first existing match wins) on a free loopback port. */
export async function serveStatic(rootsIn: Array<[string, string]> | Record<string, string>): Promise<StaticServer> {
  const roots = Array.isArray(rootsIn) ? rootsIn : Object.entries(rootsIn);
  const routes: StaticServer['routes'] = new Map();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const route = routes.get(url.pathname);
      if (route) {
        const [status, type, text] = route(url, body);
        res.writeHead(status, { 'content-type': type });
        return res.end(text);
      }
      for (const [prefix, dir] of roots) {
        if (!url.pathname.startsWith(prefix)) continue;
        if (url.pathname === prefix && existsSync(dir) && statSync(dir).isFile()) {
          res.writeHead(200, { 'content-type': TYPES[extname(dir)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
          return res.end(readFileSync(dir));
        }
        let rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
        if (rel === '.' || rel === '' || rel.endsWith('/')) rel = `${rel === '.' ? '' : rel}index.html`;
        const file = join(dir, rel);
        if (existsSync(file) && statSync(file).isFile()) {
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
          return res.end(readFileSync(file));
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * Stub vendor scripts. They behave like the real ones in the ways the tests measure, and like the worst of
 * them they IGNORE consent: once running they keep sending (fetch, sendBeacon, image pixels) and keep
 * writing cookies and localStorage on a timer, whatever Consent Mode or the banner said. So a test that
 * passes proves the SDK's guards hold them, not that the stubs behaved.
 */
const EVERY_MS = 250;

const GTAG_STUB = `(() => {
  // Like gtag.js: reads the dataLayer queue, writes _ga/_ga_<id>, sends hits. Consent commands are
  // recorded but not obeyed (real gtag.js keeps sending cookieless pings when denied).
  const dl = (window.dataLayer = window.dataLayer || []);
  let ids = [];
  const hit = (name) => {
    document.cookie = '_ga=GA1.1.123456789.1700000000; path=/; max-age=63072000';
    ids.forEach((id) => (document.cookie = '_ga_' + id.slice(2) + '=GS1.1.1700000000.1.0; path=/; max-age=63072000'));
    document.cookie = '_gid=GA1.1.987654321.1700000000; path=/; max-age=86400';
    try { navigator.sendBeacon('https://region1.google-analytics.com/g/collect?v=2&en=' + name); } catch (e) {}
  };
  const handle = (item) => {
    if (!item || typeof item.length !== 'number') return; // { event: … } objects are for GTM
    const [cmd, a] = Array.from(item);
    if (cmd === 'config') { ids.push(a); hit('page_view'); }
    if (cmd === 'event') hit(a);
  };
  dl.forEach(handle);
  const push = dl.push.bind(dl);
  dl.push = (...items) => { items.forEach(handle); return push(...items); };
  setInterval(() => {
    hit('user_engagement');
    fetch('https://region1.google-analytics.com/g/collect?v=2&en=timer', { method: 'POST', mode: 'no-cors', keepalive: true }).catch(() => {});
    new Image().src = 'https://www.google-analytics.com/collect?v=1&t=timer';
  }, ${EVERY_MS});
  window.__gtagLoaded = (window.__gtagLoaded || 0) + 1;
})();`;

const GTM_STUB = `(() => {
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push({ event: 'gtm.js-stub-loaded' });
  window.__gtmLoaded = (window.__gtmLoaded || 0) + 1;
})();`;

const FBEVENTS_STUB = `(() => {
  // Like fbevents.js: drains the fbq queue, writes _fbp, fires the pixel as an image request;
  // fbq('consent', 'revoke') is accepted and ignored.
  const q = (window.fbq && window.fbq.queue) || [];
  const fire = (ev) => {
    document.cookie = '_fbp=fb.1.1700000000.123456789; path=/; max-age=7776000';
    new Image().src = 'https://www.facebook.com/tr?id=1234567890&ev=' + ev;
  };
  const handle = (args) => { if (args[0] === 'track') fire(args[1]); };
  q.forEach((a) => handle(Array.from(a)));
  window.fbq.callMethod = (...a) => handle(a);
  setInterval(() => {
    fire('Heartbeat');
    try { navigator.sendBeacon('https://www.facebook.com/tr?id=1234567890&ev=beacon'); } catch (e) {}
  }, ${EVERY_MS});
  window.__fbLoaded = (window.__fbLoaded || 0) + 1;
})();`;

const HOTJAR_STUB = `(() => {
  const visit = () => {
    document.cookie = '_hjSessionUser_3456789=eyJpZCI6IjEifQ; path=/; max-age=31536000';
    document.cookie = '_hjSession_3456789=eyJpZCI6IjIifQ; path=/';
    try { localStorage.setItem('_hjSessionStorageTest', '1'); } catch (e) {}
    try { sessionStorage.setItem('_hjRecordingLastActivity', String(Date.now())); } catch (e) {}
    fetch('https://in.hotjar.com/api/v2/client/sites/3456789/visit-data?sv=7', { method: 'POST', body: '{}', mode: 'no-cors' }).catch(() => {});
  };
  visit();
  setInterval(visit, ${EVERY_MS});
  window.__hotjarLoaded = (window.__hotjarLoaded || 0) + 1;
})();`;

export interface RecordedRequest {
  url: string;
  host: string;
  method: string;
  type: string;
}

/** Routes every non-localhost request to stubs and records it. */
export async function stubThirdParties(context: BrowserContext): Promise<RecordedRequest[]> {
  const seen: RecordedRequest[] = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    async (route) => {
      const req: Request = route.request();
      const url = new URL(req.url());
      seen.push({ url: req.url(), host: url.hostname, method: req.method(), type: req.resourceType() });
      const js = (body: string) => route.fulfill({ status: 200, contentType: 'text/javascript', body });
      if (url.hostname === 'www.googletagmanager.com' && url.pathname === '/gtag/js') return js(GTAG_STUB);
      if (url.hostname === 'www.googletagmanager.com' && url.pathname === '/gtm.js') return js(GTM_STUB);
      if (url.hostname === 'connect.facebook.net') return js(FBEVENTS_STUB);
      if (url.hostname === 'static.hotjar.com') return js(HOTJAR_STUB);
      if (req.resourceType() === 'script') return js('/* stub */');
      if (/youtube(-nocookie)?\.com$/.test(url.hostname)) {
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>video</title><p>stub video player</p>' });
      }
      if (req.resourceType() === 'image') {
        return route.fulfill({ status: 200, contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAAAAACw=', 'base64') });
      }
      return route.fulfill({ status: 204, body: '' });
    },
  );
  return seen;
}

/** Cookies the page can see, by name. */
export async function cookieNames(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).map((c) => c.name).sort();
}

/** The open shadow root the UI renders into. */
export function ui(page: Page) {
  return page.locator('[data-consentry-root], consentry-ui, #consentry-root').first();
}

export async function settle(page: Page, ms = 150): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(ms);
}

/** The demo site, with the script-tag build (consentry.min.js, i18n/, lazy chunks) beside it. */
export function demoRoots(root: string): Array<[string, string]> {
  return [
    ['/e2e/', `${root}/packages/browser/e2e/fixtures`],
    ['/', `${root}/examples/plain-html`],
    ['/', `${root}/packages/browser/dist`],
  ];
}

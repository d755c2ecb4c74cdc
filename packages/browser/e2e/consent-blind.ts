// Third-party stubs that ignore consent entirely: whatever reaches the page fires at once (a cookie,
// a beacon). So a test that sees no tracker request and no tracker cookie proves Consentry held the
// vendor, not that the stub was polite. Every request leaving 127.0.0.1 is recorded.
import type { BrowserContext, Page, Request } from 'playwright-core';

export interface Hit {
  url: string;
  host: string;
  type: string;
  /** The tab that sent it. */
  page: Page | null;
}

/** Fires a beacon to its own host and writes a first-party cookie, consent or not. */
const blindScript = (host: string, cookie: string) => `(() => {
  document.cookie = '${cookie}=1; path=/; max-age=86400';
  try { navigator.sendBeacon('https://${host}/collect?blind=1'); } catch (e) {}
  window.__blind = (window.__blind || 0) + 1;
})();`;

const COOKIE_BY_HOST: Array<[RegExp, string]> = [
  [/googletagmanager\.com$/, '_ga'],
  [/google-analytics\.com$/, '_ga'],
  [/facebook\.net$/, '_fbp'],
  [/hotjar\.com$/, '_hjSessionUser_1'],
  [/clarity\.ms$/, '_clck'],
];

export const TRACKER_COOKIES = /^(_ga|_gid|_fbp|_hj|_clck)/;

export async function blindStubs(context: BrowserContext): Promise<Hit[]> {
  const hits: Hit[] = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' && url.hostname !== 'shop.test',
    async (route) => {
      const req: Request = route.request();
      const url = new URL(req.url());
      let page: Page | null = null;
      try {
        page = req.frame().page();
      } catch {
        // a worker's request has no frame
      }
      hits.push({ url: req.url(), host: url.hostname, type: req.resourceType(), page });
      if (req.resourceType() === 'script') {
        const cookie = COOKIE_BY_HOST.find(([re]) => re.test(url.hostname))?.[1] ?? '_blind';
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: blindScript(url.hostname, cookie) });
      }
      return route.fulfill({ status: 204, body: '' });
    },
  );
  return hits;
}

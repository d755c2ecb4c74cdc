// Stand-ins for the vendors' real scripts, answered at their real URLs by routing, so no test
// touches the network. They IGNORE consent, as a pasted tag does: whatever they do is what ran.
import type { BrowserContext } from 'playwright-core';

const GTAG = `(() => {
  document.cookie = '_ga=GA1.1.123456789.1700000000; path=/; max-age=63072000';
  const id = new URL(document.currentScript.src).searchParams.get('id') || 'G-UNKNOWN';
  document.cookie = '_ga_' + id.slice(2) + '=GS1.1.1700000000.1.0; path=/; max-age=63072000';
  navigator.sendBeacon('https://region1.google-analytics.com/g/collect?v=2&tid=' + id + '&en=page_view');
  window.__gtagLoaded = (window.__gtagLoaded || 0) + 1;
})();`;

const FBEVENTS = `(() => {
  document.cookie = '_fbp=fb.1.1700000000.123456789; path=/; max-age=7776000';
  const q = (window.fbq && window.fbq.queue) || [];
  const init = q.map((a) => Array.from(a)).find((a) => a[0] === 'init');
  new Image().src = 'https://www.facebook.com/tr?id=' + (init ? init[1] : '0') + '&ev=PageView';
  window.__fbLoaded = (window.__fbLoaded || 0) + 1;
})();`;

const HOTJAR = `(() => {
  const id = (window._hjSettings && window._hjSettings.hjid) || 0;
  document.cookie = '_hjSessionUser_' + id + '=eyJpZCI6IjEifQ; path=/; max-age=31536000';
  try { localStorage.setItem('_hjSessionStorageTest', '1'); } catch (e) {}
  fetch('https://in.hotjar.com/api/v2/client/sites/' + id + '/visit-data?sv=7', { method: 'POST', body: '{}', mode: 'no-cors' }).catch(() => {});
  window.__hotjarLoaded = (window.__hotjarLoaded || 0) + 1;
})();`;

const GIF = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');

/** Every request that leaves loopback is answered here; the scanner still sees each one. */
export async function routeVendors(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    async (route) => {
      const req = route.request();
      const url = new URL(req.url());
      const js = (body: string) => route.fulfill({ status: 200, contentType: 'text/javascript', body });
      if (url.hostname === 'www.googletagmanager.com' && url.pathname === '/gtag/js') return js(GTAG);
      if (url.hostname === 'connect.facebook.net') return js(FBEVENTS);
      if (url.hostname === 'static.hotjar.com') return js(HOTJAR);
      if (req.resourceType() === 'script') return js('/* stub */');
      if (req.resourceType() === 'image') return route.fulfill({ status: 200, contentType: 'image/gif', body: GIF });
      if (req.resourceType() === 'document') return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>embed</title>' });
      return route.fulfill({ status: 204, body: '' });
    },
  );
}

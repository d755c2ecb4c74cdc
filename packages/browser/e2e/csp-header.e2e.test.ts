import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cspMiddleware } from '@consentry/network-wall';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, noChromium } from './harness.js';
import { startRefusingProxy, type RefusingProxy } from './refusing-proxy.js';

// The per-visitor CSP header (docs/service-worker.md, "CSP layers"): built from the consent cookie on
// each response, it refuses a non-granted vendor on every route CSP covers, redirects included,
// from the first page view on. Counted at the network and by interception.
const DIST = join(import.meta.dirname, '..', 'dist');
const CONFIG = {
  categories: { statistics: {}, targeting: {} },
  vendors: { 'google-analytics': { id: 'G-TEST1234' }, 'meta-pixel': { id: '1234567890' } },
};
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>csp</title>
<script>window.violations = []; document.addEventListener('securitypolicyviolation', (e) => violations.push(e.blockedURI));</script>
<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>
<script src="/consentry.min.js"></script>
<link rel="stylesheet" href="/track.css"></head>
<body><img id="redir" src="/r"><div class="bg">x</div></body></html>`;
const CSS = '.bg { background: url("https://www.facebook.com/tr?ev=css-background"); }';

async function startSite(withCsp: boolean): Promise<{ url: string; close(): Promise<void> }> {
  // The sentinel host is the site's own CDN, allowed like any origin a site lists.
  const csp = cspMiddleware(CONFIG, { allow: ['cdn.example.org'] });
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (withCsp) csp(req, res);
    res.setHeader('cache-control', 'no-store');
    if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (url.pathname === '/r') return res.writeHead(302, { location: 'https://www.facebook.com/tr?ev=redirect' }).end();
    if (url.pathname === '/track.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(CSS);
    const file = join(DIST, url.pathname.replace(/\.\.+/g, ''));
    if (existsSync(file) && url.pathname.endsWith('.js')) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** The redirect image has settled and the styled element has been painted. */
const settled = (p: Page) =>
  p.evaluate(async () => {
    const img = document.getElementById('redir') as HTMLImageElement;
    await new Promise<void>((r) => (img.complete ? r() : (img.onload = img.onerror = () => r())));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { loaded: img.naturalWidth > 0, violations: (window as unknown as { violations: string[] }).violations };
  });

describe.skipIf(!hasChromium || !existsSync(join(DIST, 'consentry.min.js')))(`network wall: the per-visitor CSP header${noChromium}`, () => {
  let browser: Browser;
  let proxy: RefusingProxy;
  let site: Awaited<ReturnType<typeof startSite>>;
  let bare: Awaited<ReturnType<typeof startSite>>;
  beforeAll(async () => {
    proxy = await startRefusingProxy();
    browser = await launch(proxy.args());
    site = await startSite(true);
    bare = await startSite(false);
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await site?.close();
    await bare?.close();
  });

  it('without the header, a first-party redirect and a CSS background reach the tracker (the control)', async () => {
    const context = await browser.newContext();
    proxy.clear();
    const p = await context.newPage();
    await p.goto(`${bare.url}/`);
    await settled(p);
    await expect.poll(() => proxy.hits(/^www\.facebook\.com:/).length).toBeGreaterThan(0);
    await context.close();
  });

  it('refuses the redirect to a tracker and the CSS background before consent, at the network, on the first page view', async () => {
    const context = await browser.newContext();
    proxy.clear();
    const p = await context.newPage();
    await p.goto(`${site.url}/`);
    const { loaded, violations } = await settled(p);
    expect(loaded).toBe(false);
    // CSP reports a cross-origin redirect target by its origin only.
    expect(violations).toEqual(expect.arrayContaining([expect.stringMatching(/^https:\/\/www\.facebook\.com/)]));
    await p.evaluate(() => fetch('https://cdn.example.org/sentinel', { mode: 'no-cors' }).catch(() => {}));
    await expect.poll(() => proxy.hits(/cdn\.example\.org/).length).toBeGreaterThan(0);
    expect(proxy.hits(/facebook|google-analytics/)).toEqual([]);
    await context.close();
  });

  it('lets the granted vendor through on the next response after Accept all, and refuses it again after withdrawal', async () => {
    // Interception never sees a redirect's target, so this one is counted at the proxy only.
    const context = await browser.newContext();
    proxy.clear();
    const p = await context.newPage();
    await p.goto(`${site.url}/`);
    expect((await settled(p)).loaded).toBe(false);
    await p.evaluate(() => (window as unknown as { Consentry: { acceptAll(): void } }).Consentry.acceptAll());
    await p.reload();
    expect((await settled(p)).violations).toEqual([]);
    await expect.poll(() => proxy.hits(/^www\.facebook\.com:/).length).toBeGreaterThan(0);
    await p.evaluate(() => (window as unknown as { Consentry: { rejectAll(): void } }).Consentry.rejectAll());
    proxy.clear();
    await p.reload();
    const after = await settled(p);
    expect(after.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^https:\/\/www\.facebook\.com/)]));
    await p.evaluate(() => fetch('https://cdn.example.org/sentinel', { mode: 'no-cors' }).catch(() => {}));
    await expect.poll(() => proxy.hits(/cdn\.example\.org/).length).toBeGreaterThan(0);
    expect(proxy.hits(/facebook/)).toEqual([]);
    await context.close();
  });
});

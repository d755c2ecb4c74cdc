// The compiled guard (docs/configuration.md "Checked ahead of time"): consentry-build checks the config
// and bakes it into dist/consentry.compiled.js; the page carries no config and the guard no validator.
// GA4 and Meta pasted as their vendors document them (their stubs ignore consent); third-party requests
// counted by interception and at a refusing proxy. A compiled config edited after the build releases nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, noChromium, serveStatic, stubThirdParties, type RecordedRequest, type StaticServer } from './harness.js';
import { startRefusingProxy, type RefusingProxy } from './refusing-proxy.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DIST = join(ROOT, 'packages/browser/dist');
const CLI = join(ROOT, 'packages/browser/bin/consentry-build.mjs');
const run = promisify(execFile);
const TRACKERS = /(^|\.)(google-analytics\.com|googletagmanager\.com|facebook\.com|facebook\.net)\.?(:\d+)?$/;
const CONFIG = {
  categories: { statistics: {}, targeting: {} },
  vendors: { 'google-analytics': { id: 'G-BAKE12345' }, 'meta-pixel': { id: '1234567890' } },
};
// Pasted as the vendors document them, each inserting its script (a plain <script src> in the HTML is
// fetched by the preload scanner before any script runs: docs/blocking.md): the guard must hold both.
const PASTED = `<script>(function(d){var s=d.createElement('script');s.async=true;s.src='https://www.googletagmanager.com/gtag/js?id=G-BAKE12345';d.head.appendChild(s)})(document);
window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-BAKE12345');</script>
<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','1234567890');fbq('track','PageView');</script>`;
// Markup gated as docs/blocking.md asks: inert until its vendor is granted.
const GATED = `<script type="text/plain" data-category="statistics" data-vendor="google-analytics" src="https://www.googletagmanager.com/gtag/js?id=G-BAKE12345"></script>
<script type="text/plain" data-category="targeting" data-vendor="meta-pixel" src="https://connect.facebook.net/en_US/fbevents.js"></script>`;
const html = (head: string, tags = PASTED) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>compiled</title>${head}${tags}</head><body><p>Hello</p></body></html>`;

describe.skipIf(!hasChromium)(`the compiled guard${noChromium}`, () => {
  let browser: Browser;
  let proxy: RefusingProxy;
  let site: StaticServer;
  const work = mkdtempSync(join(tmpdir(), 'consentry-build-'));

  beforeAll(async () => {
    writeFileSync(join(work, 'site.json'), JSON.stringify(CONFIG));
    await run(process.execPath, [CLI, join(work, 'site.json'), '--out', join(work, 'consentry.site.js'), '--json', join(work, 'compiled.json')]);
    const baked = readFileSync(join(work, 'consentry.site.js'), 'utf8');
    const compiled = readFileSync(join(work, 'compiled.json'), 'utf8').trim();
    // The same compiled config with Meta moved to "statistics" by hand, after the build checked it.
    const tampered = baked.replace('"category":"targeting"', '"category":"statistics"');
    expect(tampered).not.toBe(baked);
    proxy = await startRefusingProxy();
    browser = await launch(proxy.args());
    site = await serveStatic([['/', DIST]]);
    site.routes.set('/consentry.site.js', () => [200, 'text/javascript', baked]);
    site.routes.set('/consentry.tampered.js', () => [200, 'text/javascript', tampered]);
    site.routes.set('/baked.html', () => [200, 'text/html', html(`<script src="${site.url}/consentry.site.js"></script>`)]);
    site.routes.set('/inline.html', () => [200, 'text/html', html(`<script type="application/json" id="consentry-config">${compiled}</script><script src="${site.url}/consentry.compiled.js"></script>`)]);
    site.routes.set('/tampered.html', () => [200, 'text/html', html(`<script src="${site.url}/consentry.tampered.js"></script>`)]);
    site.routes.set('/raw.html', () => [200, 'text/html', html(`<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script><script src="${site.url}/consentry.compiled.js"></script>`, GATED)]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await site?.close();
  });

  interface Run {
    context: BrowserContext;
    page: Page;
    intercepted: RecordedRequest[];
    errors: string[];
  }
  async function open(path: string): Promise<Run> {
    const context = await browser.newContext();
    const intercepted = await stubThirdParties(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    proxy.clear();
    await page.goto(`${site.url}${path}`);
    await page.waitForLoadState('load');
    return { context, page, intercepted, errors };
  }
  const hostOf = (entry: string) => (/^[^/]+:\d+$/.test(entry) ? entry : new URL(entry).hostname);
  const trackers = (r: Run) => [...r.intercepted.map((q) => q.host), ...proxy.seen.map(hostOf)].filter((h) => TRACKERS.test(h));
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

  it.each(['/baked.html', '/inline.html'])('%s: holds GA4 and Meta before consent and after Reject all, releases them on Accept all', async (path) => {
    const r = await open(path);
    await expect.poll(() => button(r.page, 'Reject all').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(trackers(r)).toEqual([]);
    await button(r.page, 'Reject all').click();
    await r.page.waitForTimeout(500);
    expect(trackers(r)).toEqual([]);
    expect(r.errors).toEqual([]);
    // The same page lets them through once granted: what held them was consent, not a broken page.
    await r.page.evaluate(() => (window as unknown as { Consentry: { acceptAll(): void } }).Consentry.acceptAll());
    await expect.poll(() => r.intercepted.some((q) => q.url.includes('/gtag/js')), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => r.intercepted.some((q) => q.host === 'connect.facebook.net'), { timeout: 10_000 }).toBe(true);
    await r.context.close();
  });

  // An edited compiled config still names its vendors' hosts: they are held. A config that was never
  // compiled names none the compiled guard can read (it has no catalog): its gated markup stays inert.
  it.each([
    ['/tampered.html', /fingerprint/],
    ['/raw.html', /compiled by consentry-build/],
  ])('%s: a config it cannot trust releases nothing, even on Accept all, and says why', async (path, message) => {
    const r = await open(path);
    await expect.poll(() => r.errors.some((e) => message.test(e)), { timeout: 10_000 }).toBe(true);
    await r.page.evaluate(() => (window as unknown as { Consentry: { acceptAll(): void } }).Consentry.acceptAll());
    await r.page.waitForTimeout(800);
    expect(trackers(r)).toEqual([]);
    await r.context.close();
  });

  it('consentry-build rejects a bad config with its paths and a non-zero exit, and writes nothing', async () => {
    writeFileSync(join(work, 'bad.json'), JSON.stringify({ vendors: { 'google-analytics': { id: 'UA-1234-1' }, 'meta-pixle': { id: '1' } } }));
    const out = join(work, 'bad.js');
    const result = await run(process.execPath, [CLI, join(work, 'bad.json'), '--out', out]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('vendors.google-analytics.id');
    expect(result.stderr).toContain('vendors.meta-pixle');
    expect(() => readFileSync(out)).toThrow();
  });
});

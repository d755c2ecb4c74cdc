// Rules by jurisdiction in real Chromium, with the script-tag build and the real consent server
// (built CLI, port 0, SQLite in a temp dir). Vendors are consent-blind stubs; third-party traffic is
// counted by interception and at the refusing proxy. The region comes as the site's server would
// give it: data-region on the script tag, or the consent server's /v1/region (X-Country-Code).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blindStubs, type Hit } from './consent-blind.js';
import { hasChromium, launch, noChromium, serveStatic, type StaticServer } from './harness.js';
import { startRefusingProxy, type RefusingProxy } from './refusing-proxy.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'packages/server/bin/consentry-server.mjs');
const STATISTICS = 'static.hotjar.com';
const TARGETING = /facebook\.(net|com)$/;
// Chromium's own traffic (accounts.google.com) also reaches the proxy: count the vendors' hosts.
const VENDORS = /hotjar|facebook/;

type Win = { Consentry: { getConsent(): { status: string; method: string | null; consentId: string | null; gpc: boolean }; isGranted(t: string): boolean; setRegion(r: string): boolean } };

describe.skipIf(!hasChromium)('rules by jurisdiction (script tag, consent server)' + noChromium, () => {
  let browser: Browser;
  let proxy: RefusingProxy;
  let site: StaticServer;
  let server: ChildProcess;
  let serverPort: number;
  let dataDir: string;

  const page = (region: string | null, extra = '') => {
    const config = {
      categories: { statistics: {}, targeting: {} },
      vendors: { hotjar: { id: '3456789' }, 'meta-pixel': { id: '1234567890' } },
      jurisdictions: { EEA: 'opt-in', UK: { rule: 'opt-in', analyticsExemption: true }, 'US-CA': 'opt-out', US: 'notice', '*': 'none' },
      proof: { endpoint: `http://127.0.0.1:${serverPort}/v1/consents` },
    };
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title>
<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
<script src="/consentry.min.js"${region ? ` data-region="${region}"` : ''}></script>${extra}</head><body><h1>Shop</h1></body></html>`;
  };

  beforeAll(async () => {
    proxy = await startRefusingProxy();
    browser = await launch(proxy.args());
    site = await serveStatic([['/', join(ROOT, 'packages/browser/dist')]]);
    dataDir = mkdtempSync(join(tmpdir(), 'consentry-e2e-regions-'));
    server = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        CONSENTRY_DATA_DIR: dataDir,
        CONSENTRY_ALLOWED_ORIGINS: site.url,
        CONSENTRY_RATE_LIMIT: '0',
        CONSENTRY_REGION_HEADER: 'X-Country-Code',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    serverPort = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
      server.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
      const onData = (c: Buffer) => {
        out += c.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      server.stdout!.on('data', onData);
      server.stderr!.on('data', onData);
    });
    for (const region of ['DE', 'US-CA', 'US-TX']) site.routes.set(`/${region}.html`, () => [200, 'text/html; charset=utf-8', page(region)]);
    site.routes.set('/unknown.html', () => [200, 'text/html; charset=utf-8', page(null)]);
    // A static page that asks the consent server for the region after the guard has started.
    site.routes.set('/late.html', () => [
      200,
      'text/html; charset=utf-8',
      page(null, `<script>window.__region = fetch('http://127.0.0.1:${serverPort}/v1/region').then((r) => r.json()).then((b) => b.region && Consentry.setRegion(b.region));</script>`),
    ]);
  });
  afterAll(async () => {
    if (server && server.exitCode === null) await new Promise((r) => (server.once('exit', r), server.kill('SIGTERM')));
    await browser?.close();
    await proxy?.close();
    await site?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function visit(path: string, options: { gpc?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; hits: Hit[] }> {
    const context = await browser.newContext();
    if (options.gpc) await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    const hits = await blindStubs(context);
    const p = await context.newPage();
    proxy.clear();
    await p.goto(`${site.url}${path}`);
    await p.waitForFunction(() => !!document.querySelector('consentry-ui'));
    return { context, page: p, hits };
  }
  const notice = (p: Page) =>
    p.evaluate(() => {
      const b = document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[data-consentry-banner]');
      return b ? { kind: b.getAttribute('data-consentry-notice') ?? 'consent', modal: b.tagName === 'DIALOG' } : null;
    });
  const click = (p: Page, action: string) => p.evaluate((s) => (document.querySelector('consentry-ui')!.shadowRoot!.querySelector(s) as HTMLElement).click(), `[data-consentry-action=${action}]`);
  const hosts = (hits: Hit[]) => new Set(hits.map((h) => h.host));
  const history = async (id: string) => {
    const res = await fetch(`http://127.0.0.1:${serverPort}/v1/consents/${id}`);
    return ((await res.json()) as { records?: Array<Record<string, unknown>> }).records ?? [];
  };
  /** Waits for the page to be idle, then for the vendor stubs' first beacons, had they run. */
  const settleFor = (p: Page) => p.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 500))));

  it('DE: the consent banner, and nothing runs before consent (interception and proxy)', async () => {
    const { context, page: p, hits } = await visit('/DE.html');
    expect(await notice(p)).toEqual({ kind: 'consent', modal: false });
    await settleFor(p);
    expect(hits.map((h) => h.url)).toEqual([]);
    expect(proxy.hits(VENDORS)).toEqual([]);
    await click(p, 'accept-all');
    await expect.poll(() => hosts(hits), { timeout: 10_000 }).toEqual(new Set([STATISTICS, 'connect.facebook.net']));
    await context.close();
  });

  it('an unknown region gets the strictest rule the config names: the consent banner, nothing runs', async () => {
    const { context, page: p, hits } = await visit('/unknown.html');
    expect(await notice(p)).toEqual({ kind: 'consent', modal: false });
    expect(await p.evaluate(() => (window as unknown as Win).Consentry.isGranted('meta-pixel'))).toBe(false);
    await settleFor(p);
    expect(hits).toEqual([]);
    expect(proxy.hits(VENDORS)).toEqual([]);
    await context.close();
  });

  it('US-CA: no blocking banner, trackers run; "Do not sell or share" stops targeting for good', async () => {
    const { context, page: p, hits } = await visit('/US-CA.html');
    expect(await notice(p)).toEqual({ kind: 'opt-out', modal: false });
    await expect.poll(() => hosts(hits), { timeout: 10_000 }).toEqual(new Set([STATISTICS, 'connect.facebook.net']));
    await click(p, 'do-not-sell');
    expect(await p.evaluate(() => (window as unknown as Win).Consentry.isGranted('meta-pixel'))).toBe(false);
    // Once opted out, a new page loads no targeting at all; statistics still run.
    hits.splice(0);
    proxy.clear();
    await p.reload();
    await p.waitForFunction(() => !!document.querySelector('consentry-ui'));
    await expect.poll(() => hosts(hits), { timeout: 10_000 }).toContain(STATISTICS);
    await settleFor(p);
    expect(hits.filter((h) => TARGETING.test(h.host))).toEqual([]);
    expect(proxy.hits(/facebook/)).toEqual([]);
    expect(await notice(p)).toBeNull();
    await context.close();
  });

  it('US-CA with GPC: targeting never runs, the opt-out is recorded by the server as gpc', async () => {
    const { context, page: p, hits } = await visit('/US-CA.html', { gpc: true });
    await expect.poll(() => p.evaluate(() => (window as unknown as Win).Consentry.getConsent().method)).toBe('gpc');
    await expect.poll(() => hosts(hits), { timeout: 10_000 }).toContain(STATISTICS);
    await settleFor(p);
    expect(hits.filter((h) => TARGETING.test(h.host))).toEqual([]);
    expect(proxy.hits(/facebook/)).toEqual([]);
    // Decided by the signal: no banner asks.
    expect(await notice(p)).toBeNull();
    const id = await p.evaluate(() => (window as unknown as Win).Consentry.getConsent().consentId!);
    await expect.poll(async () => (await history(id)).length, { timeout: 15_000 }).toBe(1);
    expect((await history(id))[0]).toMatchObject({ method: 'gpc', gpc: true, choices: { targeting: false, statistics: true }, vendors: { 'meta-pixel': false, hotjar: true } });
    await context.close();
  });

  it('US-TX (notice): the banner is a notice and everything runs', async () => {
    const { context, page: p, hits } = await visit('/US-TX.html');
    expect(await notice(p)).toEqual({ kind: 'notice', modal: false });
    await expect.poll(() => hosts(hits), { timeout: 10_000 }).toEqual(new Set([STATISTICS, 'connect.facebook.net']));
    await context.close();
  });

  it('a region that arrives late from the consent server: nothing runs before it, its rule after', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Country-Code': 'DE' } });
    const hits = await blindStubs(context);
    // Hold the region answer until the test lets it go.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await context.route(`http://127.0.0.1:${serverPort}/v1/region`, async (route) => {
      await held;
      await route.continue({ headers: { ...route.request().headers(), 'x-country-code': 'US' } });
    });
    const p = await context.newPage();
    proxy.clear();
    await p.goto(`${site.url}/late.html`);
    await p.waitForFunction(() => !!document.querySelector('consentry-ui'));
    expect(await notice(p)).toEqual({ kind: 'consent', modal: false });
    await settleFor(p);
    expect(hits).toEqual([]);
    expect(proxy.hits(VENDORS)).toEqual([]);
    release();
    await p.evaluate(() => (window as unknown as { __region: Promise<unknown> }).__region);
    expect(await notice(p)).toEqual({ kind: 'notice', modal: false });
    await expect.poll(() => hosts(hits), { timeout: 10_000 }).toEqual(new Set([STATISTICS, 'connect.facebook.net']));
    await context.close();
  });
});

// `consentry scan` against fixture sites on loopback, in real Chromium. Vendor scripts are answered
// at their real URLs by stubs that ignore consent (stubs.ts), so whatever they do is what ran.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createConsent, createMemoryCookies } from '@consentry/core';
import { catalog, toCatalogLookup } from '@consentry/vendors';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser.js';
import { main } from '../src/cli.js';
import { writeOutputs } from '../src/output.js';
import { scan, type ScanOptions, type ScanOutput } from '../src/scan.js';
import type { ScanReport, Verdict } from '../src/types.js';
import { BROWSER_DIST, consentrySite, demoSite, noCmpSite, noRejectSite, peerCmpLeakSite, unequalLatvianSite, type Site } from './sites.js';
import { routeVendors } from './stubs.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, validateFormats: false }).compile(schema);

const FAST: Partial<ScanOptions> = { browser: CHROMIUM, quietMs: 250, maxWaitMs: 3000, bannerTimeoutMs: 1200, ratePerSecond: 20, prepareContext: routeVendors };
// One browser for the in-process scans (each pass still gets its own fresh context); the CLI runs launch their own.
let shared: Browser | undefined;

async function run(site: Site, extra: Partial<ScanOptions> = {}): Promise<{ out: ScanOutput; dir: string }> {
  const out = await scan({ ...FAST, browserInstance: shared, url: site.url, pages: 5, ...extra });
  const dir = mkdtempSync(join(tmpdir(), 'consentry-scan-'));
  writeOutputs(out, dir);
  return { out, dir };
}

const ids = (r: ScanReport) => r.verdicts.map((v) => v.id);
const find = (r: ScanReport, id: string, subject?: string): Verdict | undefined =>
  r.verdicts.find((v) => v.id === id && (subject === undefined || v.subject === subject || v.title.includes(subject)));

function expectValid(report: ScanReport): void {
  const ok = validate(JSON.parse(JSON.stringify(report)));
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
}

/** The config skeleton must start Consentry's engine as it is. */
function expectConfigLoads(dir: string): Record<string, unknown> {
  const config = JSON.parse(readFileSync(join(dir, 'consentry.config.json'), 'utf8'));
  expect(() => createConsent(config, { catalog: toCatalogLookup(catalog), cookies: createMemoryCookies() })).not.toThrow();
  return config;
}

describe.skipIf(!hasChromium)(`consentry scan (Chromium, fixture sites)${hasChromium ? '' : ` (skipped: no Chromium at ${CHROMIUM})`}`, () => {
  const sites: Site[] = [];
  beforeAll(async () => {
    shared = await launchBrowser(CHROMIUM);
  });
  afterAll(async () => {
    await shared?.close();
    await Promise.all(sites.map((s) => s.close()));
  });
  const open = async (make: () => Promise<Site>) => {
    const s = await make();
    sites.push(s);
    return s;
  };

  it('no CMP, GA4 + Meta Pixel + Hotjar pasted: every tracker, cookie and storage entry before consent', async () => {
    const site = await open(noCmpSite);
    const { out, dir } = await run(site);
    const r = out.report;
    expectValid(r);
    // robots.txt keeps /private.html out; mailto: and other origins are never followed.
    expect(r.pages.map((p) => p.url).sort()).toEqual([`${site.url}`, `${site.url}about.html`]);
    expect(r.skipped).toEqual([{ url: `${site.url}private.html`, reason: 'disallowed by robots.txt' }]);
    expect(r.cmp.found).toBe(false);
    const trackers = find(r, 'trackers-before-consent')!;
    expect(trackers.severity).toBe('violation');
    expect(trackers.title).toBe('3 trackers send data before consent: Google Analytics, Meta Pixel and Hotjar');
    expect(find(r, 'cookie-before-consent', '_ga')?.title).toBe('_ga set before consent on 2 of 2 pages');
    expect(find(r, 'cookie-before-consent', '_fbp')).toBeTruthy();
    expect(find(r, 'cookie-before-consent', '_hjSessionUser_3456789')).toBeTruthy();
    expect(find(r, 'storage-before-consent', '_hjSessionStorageTest')).toBeTruthy();
    expect(find(r, 'no-banner')?.severity).toBe('violation');
    expect(find(r, 'cookie-lifetime', '_ga')?.title).toBe('cookie _ga lives 2 years (max 13 months)');
    expect(r.verdicts[0]!.severity).toBe('violation');
    // Who sent what: the pasted tag (the page itself) started gtag.js, and gtag.js sent the hit.
    const none = r.pages[0]!.passes.none;
    const gtag = none.requests.find((q) => q.url.includes('/gtag/js'))!;
    expect(gtag).toMatchObject({ vendorId: 'google-analytics', category: 'statistics', kind: 'script', initiator: { script: site.url } });
    const hit = none.requests.find((q) => q.host === 'region1.google-analytics.com')!;
    expect(hit.kind).toBe('beacon');
    expect(hit.initiator.script).toContain('https://www.googletagmanager.com/gtag/js');
    expect(none.cookies.find((c) => c.name === '_fbp')!.writtenBy).toBe('https://connect.facebook.net/en_US/fbevents.js');
    expect(r.pages[0]!.passes.reject).toBeNull();
    // The fix: a config with the ids read from the requests, and the pasted tags held.
    const config = expectConfigLoads(dir);
    expect(config.vendors).toEqual({ 'google-analytics': { id: 'G-NOCMP1234' }, 'meta-pixel': { id: '1234567890' }, hotjar: { id: '3456789' } });
    const markup = readFileSync(join(dir, 'gated-markup.html'), 'utf8');
    expect(markup).toContain('<script type="text/plain" data-vendor="google-analytics" data-category="statistics" async src="https://www.googletagmanager.com/gtag/js?id=G-NOCMP1234"></script>');
    expect(markup).toContain('data-vendor="meta-pixel" data-category="targeting">!function(f,b,e,v,n,t,s)');
    expect(markup).toContain('data-vendor="hotjar" data-category="statistics">(function(h,o,t,j,a,r)');
    // The shop's own storage, attributed to the page's inline script.
    expect(none.storage.filter((s) => s.key === 'cart' || s.key === 'shop-cart').map((s) => [s.area, s.key, s.category, s.writtenBy])).toEqual([
      ['sessionStorage', 'cart', 'unknown', site.url],
      ['indexedDB', 'shop-cart', 'unknown', site.url],
    ]);
    // The order form on every page was never sent.
    expect(site.posts).toEqual([]);
  });

  it('vanilla-cookieconsent with an unmarked GA4 snippet: found by its markup, the leak reported', async () => {
    const site = await open(peerCmpLeakSite);
    const { out, dir } = await run(site, { pages: 1 });
    const r = out.report;
    expectValid(r);
    expect(r.cmp).toMatchObject({ found: true, name: 'vanilla-cookieconsent', firstLayerReject: true, accept: { by: 'markup', text: 'accept all' }, reject: { by: 'markup', text: 'reject all' } });
    expect(find(r, 'trackers-before-consent')?.title).toBe('1 tracker sends data before consent: Google Analytics');
    expect(find(r, 'sends-after-reject')?.title).toBe('after Reject all, Google Analytics still sends');
    expect(find(r, 'cookie-after-reject', '_ga')?.severity).toBe('violation');
    expect(find(r, 'no-reject-button')).toBeUndefined();
    // Its own choice cookie is necessary; its Reject button is styled as the secondary one.
    const reject = r.pages[0]!.passes.reject!;
    expect(reject.action).toMatchObject({ wanted: 'reject', clicked: true });
    expect(reject.cookies.find((c) => c.name === 'cc_cookie')).toMatchObject({ category: 'necessary', phase: 'after-decision' });
    expect(r.cmp.prominence).toEqual({ equal: true, differences: [] });
    expectConfigLoads(dir);
    await checkHtml(dir);
  });

  it('Consentry done right comes out clean: consentry scan --ci exits 0', async () => {
    const site = await open(consentrySite);
    const dir = mkdtempSync(join(tmpdir(), 'consentry-scan-'));
    const stdout = sink();
    const code = await main(['scan', site.url, '--ci', '--quiet', '--pages', '2', '--wait', '250', '--out', dir], { stdout, stderr: sink(), scan: { ...FAST, browserInstance: shared } });
    expect(code, stdout.text).toBe(0);
    expect(stdout.text).toMatch(/^clean: 0 violation\(s\)/);
    const r = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ScanReport;
    expectValid(r);
    expect(r.pages.length).toBe(2);
    expect(r.cmp).toMatchObject({ found: true, name: 'Consentry', firstLayerReject: true, prominence: { equal: true } });
    expect(r.verdicts.filter((v) => v.severity === 'violation')).toEqual([]);
    expect(r.summary.clean).toBe(true);
    // The scan really saw the vendors: after Accept all they load and write their cookies.
    const [home, about] = r.pages as [ScanReport['pages'][0], ScanReport['pages'][0]];
    const accept = home.passes.accept!;
    expect(accept.requests.map((q) => q.vendorId)).toEqual(expect.arrayContaining(['google-analytics', 'meta-pixel', 'hotjar']));
    expect(accept.cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['_ga', '_fbp', 'consentry']));
    expect(home.passes.none.requests).toEqual([]);
    expect(home.passes.reject!.requests).toEqual([]);
    // The second page carries the first page's decision, as a visitor browsing on.
    expect(about.passes.reject!.action).toMatchObject({ clicked: false, decidedOn: site.url });
    expect(about.passes.reject!.requests).toEqual([]);
    expect(about.passes.accept!.requests.map((q) => q.vendorId)).toEqual(expect.arrayContaining(['google-analytics', 'meta-pixel', 'hotjar']));
    expect(expectConfigLoads(dir).vendors).toMatchObject({ 'google-analytics': { id: 'G-RIGHT12345' }, hotjar: { id: '3456789' } });
  });

  it('a banner with no Reject button: the violation, found by accessible name; the built bin exits 1 with --ci', async () => {
    const site = await open(noRejectSite);
    const bin = join(import.meta.dirname, '..', 'bin', 'consentry.mjs');
    expect(existsSync(join(import.meta.dirname, '..', 'dist', 'cli.js')), 'run `pnpm run build` first').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'consentry-bin-'));
    // Asynchronously: the fixture server lives in this process and must keep answering.
    const res = await runBin([bin, 'scan', site.url, '--ci', '--pages', '1', '--wait', '250', '--banner-timeout', '1200', '--out', dir]);
    expect(res.status, res.stderr).toBe(1);
    expect(res.stdout).toContain('VIOLATION banner has no first-layer Reject button');
    // Not a terminal: plain progress lines, one per page.
    expect(res.stderr).toMatch(/^\[1\/1\] http:\/\/127\.0\.0\.1:\d+\/ \(\d+\.\d s\)$/m);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    const r = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ScanReport;
    expectValid(r);
    expect(r.cmp).toMatchObject({ found: true, name: 'unknown', firstLayerReject: false, accept: { by: 'accessible-name', text: 'accept all' }, reject: null });
    expect(find(r, 'no-reject-button')).toMatchObject({ severity: 'violation', title: 'banner has no first-layer Reject button' });
    expect(r.pages[0]!.passes.reject!.action).toMatchObject({ clicked: false, note: 'no Reject all control on the first layer' });
    expect(r.pages[0]!.passes.accept!.cookies.find((c) => c.name === 'site_consent')!.phase).toBe('after-decision');
    expectConfigLoads(dir);
  });

  it('a Latvian banner whose Reject is a small grey link: found by its words, reported as less prominent', async () => {
    const site = await open(unequalLatvianSite);
    const { out } = await run(site, { pages: 1 });
    const r = out.report;
    expect(r.cmp).toMatchObject({ found: true, firstLayerReject: true, accept: { by: 'accessible-name', text: 'pieņemt visas', tag: 'button' }, reject: { text: 'noraidīt visas', tag: 'a' } });
    const v = find(r, 'reject-not-prominent')!;
    expect(v.severity).toBe('warning');
    expect(v.detail).toContain('Accept is a <button>, Reject a <a>');
    expect(v.detail).toContain('Reject text is smaller');
    expect(r.pages[0]!.passes.reject!.action.clicked).toBe(true);
    expect(r.pages[0]!.passes.reject!.cookies.find((c) => c.name === 'lv_choice')).toMatchObject({ phase: 'after-decision' });
    // Accept all is a submit button of a form: clicked, its handler ran, the form was not sent.
    expect(r.pages[0]!.passes.accept!.cookies.find((c) => c.name === 'lv_choice')).toMatchObject({ phase: 'after-decision' });
    expect(site.posts).toEqual([]);
  });

  // Room for a busy machine (load 12–30 took it past 60 s): the banner wait ends when the banner
  // shows, so the longer limit costs nothing on a quiet one.
  it('the demo site (examples/plain-html with the script-tag build) scans clean', { timeout: 240_000 }, async () => {
    expect(existsSync(join(BROWSER_DIST, 'consentry.min.js')), 'run `pnpm run build` first').toBe(true);
    const site = await open(demoSite);
    const { out } = await run(site, { pages: 5, concurrency: 2, bannerTimeoutMs: 15_000 });
    const r = out.report;
    expectValid(r);
    expect(r.pages.length).toBe(5);
    expect(r.cmp.name).toBe('Consentry');
    expect(r.verdicts.filter((v) => v.severity === 'violation')).toEqual([]);
  });

  it("the demo: site_lang is put on /site-lang.js, not on consentry.min.js; the skeleton keeps what the site declared", async () => {
    const site = await open(demoSite);
    const { out, dir } = await run(site, { pages: 1 });
    const siteLang = out.report.pages.flatMap((p) => p.passes.accept?.cookies ?? []).find((c) => c.name === 'site_lang');
    expect(siteLang?.writtenBy).toBe(`${site.url}site-lang.js`);
    const config = expectConfigLoads(dir) as { categories: Record<string, unknown>; links: Record<string, string>; vendors: Record<string, { cookies?: unknown[] }> };
    expect(Object.keys(config.categories)).toContain('functional');
    expect(config.links).toEqual({ privacyPolicy: '/privacy.html', cookiePolicy: '/cookies.html' });
    expect(config.vendors['site-language']?.cookies).toEqual([{ name: 'site_lang', lifetime: '1 year' }]);
  }, 900_000);

  it('could not scan: exit 2 with a one-line reason', async () => {
    const port = await closedPort();
    const err = sink();
    expect(await main(['scan', `http://127.0.0.1:${port}/`, '--browser', CHROMIUM, '--quiet'], { stdout: sink(), stderr: err })).toBe(2);
    expect(err.text).toMatch(new RegExp(`^consentry: could not scan: could not load http://127\\.0\\.0\\.1:${port}/: .*ERR_CONNECTION_REFUSED.*\\n$`));
    const err2 = sink();
    expect(await main(['scan', 'http://127.0.0.1:1/', '--browser', '/nonexistent/chrome'], { stdout: sink(), stderr: err2 })).toBe(2);
    expect(err2.text).toBe('consentry: could not scan: no browser at --browser /nonexistent/chrome\n');
    const missing = await open(noRejectSite);
    const err4 = sink();
    expect(await main(['scan', `${missing.url}nope.html`, '--quiet'], { stdout: sink(), stderr: err4, scan: { ...FAST, browserInstance: shared } })).toBe(2);
    expect(err4.text).toBe(`consentry: could not scan: ${missing.url}nope.html answered HTTP 404\n`);
    const err3 = sink();
    expect(await main(['scan', 'ftp://example.com/'], { stdout: sink(), stderr: err3 })).toBe(2);
    expect(err3.text.split('\n').length).toBe(2);
  });
});

function runBin(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROMIUM_PATH: CHROMIUM } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

function sink(): NodeJS.WriteStream & { text: string } {
  const s = { text: '', isTTY: false, write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

/** report.html as a person opens it: axe finds nothing, the chart and both screenshots are there. */
async function checkHtml(dir: string): Promise<void> {
  const context = await shared!.newContext();
  try {
    const requests: string[] = [];
    context.on('request', (r) => void (r.url().startsWith('file:') || r.url().startsWith('data:') || requests.push(r.url())));
    const page = await context.newPage();
    await page.goto(`file://${join(dir, 'report.html')}`);
    expect(requests, 'self-contained: nothing fetched').toEqual([]);
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(result).toEqual([]);
    expect(await page.locator('h2').first().textContent()).toBe('Verdicts');
    const chart = page.locator('svg.timeline').first();
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('rect, circle, polygon').count()).toBeGreaterThan(3);
    expect(await chart.locator('desc').textContent()).toContain('After Reject all: ');
    const shots = page.locator('img[src^="data:image/png;base64,"]');
    expect(await shots.count()).toBe(2);
    const widths = await shots.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(widths).toEqual([1280, 320]);
  } finally {
    await context.close();
  }
}

// IAB TCF v2.3 end to end (docs/tcf.md): the real consent server fetches the vendor list from a local
// stand-in for IAB's host and serves it through the site's own origin; an ad script that uses the
// real __tcfapi from the IAB stub on sees the right TC data before consent, after Accept all, Reject all
// and a custom choice; every TC string decodes with IAB's own library to exactly the choice made; the
// ad vendor's host is counted at the refusing proxy.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { TCString } from '@iabtechlabtcf/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, noChromium } from './harness.js';
import { startRefusingProxy, type RefusingProxy } from './refusing-proxy.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'packages/server/bin/consentry-server.mjs');
const DIST = join(ROOT, 'packages/browser/dist');
const GVL = readFileSync(join(ROOT, 'packages/tcf/src/fixtures/vendor-list-v150.json'), 'utf8');
const GVL_LV = readFileSync(join(ROOT, 'packages/tcf/src/fixtures/purposes-lv.json'), 'utf8');
const AD_HOST = 'ads.example-adx.test';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const TCF = {
  cmpId: 300,
  cmpVersion: 2,
  gvl: '/consentry/gvl/',
  vendors: [10, 32, 91, 755],
  publisherCountryCode: 'LV',
  googleAtpProviders: [
    { id: 89, name: 'Example ATP One', privacyPolicy: 'https://atp89.test/privacy' },
    { id: 2577, name: 'Example ATP Two', privacyPolicy: 'https://atp2577.test/privacy' },
  ],
};

// A TCF ad tag as vendors write them: asks __tcfapi (the stub queues it) and fires its pixel only when
// the TC data lets vendor 10 store on the device. The page also carries the vendor's consent-blind tag
// as Consentry-gated markup, so the refusing proxy counts whatever either of them sends.
const AD_SCRIPT = `window.__adLog = [];
window.__tcfapi('addEventListener', 2, function (d, ok) {
  window.__adLog.push({ ok: ok, status: d && d.eventStatus, tcString: d && d.tcString, ac: d && d.addtlConsent,
    purposes: d && d.purpose && d.purpose.consents, vendors: d && d.vendor && d.vendor.consents, gdprApplies: d && d.gdprApplies });
  if (ok && d.gdprApplies && (d.eventStatus === 'tcloaded' || d.eventStatus === 'useractioncomplete') && d.purpose.consents[1] && d.vendor.consents[10]) {
    new Image().src = 'https://${AD_HOST}/pixel?gdpr=1&gdpr_consent=' + d.tcString;
  }
});`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Ziņas</title>
<script src="/consentry/tcf/stub.js"></script>
<script src="/ad.js"></script>
<script type="application/json" id="consentry-config">${JSON.stringify({ categories: { statistics: {}, targeting: {} }, vendors: {}, reopenButton: false, tcf: TCF })}</script>
<script src="/consentry/consentry.min.js"></script>
<script src="/consentry/tcf/tcf.js" defer></script>
</head><body><main><h1>Ziņas</h1><p>Article.</p>
<script type="text/plain" data-category="targeting" src="https://${AD_HOST}/tag.js"></script></main></body></html>`;

type AdEvent = { ok: boolean; status: string; tcString: string; ac?: string; purposes: Record<string, boolean>; vendors: Record<string, boolean>; gdprApplies: boolean };
const on = (m: Record<string, boolean> | undefined) => Object.keys(m ?? {}).filter((k) => m![k]).map(Number);
const ids = (v: { forEach(cb: (value: boolean, id: number) => void): void }) => {
  const out: number[] = [];
  v.forEach((value, id) => value && out.push(id));
  return out;
};
const listen = (server: Server) => new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));

describe.skipIf(!hasChromium)('IAB TCF v2.3 in real Chromium' + noChromium, () => {
  let browser: Browser;
  let proxy: RefusingProxy;
  let iab: Server;
  let site: Server;
  let siteUrl: string;
  let server: ChildProcess;
  let dataDir: string;
  const iabSeen: string[] = [];

  beforeAll(async () => {
    // IAB's published location, played locally (no internet here).
    iab = createServer((req, res) => {
      iabSeen.push(req.url ?? '');
      if (req.url === '/v3/vendor-list.json') return void res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=604800' }).end(GVL);
      if (req.url === '/v3/purposes-lv.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(GVL_LV);
      res.writeHead(404).end();
    });
    const iabPort = await listen(iab);
    dataDir = mkdtempSync(join(tmpdir(), 'consentry-e2e-tcf-'));
    server = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CONSENTRY_DATA_DIR: dataDir, CONSENTRY_GVL: 'on', CONSENTRY_GVL_SOURCE: `http://127.0.0.1:${iabPort}/v3/`, CONSENTRY_GVL_LANGUAGES: 'lv' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const serverPort = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
      server.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
      const onData = (c: Buffer) => {
        out += c.toString();
        // Listening, and the first vendor list is in.
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m && /serving vendor list version 150/.test(out)) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      server.stdout!.on('data', onData);
      server.stderr!.on('data', onData);
    });
    // The site: the page, the ad tag, the script-tag files, and /consentry/gvl/ passed through to the consent server.
    site = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      if (path === '/lv/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE.replace('<html lang="en">', '<html lang="lv">'));
      if (path === '/ad.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(AD_SCRIPT);
      if (path.startsWith('/consentry/gvl/')) {
        const upstream = httpRequest({ host: '127.0.0.1', port: serverPort, path: `/v1/gvl/${path.slice('/consentry/gvl/'.length)}` }, (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        });
        upstream.on('error', () => res.writeHead(502).end());
        return void upstream.end();
      }
      const file = join(DIST, normalize(path.slice('/consentry/'.length)).replace(/^(\.\.[/\\])+/, ''));
      if (path.startsWith('/consentry/') && existsSync(file) && statSync(file).isFile()) {
        return void res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream' }).end(readFileSync(file));
      }
      res.writeHead(404).end();
    });
    siteUrl = `http://shop.test:${await listen(site)}/`;
    proxy = await startRefusingProxy();
    browser = await launch(['--host-resolver-rules=MAP shop.test 127.0.0.1', ...proxy.args(['shop.test'])]);
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) await new Promise((r) => (server.once('exit', r), server.kill('SIGTERM')));
    await proxy?.close();
    await new Promise((r) => (site ? site.close(r) : r(null)));
    await new Promise((r) => (iab ? iab.close(r) : r(null)));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(context?: BrowserContext, path = ''): Promise<{ context: BrowserContext; page: Page; thirdParty: string[]; errors: string[] }> {
    const ctx = context ?? (await browser.newContext({ viewport: { width: 320, height: 640 } }));
    const page = await ctx.newPage();
    const thirdParty: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => !r.url().startsWith(siteUrl) && !r.url().startsWith('data:') && thirdParty.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(siteUrl + path);
    return { context: ctx, page, thirdParty, errors };
  }
  const events = (page: Page) => page.evaluate(() => (window as unknown as { __adLog: AdEvent[] }).__adLog);
  const waitStatus = (page: Page, status: string) => page.waitForFunction((s) => (window as unknown as { __adLog: AdEvent[] }).__adLog.some((e) => e.status === s), status);
  const adHits = () => proxy.hits(AD_HOST).length;
  const axe = async (page: Page) => {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
    return page.evaluate(async () => {
      const run = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const result = await run.run({ include: [[['consentry-tcf', '.r']]] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
      return result.violations.map((v) => v.id);
    });
  };

  it('the ad script sees cmpuishown and nothing granted before consent, then everything after Accept all; a return visit is tcloaded', async () => {
    proxy.clear();
    const { context, page, thirdParty, errors } = await open();
    await waitStatus(page, 'cmpuishown');
    const layer = page.locator('consentry-tcf [data-consentry-tcf-layer="1"]');
    await layer.getByText('Partners in the IAB Transparency and Consent Framework: 4').waitFor();
    // Usable at 320 px: the three buttons are inside the viewport, nothing scrolls sideways.
    for (const name of ['Accept all', 'Reject all', 'Manage options']) {
      const box = (await layer.getByRole('button', { name }).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axe(page)).toEqual([]);
    // No Consentry banner on a TCF page: the TCF layer is the first layer.
    expect(await page.locator('consentry-ui [data-consentry-banner]').count()).toBe(0);

    const before = await events(page);
    expect(before.map((e) => e.status)).toEqual(['cmpuishown']);
    expect(on(before[0]!.purposes)).toEqual([]);
    expect(on(before[0]!.vendors)).toEqual([]);
    expect(adHits()).toBe(0);
    expect(thirdParty).toEqual([]);

    await layer.getByRole('button', { name: 'Accept all' }).click();
    await waitStatus(page, 'useractioncomplete');
    const after = (await events(page)).at(-1)!;
    expect(on(after.purposes)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(on(after.vendors)).toEqual([10, 32, 91, 755]);
    expect(after.ac).toBe('2~89.2577~dv.');
    const tc = TCString.decode(after.tcString);
    expect(after.tcString.split('.')).toHaveLength(3);
    expect(ids(tc.vendorsDisclosed)).toEqual([10, 32, 91, 755]);
    expect(ids(tc.vendorConsents)).toEqual([10, 32, 91, 755]);
    expect(ids(tc.purposeConsents)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(ids(tc.specialFeatureOptins)).toEqual([1, 2]);
    expect([tc.cmpId, tc.cmpVersion, tc.isServiceSpecific, tc.publisherCountryCode, tc.vendorListVersion]).toEqual([300, 2, true, 'LV', 150]);
    // Consentry's own decision went with it; the vendor now loads (its pixel and its gated tag).
    expect(await page.evaluate(() => (window as any).Consentry.getConsent().choices)).toMatchObject({ targeting: true, statistics: true });
    await expect.poll(adHits, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'euconsent-v2')).toMatchObject({ value: after.tcString, path: '/', sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'addtl_consent')?.value).toBe('2~89.2577~dv.');

    // getVendorList answers from the site's own origin (the consent server's copy).
    const gvl = await page.evaluate(() => new Promise<{ ok: boolean; version: number }>((r) => (window as any).__tcfapi('getVendorList', 2, (l: any, ok: boolean) => r({ ok, version: l?.vendorListVersion }))));
    expect(gvl).toEqual({ ok: true, version: 150 });
    // The refused ad requests and the missing favicon are logged by Chromium; nothing else may be.
    expect(errors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);

    // A return visit: the stored string, tcloaded, no layer.
    const again = await open(context);
    await waitStatus(again.page, 'tcloaded');
    const back = await events(again.page);
    expect(back.map((e) => e.status)).toEqual(['tcloaded']);
    expect(back[0]!.tcString).toBe(after.tcString);
    expect(await again.page.locator('consentry-tcf [data-consentry-tcf-layer]').count()).toBe(0);
    await context.close();
    // The browser never asked IAB: only the consent server did.
    expect(proxy.hits(/consensu/)).toEqual([]);
  });

  it('Reject all: nothing consented, legitimate interest objected, the ad vendor never reached', async () => {
    proxy.clear();
    const { context, page, thirdParty } = await open();
    await waitStatus(page, 'cmpuishown');
    await page.locator('consentry-tcf').getByRole('button', { name: 'Reject all' }).click();
    await waitStatus(page, 'useractioncomplete');
    const last = (await events(page)).at(-1)!;
    expect(on(last.purposes)).toEqual([]);
    expect(on(last.vendors)).toEqual([]);
    expect(last.ac).toBe('2~~dv.89.2577');
    const tc = TCString.decode(last.tcString);
    expect(ids(tc.purposeLegitimateInterests)).toEqual([]);
    expect(ids(tc.vendorLegitimateInterests)).toEqual([]);
    expect(ids(tc.vendorsDisclosed)).toEqual([10, 32, 91, 755]);
    // Give a wrongly released tag time to be requested, by waiting for a full round trip to the site.
    await page.evaluate(() => fetch('/').then((r) => r.text()));
    expect(adHits()).toBe(0);
    expect(thirdParty).toEqual([]);
    await context.close();
  });

  it('a custom choice in the second layer decodes to exactly that choice', async () => {
    proxy.clear();
    const { context, page } = await open();
    await waitStatus(page, 'cmpuishown');
    const host = page.locator('consentry-tcf');
    await host.getByRole('button', { name: 'Manage options' }).click();
    const layer = host.locator('[data-consentry-tcf-layer="2"]');
    await layer.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await axe(page)).toEqual([]);
    await layer.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = false)));
    await layer.locator('[data-consentry-tcf="purposes-1"]').check();
    await layer.locator('[data-consentry-tcf="purposes-8"]').check();
    await layer.locator('[data-consentry-tcf="specialFeatures-1"]').check();
    await layer.locator('[data-consentry-tcf-vendor="32"] summary').click();
    await layer.locator('[data-consentry-tcf="vendors-32"]').check();
    await layer.locator('[data-consentry-tcf-vendor="755"] summary').click();
    await layer.locator('[data-consentry-tcf="li-vendor-755"]').uncheck();
    await layer.locator('[data-consentry-tcf-atp="2577"] summary').click();
    await layer.locator('[data-consentry-tcf="atp-2577"]').check();
    await layer.getByRole('button', { name: 'Save choices' }).click();
    await waitStatus(page, 'useractioncomplete');
    const last = (await events(page)).at(-1)!;
    const tc = TCString.decode(last.tcString);
    expect(ids(tc.purposeConsents)).toEqual([1, 8]);
    expect(ids(tc.vendorConsents)).toEqual([32]);
    expect(ids(tc.specialFeatureOptins)).toEqual([1]);
    expect(ids(tc.vendorLegitimateInterests)).not.toContain(755);
    expect(ids(tc.vendorsDisclosed)).toEqual([10, 32, 91, 755]);
    expect(last.ac).toBe('2~2577~dv.89');
    // Vendor 10 has no consent: its TCF tag stays quiet; Consentry's targeting stayed refused, so its gated tag too.
    await page.evaluate(() => fetch('/').then((r) => r.text()));
    expect(adHits()).toBe(0);
    expect(await page.evaluate(() => (window as any).Consentry.getConsent().choices)).toMatchObject({ targeting: false, statistics: true });
    await context.close();
  });

  it("in Latvian: the layers' words and IAB's purpose names from the consent server's translation; ConsentLanguage LV", async () => {
    const { context, page, errors } = await open(undefined, 'lv/');
    await waitStatus(page, 'cmpuishown');
    const layer = page.locator('consentry-tcf [data-consentry-tcf-layer="1"]');
    await layer.getByText('Izmantot profilus personalizētas reklāmas atlasei').waitFor();
    expect(await layer.getByRole('button').allTextContents()).toEqual(['Pieņemt visu', 'Noraidīt visu', 'Pārvaldīt iespējas']);
    expect(await page.locator('consentry-tcf').getAttribute('lang')).toBe('lv');
    await layer.getByRole('button', { name: 'Pieņemt visu' }).click();
    await waitStatus(page, 'useractioncomplete');
    expect(TCString.decode((await events(page)).at(-1)!.tcString).consentLanguage).toBe('LV');
    expect(errors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });
});

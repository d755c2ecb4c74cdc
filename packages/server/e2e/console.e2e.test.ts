// The console end to end in real Chromium: an owner signs in and creates a marketer; the marketer
// switches Hotjar off and publishes; the demo site, served its guard by the consent server, no longer
// offers or loads Hotjar. Then the consent server is killed, and hung: the site still loads, fail-closed.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createRequestListener } from '../src/fast-path.js';
import { createSqliteStorage } from '../src/storage/sqlite.js';
import { makeSigningKey, tempDir } from '../src/test-utils/fixtures.js';
import { defaultGuardDir } from '../src/console/delivery.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const guardDir = defaultGuardDir();
const ready = existsSync(CHROMIUM) && guardDir !== null;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ADMIN = 'e2e-admin-token-0123456789';
const XSS = '<img src=x onerror="window.__xss=1">';

const listen = (server: Server | ReturnType<typeof createTcpServer>) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

/** The demo page: one async tag from the consent server in <head>, nothing else of Consentry. */
const demoPage = (consentOrigin: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tea shop</title>
<script async src="${consentOrigin}/s/shop/consentry.js"></script></head>
<body><h1 id="content">Fresh tea, shipped daily</h1><main><p>Our teas.</p></main></body></html>`;

describe.skipIf(!ready)(`console in real Chromium${ready ? '' : ' (skipped: no Chromium or no built guard; pnpm build)'}`, () => {
  const tmp = tempDir();
  let consent: Server;
  let consentPort = 0;
  let demo: Server;
  let demoPort = 0;
  let browser: Browser;
  const storage = createSqliteStorage({ file: join(tmp.dir, 'consentry.sqlite') });
  const trackerRequests: string[] = [];
  let consentId = '';

  beforeAll(async () => {
    await storage.migrate();
    const uiFile = join(tmp.dir, 'console-ui.js');
    await build({ entryPoints: [join(import.meta.dirname, '../src/console/ui/main.tsx')], outfile: uiFile, bundle: true, format: 'esm', minify: true, jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'warning' });
    demo = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(demoPage(`http://127.0.0.1:${consentPort}`));
    });
    demoPort = await listen(demo);
    const signingKey = makeSigningKey();
    await storage.putPublicKey({ keyId: signingKey.keyId, publicKey: signingKey.publicKeyRaw, createdAt: new Date().toISOString() });
    const app = createApp({
      storage,
      signingKey,
      adminToken: ADMIN,
      allowedOrigins: [`http://shop.test:${demoPort}`],
      console: { guardDir, uiFile, passwordCost: { N: 1024, r: 8, p: 1 } },
    });
    consent = createServer(createRequestListener(app));
    consentPort = await listen(consent);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--host-resolver-rules=MAP shop.test 127.0.0.1'],
    });
    // The published v1: Hotjar and GA4, and a text carrying markup that must stay text.
    const bearer = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
    const call = (method: string, path: string, body: unknown) => app.request(path, { method, headers: bearer, body: JSON.stringify(body) });
    expect((await call('POST', '/admin/api/accounts', { email: 'owner@example.com', role: 'owner', password: 'owner-password-123' })).status).toBe(201);
    expect((await call('POST', '/admin/api/sites', { site: 'shop', name: 'Tea shop' })).status).toBe(201);
    const v1 = {
      revision: 1,
      vendors: { hotjar: { id: '1234567' }, 'google-analytics': { id: 'G-ABC123' } },
      proof: { endpoint: `http://127.0.0.1:${consentPort}/v1/consents` },
      texts: { en: { 'banner.title': XSS } },
    };
    expect((await call('PUT', '/admin/api/sites/shop/draft', { config: v1 })).status).toBe(200);
    expect((await call('POST', '/admin/api/sites/shop/publish', {})).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    consent?.closeAllConnections();
    await new Promise((r) => consent?.close(r));
    await new Promise((r) => demo?.close(r));
    await storage.close();
    tmp.remove();
  });

  /** A fresh visitor (own cache and cookies); third-party requests are answered by a stub and counted. */
  const visitor = async () => {
    const context = await browser.newContext();
    await context.route(/^https?:\/\/(?!127\.0\.0\.1|shop\.test)/, (route) => {
      trackerRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  };
  const axe = async (page: Page) => {
    // Evaluated through the DevTools protocol: the console's CSP (no inline scripts) stays on.
    await page.evaluate(AXE);
    return page.evaluate(async () => {
      const run = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const r = await run.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
  };
  const signIn = async (page: Page, email: string, password: string) => {
    await page.goto(`http://127.0.0.1:${consentPort}/admin`);
    // Keyboard only: the heading has focus, Tab reaches the fields, Enter submits.
    await page.getByRole('heading', { name: 'Sign in to the Consentry console' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
  };

  it('before: the site offers Hotjar and loads it after "Accept all"; the markup in a text stays text', async () => {
    const { context, page, errors } = await visitor();
    await page.goto(`http://shop.test:${demoPort}/`);
    await page.locator('[data-consentry-action="accept-all"]').click();
    await expect.poll(() => trackerRequests.some((u) => u.includes('hotjar'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an owner signs in (keyboard only) and creates a marketer; the page is axe clean', async () => {
    const { context, page } = await visitor();
    await signIn(page, 'owner@example.com', 'owner-password-123');
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByLabel('Email').fill('marketer@example.com');
    await page.getByLabel('Role').selectOption('marketer');
    await page.getByLabel('Password (12 characters or more)').fill('marketer-password-123');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Account marketer@example.com (marketer) created.').waitFor();
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('the marketer switches Hotjar off, reviews the diff and publishes; works at 375 px and is axe clean', async () => {
    const { context, page } = await visitor();
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, 'marketer@example.com', 'marketer-password-123');
    await page.getByRole('link', { name: 'Tea shop' }).click();
    const hotjar = page.getByRole('switch', { name: /Hotjar/ });
    expect(await hotjar.isChecked()).toBe(true);
    await hotjar.focus();
    await page.keyboard.press('Space');
    expect(await hotjar.isChecked()).toBe(false);
    // An invalid id is shown inline at its path, from the SDK's validator.
    await page.getByLabel(/^Google Analytics.* id$/).fill('UA-1');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/vendors\.google-analytics\.id: /).waitFor();
    await page.getByLabel(/^Google Analytics.* id$/).fill('G-ABC123');
    // The text with markup is shown as text in the console too.
    expect(await page.getByLabel(/Overrides as JSON/).inputValue()).toContain('<img src=x onerror=');
    await page.getByRole('button', { name: 'Review changes' }).click();
    const diff = page.getByRole('region', { name: 'Changes' });
    await diff.getByText('vendors.hotjar.enabled').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByText('Published version 2.').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await context.close();
  });

  it('after: a new visitor is neither offered Hotjar nor loads it', async () => {
    trackerRequests.length = 0;
    const { context, page, errors } = await visitor();
    const t0 = Date.now();
    await page.goto(`http://shop.test:${demoPort}/`, { waitUntil: 'domcontentloaded' });
    await page.locator('#content').waitFor();
    console.log(`[console e2e] consent server up: content shown after ${Date.now() - t0} ms`);
    await page.locator('[data-consentry-action="customize"]').click();
    await page.locator('[data-consentry-action="accept-all"]').last().waitFor();
    const dialogText = await page.locator('consentry-ui').evaluate((host) => host.shadowRoot?.textContent ?? '');
    expect(dialogText.includes('Google Analytics'), 'the dialog names Google Analytics').toBe(true);
    expect(dialogText.includes('Hotjar'), 'the dialog names Hotjar').toBe(false);
    await page.locator('[data-consentry-action="accept-all"]').last().click();
    await expect.poll(() => trackerRequests.some((u) => u.includes('googletagmanager'))).toBe(true);
    expect(trackerRequests.filter((u) => u.includes('hotjar'))).toEqual([]);
    expect(errors).toEqual([]);
    consentId = await page.evaluate(() => (window as unknown as { Consentry: { getConsent(): { consentId: string } } }).Consentry.getConsent().consentId);
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${consentPort}/v1/consents/${consentId}`)).status, { timeout: 20_000 }).toBe(200);
    await context.close();
  });

  it('a proof found by consent id in the console shows "verified" (hash, Merkle path, Ed25519 signature checked in the browser)', async () => {
    const { context, page } = await visitor();
    await signIn(page, 'marketer@example.com', 'marketer-password-123');
    await page.getByRole('link', { name: 'Proofs' }).click();
    await page.getByLabel('Consent id').fill(consentId);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText(/record\(s\); \d+ verified/).waitFor();
    const status = await page.getByRole('status').textContent();
    const [, total, verified] = /(\d+) record\(s\); (\d+) verified/.exec(status ?? '') ?? [];
    expect(Number(total)).toBeGreaterThan(0);
    expect(verified).toBe(total);
    expect(await page.locator('main').textContent()).not.toContain('hotjar on');
    expect(await axe(page)).toEqual([]);
    // The visitors' decisions of this run, in the statistics (chart and table).
    await page.getByRole('link', { name: 'Statistics' }).click();
    const table = page.getByRole('region', { name: 'Decisions per day' });
    await table.waitFor();
    const acceptAll = await table.locator('tbody tr').first().locator('td').first().textContent();
    expect(Number(acceptAll)).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('img', { name: /Decisions per day/ }).locator('rect').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('the audit log shows who did what, as text', async () => {
    const { context, page } = await visitor();
    await signIn(page, 'owner@example.com', 'owner-password-123');
    await page.getByRole('link', { name: 'Audit log' }).click();
    const log = page.getByRole('region', { name: 'Audit log entries' });
    await log.getByText('marketer@example.com').first().waitFor();
    const text = await log.textContent();
    expect(text).toContain('publish');
    expect(text).toContain('account.create');
    expect(await page.locator('img').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('with the consent server hung, then killed, the site still renders its content, and nothing optional runs', async () => {
    // Hung: accepts the connection, never answers.
    const sockets: Socket[] = [];
    const hung = createTcpServer((s) => void sockets.push(s));
    const hungPort = await listen(hung);
    const realPort = consentPort;
    trackerRequests.length = 0;
    try {
      for (const port of [hungPort, realPort]) {
        if (port === realPort) {
          consent.closeAllConnections();
          await new Promise((r) => consent.close(r));
        }
        consentPort = port;
        const { context, page, errors } = await visitor();
        const t0 = Date.now();
        await page.goto(`http://shop.test:${demoPort}/`, { waitUntil: 'domcontentloaded' });
        await page.locator('#content').waitFor();
        const ms = Date.now() - t0;
        console.log(`[console e2e] ${port === hungPort ? 'hung' : 'killed'} consent server: content shown after ${ms} ms`);
        expect(await page.locator('consentry-ui').count()).toBe(0);
        expect(errors).toEqual([]);
        await context.close();
      }
      expect(trackerRequests).toEqual([]);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => hung.close(r));
    }
  });
});

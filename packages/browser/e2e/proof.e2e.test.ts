// Consent proofs end to end: the demo site in Chromium posting to the real consent server
// (built CLI, SQLite file in a temp dir), including a decision made while the server is down.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoots, hasChromium, noChromium, launch, serveStatic, settle, stubThirdParties, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'packages/server/bin/consentry-server.mjs');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!hasChromium)('consent proofs from the browser to the real server' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let dataDir: string;
  let port: number;
  let server: ChildProcess | null = null;

  const env = () => ({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    CONSENTRY_DATA_DIR: dataDir,
    CONSENTRY_ALLOWED_ORIGINS: site.url,
    CONSENTRY_ADMIN_TOKEN: 'e2e-admin-token-0123',
    CONSENTRY_RATE_LIMIT: '0',
  });

  async function startServer(): Promise<void> {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}): ${out}`));
      });
      const onData = (c: Buffer) => {
        out += c.toString();
        if (out.includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
    });
  }
  async function stopServer(): Promise<void> {
    if (!server) return;
    const s = server;
    server = null;
    if (s.exitCode !== null || s.signalCode !== null) return;
    await new Promise((r) => {
      s.once('exit', r);
      s.kill('SIGTERM');
    });
  }
  const api = async (path: string, admin = false) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, admin ? { headers: { authorization: 'Bearer e2e-admin-token-0123' } } : {});
    return { status: res.status, body: await res.text() };
  };

  beforeAll(async () => {
    browser = await launch();
    site = await serveStatic(demoRoots(ROOT));
    dataDir = mkdtempSync(join(tmpdir(), 'consentry-e2e-'));
    port = await freePort();
    // The demo's config names the default port 8787; the site itself sends this test's port instead
    // (rewriting in the browser would make Chromium treat the page as public, see Local Network Access).
    for (const [path, file] of [['/', 'index.html'], ['/index.html', 'index.html'], ['/pricing.html', 'pricing.html']] as const) {
      site.routes.set(path, () => [
        200,
        'text/html; charset=utf-8',
        readFileSync(join(ROOT, 'examples/plain-html', file), 'utf8').replace('http://127.0.0.1:8787/v1/consents', `http://127.0.0.1:${port}/v1/consents`),
      ]);
    }
    await startServer();
  });
  afterAll(async () => {
    await stopServer();
    await browser?.close();
    await site?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    await stubThirdParties(context);
    const page = await context.newPage();
    if (process.env.E2E_DEBUG) {
      page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
      page.on('request', (r) => console.log('REQ', r.method(), r.url()));
      page.on('response', async (r) => console.log('RES', r.status(), r.url(), r.status() >= 400 ? await r.text().catch(() => '') : ''));
    }
    return { context, page };
  }
  const consentId = (page: Page) =>
    page.evaluate(() => (window as unknown as { Consentry: { getConsent(): { consentId: string } } }).Consentry.getConsent().consentId);

  it('stores a signed, chained record per decision and keeps the notice the visitor saw', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.url}/`);
    await settle(page);
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    const id = await consentId(page);
    await expect.poll(async () => JSON.parse((await api(`/v1/consents/${id}`)).body).records?.length ?? 0, { timeout: 5000 }).toBe(1);

    // Change of mind: a second record, same consent id, append-only.
    await page.evaluate(() => (window as unknown as { Consentry: { showPreferences(): void } }).Consentry.showPreferences());
    await page.getByRole('button', { name: 'Reject all', exact: true }).last().click();
    await expect.poll(async () => JSON.parse((await api(`/v1/consents/${id}`)).body).records?.length ?? 0, { timeout: 5000 }).toBe(2);

    const history = JSON.parse((await api(`/v1/consents/${id}`)).body) as { records: Array<Record<string, unknown>> };
    const [first, second] = history.records as Array<{ method: string; choices: Record<string, boolean>; noticeHash: string; signature: string; seq: number }>;
    expect(first!.method).toBe('accept-all');
    expect(first!.choices).toEqual({ necessary: true, functional: true, statistics: true, targeting: true });
    expect(second!.method).toBe('withdraw');
    expect(second!.choices.statistics).toBe(false);
    expect(second!.seq).toBeGreaterThan(first!.seq);
    expect(first!.signature).toBeTruthy();

    // The receipt is kept in the browser and the exact texts shown are on file at the server.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { Consentry: { getReceipts(): unknown[] } }).Consentry.getReceipts().length), { timeout: 5000 })
      .toBeGreaterThanOrEqual(2);
    // The texts travel once per notice, right after the server says it has not seen them.
    await expect.poll(async () => (await api(`/v1/notices/${first!.noticeHash}`)).status, { timeout: 5000 }).toBe(200);
    expect((await api(`/v1/notices/${first!.noticeHash}`)).body).toContain('Accept all');

    const verify = spawnSync(process.execPath, [BIN, 'verify'], { env: env(), encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    await context.close();
  });

  it('queues a decision made while the server is down and delivers it on the next page view', async () => {
    await stopServer();
    const { context, page } = await newPage();
    await page.goto(`${site.url}/pricing.html`);
    await settle(page);
    await page.getByRole('button', { name: 'Reject all', exact: true }).click();
    const id = await consentId(page);
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('consentry')).join(',')), { timeout: 5000 })
      .toContain('queue');

    await startServer();
    // The client retries on the next page view once its backoff (5 s for a first failure) has passed.
    const nextAt = await page.evaluate(() => JSON.parse(localStorage.getItem('consentry.proof.queue') ?? '{}').nextAt as number);
    await page.waitForTimeout(Math.max(0, nextAt - (await page.evaluate(() => Date.now()))) + 200);
    await page.goto(`${site.url}/`);
    await settle(page, 500);
    await expect.poll(async () => JSON.parse((await api(`/v1/consents/${id}`)).body).records?.length ?? 0, { timeout: 10_000 }).toBe(1);
    const [record] = JSON.parse((await api(`/v1/consents/${id}`)).body).records as Array<{ method: string }>;
    expect(record!.method).toBe('reject-all');
    await context.close();
  });
});

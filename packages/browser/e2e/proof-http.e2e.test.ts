// Consent proofs from a plain-http page: http://shop.test is not a secure context, so the browser
// has no crypto.subtle there. The page runs the script-tag build in real Chromium and posts to the
// real consent server (built CLI, port 0, SQLite file in a temp dir).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, noChromium, serveStatic, settle, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'packages/server/bin/consentry-server.mjs');
const FIXTURE = join(import.meta.dirname, 'fixtures/proof-http/index.html');

type Win = { Consentry: { getConsent(): { consentId: string }; showPreferences(): void; acceptAll(): void; rejectAll(): void } };

describe.skipIf(!hasChromium)('consent proofs from a plain-http page (no crypto.subtle)' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let sitePort: number;
  let dataDir: string;
  let server: ChildProcess;
  let serverPort: number;
  const env = () => ({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(serverPort ?? 0),
    CONSENTRY_DATA_DIR: dataDir,
    CONSENTRY_ALLOWED_ORIGINS: `http://shop.test:${sitePort}`,
    CONSENTRY_ADMIN_TOKEN: 'e2e-admin-token-0123',
    CONSENTRY_RATE_LIMIT: '0',
  });
  const api = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${serverPort}${path}`);
    return { status: res.status, body: await res.text() };
  };
  const history = async (id: string) => (JSON.parse((await api(`/v1/consents/${id}`)).body).records ?? []) as Array<Record<string, unknown>>;

  beforeAll(async () => {
    browser = await launch(['--host-resolver-rules=MAP shop.test 127.0.0.1, MAP other.test 127.0.0.1']);
    site = await serveStatic([['/', join(ROOT, 'packages/browser/dist')]]);
    sitePort = Number(new URL(site.url).port);
    dataDir = mkdtempSync(join(tmpdir(), 'consentry-e2e-http-'));
    server = spawn(process.execPath, [BIN, 'serve'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    serverPort = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15_000);
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
    const page = (endpoint: string) => () => [200, 'text/html; charset=utf-8', readFileSync(FIXTURE, 'utf8').replace('__ENDPOINT__', endpoint)] as [number, string, string];
    site.routes.set('/', page(`http://shop.test:${serverPort}/v1/consents`));
    site.routes.set('/typo.html', page(`http://shop.test:${serverPort}/v1/consent`));
  });
  afterAll(async () => {
    if (server && server.exitCode === null) await new Promise((r) => (server.once('exit', r), server.kill('SIGTERM')));
    await browser?.close();
    await site?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(url: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext();
    // Nothing may leave for a third party; this page has no vendors.
    await context.route((u) => !['shop.test', 'other.test'].includes(u.hostname), (route) => route.abort());
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await page.goto(url);
    await settle(page);
    return { context, page, errors };
  }
  const consentId = (page: Page) => page.evaluate(() => (window as unknown as Win).Consentry.getConsent().consentId);
  const queue = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('consentry.proof.queue') ?? '{"records":[]}') as { records: Array<{ method: string }> }).records.map((r) => r.method));

  it('builds the records there, and they reach the server with the hash of the texts shown', async () => {
    const { context, page, errors } = await open(`http://shop.test:${sitePort}/`);
    expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.subtle])).toEqual([false, 'undefined']);
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    const id = await consentId(page);
    await expect.poll(async () => (await history(id)).length, { timeout: 8000 }).toBe(1);
    await page.evaluate(() => (window as unknown as Win).Consentry.showPreferences());
    await page.getByRole('button', { name: 'Reject all', exact: true }).last().click();
    await expect.poll(async () => (await history(id)).length, { timeout: 8000 }).toBe(2);

    const [first, second] = await history(id);
    expect(first).toMatchObject({ method: 'accept-all', site: 'shop.test', url: `http://shop.test:${sitePort}/`, language: 'en' });
    expect(second).toMatchObject({ method: 'withdraw' });
    // The digest computed without WebCrypto is the SHA-256 the server checks the texts against.
    await expect.poll(async () => (await api(`/v1/notices/${String(first!['noticeHash'])}`)).status, { timeout: 8000 }).toBe(200);
    const notice = JSON.parse((await api(`/v1/notices/${String(first!['noticeHash'])}`)).body) as { language: string; texts: Record<string, string> };
    expect(notice.texts['banner.acceptAll'] ?? Object.values(notice.texts).join('|')).toContain('Accept all');
    // Canonical JSON of { language, texts }: keys sorted (UTF-16 order, as Array.prototype.sort), no spaces.
    const texts = Object.fromEntries(Object.entries(notice.texts).sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(createHash('sha256').update(JSON.stringify({ language: notice.language, texts })).digest('hex')).toBe(first!['noticeHash']);
    expect(await queue(page)).toEqual([]);
    expect(errors).toEqual([]);

    const verify = spawnSync(process.execPath, [BIN, 'verify'], { env: env(), encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    await context.close();
  });

  // Polls wait for the records (events), with room for a busy machine; the test limit is above them all.
  it('after an offline period, sends the queued records before the new one, in decision order', { timeout: 120_000 }, async () => {
    const { context, page } = await open(`http://shop.test:${sitePort}/`);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    await expect.poll(() => queue(page), { timeout: 20_000 }).toEqual(['accept-all']);
    await page.evaluate(() => (window as unknown as Win).Consentry.rejectAll());
    await expect.poll(() => queue(page), { timeout: 20_000 }).toEqual(['accept-all', 'withdraw']);
    const id = await consentId(page);
    expect(await history(id)).toEqual([]);

    await context.setOffline(false);
    await page.evaluate(() => (window as unknown as Win).Consentry.acceptAll());
    await expect.poll(async () => (await history(id)).length, { timeout: 20_000 }).toBe(3);
    const records = await history(id);
    expect(records.map((r) => r['method'])).toEqual(['accept-all', 'withdraw', 'accept-all']);
    const seqs = records.map((r) => r['seq'] as number);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(await queue(page)).toEqual([]);
    await context.close();
  });

  it('an origin the server does not allow, or a wrong endpoint, keeps the record queued and says how to fix it', async () => {
    const other = await open(`http://other.test:${sitePort}/`);
    await other.page.getByRole('button', { name: 'Reject all', exact: true }).click();
    await expect.poll(() => queue(other.page), { timeout: 8000 }).toEqual(['reject-all']);
    await expect.poll(() => other.errors.join('\n'), { timeout: 8000 }).toContain(`lists http://other.test:${sitePort} in CONSENTRY_ALLOWED_ORIGINS`);
    expect(await history(await consentId(other.page))).toEqual([]);
    await other.context.close();

    const typo = await open(`http://shop.test:${sitePort}/typo.html`);
    await typo.page.getByRole('button', { name: 'Accept all', exact: true }).click();
    await expect.poll(() => queue(typo.page), { timeout: 8000 }).toEqual(['accept-all']);
    await expect.poll(() => typo.errors.join('\n'), { timeout: 8000 }).toContain(`could not reach http://shop.test:${serverPort}/v1/consent `);
    expect(await history(await consentId(typo.page))).toEqual([]);
    await typo.context.close();
  });
});

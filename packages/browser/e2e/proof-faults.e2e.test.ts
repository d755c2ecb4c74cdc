// The proof client under delivery faults, in real Chromium: the page posts to an endpoint whose
// failures the test switches on and off (a small HTTP front in this process that answers 404 or
// 503 itself, or passes the request to the real consent server: built CLI, SQLite file).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, noChromium, serveStatic, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'packages/server/bin/consentry-server.mjs');
const FIXTURE = join(import.meta.dirname, 'fixtures/proof-http/index.html');

type Win = { Consentry: { getConsent(): { consentId: string }; acceptAll(): void; rejectAll(): void } };
type Queue = { attempts: number; nextAt: number; records: Array<{ method: string }> };

/** The endpoint the page posts to: `fail` set answers every POST with it; null passes through. */
interface FaultyEndpoint {
  url: string;
  fail: 404 | 503 | null;
  /** A record method whose next POST alone is answered 503 (a blip after the recovery). */
  blip: string | null;
  /** Statuses answered so far, in order ('pass' for a request handed to the server). */
  seen: Array<number | 'pass'>;
  close(): Promise<void>;
}

async function faultyEndpoint(target: () => number): Promise<FaultyEndpoint> {
  const state = { fail: null as FaultyEndpoint['fail'], blip: null as string | null, seen: [] as FaultyEndpoint['seen'] };
  const server: Server = createServer((req, res) => {
    const origin = req.headers.origin ?? '*';
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const blipped = state.blip !== null && req.method === 'POST' && Buffer.concat(chunks).toString().includes(`"method":"${state.blip}"`);
      if (blipped) state.blip = null;
      if ((state.fail !== null || blipped) && req.method === 'POST') {
        const status = blipped ? 503 : state.fail!;
        state.seen.push(status);
        // A misrouted deployment's 404 page, or an outage's 503, both with CORS headers (the front
        // answers for the server), so the page sees the status itself.
        res.writeHead(status, { 'content-type': 'text/html', 'access-control-allow-origin': origin });
        return res.end(`<h1>${status}</h1>`);
      }
      if (req.method === 'POST') state.seen.push('pass');
      const up = request({ host: '127.0.0.1', port: target(), method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      up.on('error', () => (res.writeHead(502), res.end()));
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://shop.test:${port}/v1/consents`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  });
}

describe.skipIf(!hasChromium)('the proof client when the endpoint fails, then recovers' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let sitePort: number;
  let dataDir: string;
  let server: ChildProcess;
  let serverPort: number;
  let endpoint: FaultyEndpoint;

  const history = async (id: string) => {
    const res = await fetch(`http://127.0.0.1:${serverPort}/v1/consents/${id}`);
    return ((await res.json()) as { records?: Array<Record<string, unknown>> }).records ?? [];
  };
  const methods = async (id: string) => (await history(id)).map((r) => r['method']);

  beforeAll(async () => {
    browser = await launch(['--host-resolver-rules=MAP shop.test 127.0.0.1']);
    site = await serveStatic([['/', join(ROOT, 'packages/browser/dist')]]);
    sitePort = Number(new URL(site.url).port);
    dataDir = mkdtempSync(join(tmpdir(), 'consentry-e2e-faults-'));
    server = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CONSENTRY_DATA_DIR: dataDir, CONSENTRY_ALLOWED_ORIGINS: `http://shop.test:${sitePort}`, CONSENTRY_RATE_LIMIT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    serverPort = await new Promise<number>((resolve, reject) => {
      let out = '';
      server.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
      const onData = (c: Buffer) => {
        out += c.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      };
      server.stdout!.on('data', onData);
      server.stderr!.on('data', onData);
    });
    endpoint = await faultyEndpoint(() => serverPort);
    const page = () => [200, 'text/html; charset=utf-8', readFileSync(FIXTURE, 'utf8').replace('__ENDPOINT__', endpoint.url)] as [number, string, string];
    site.routes.set('/', page);
    site.routes.set('/next.html', page);
    // A page of the same site without Consentry: what a visitor leaves for.
    site.routes.set('/plain.html', () => [200, 'text/html; charset=utf-8', '<!doctype html><title>plain</title><p>no consent here</p>']);
  }, 60_000);
  afterAll(async () => {
    if (server && server.exitCode === null) await new Promise((r) => (server.once('exit', r), server.kill('SIGTERM')));
    await endpoint?.close();
    await browser?.close();
    await site?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`http://shop.test:${sitePort}${path}`);
    await page.waitForFunction(() => 'Consentry' in window);
    return page;
  }
  const newContext = async () => {
    const context = await browser.newContext();
    await context.route((u) => u.hostname !== 'shop.test', (route) => route.abort());
    return context;
  };
  const queue = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('consentry.proof.queue') ?? '{"attempts":0,"nextAt":0,"records":[]}') as Queue);
  const consentId = (page: Page) => page.evaluate(() => (window as unknown as Win).Consentry.getConsent().consentId);
  /** Until the client has had its failed answer and written its backoff. */
  const failedOnce = async (page: Page, methodsQueued: string[]) =>
    expect.poll(async () => {
      const q = await queue(page);
      return { attempts: q.attempts > 0, methods: q.records.map((r) => r.method) };
    }, { timeout: 15_000 }).toEqual({ attempts: true, methods: methodsQueued });

  it('a decision made while the endpoint answered 404 arrives during the next page view once it is fixed, without another page view', { timeout: 60_000 }, async () => {
    const context = await newContext();
    endpoint.fail = 404;
    const page = await open(context, '/');
    await page.getByRole('button', { name: 'Reject all', exact: true }).click();
    await failedOnce(page, ['reject-all']);
    const id = await consentId(page);
    // On to the next page with the endpoint still broken; it is fixed while the visitor stays there.
    // That page view's start falls inside the backoff (or fails again), so only a retry within the
    // page, when the backoff ends, can deliver it.
    await page.goto(`http://shop.test:${sitePort}/next.html`);
    await page.waitForFunction(() => 'Consentry' in window);
    endpoint.fail = null;
    await expect.poll(() => methods(id), { timeout: 30_000 }).toEqual(['reject-all']);
    // The server stored it before the page read the answer: wait for the queue to empty.
    await expect.poll(async () => (await queue(page)).records, { timeout: 15_000 }).toEqual([]);
    await context.close();
  });

  it('a visitor who leaves right after the fix still delivers it: the queue is sent on pagehide (keepalive)', { timeout: 60_000 }, async () => {
    const context = await newContext();
    endpoint.fail = 404;
    const page = await open(context, '/');
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    await failedOnce(page, ['accept-all']);
    const id = await consentId(page);
    endpoint.fail = null;
    const before = endpoint.seen.length;
    await page.goto(`http://shop.test:${sitePort}/plain.html`);
    await expect.poll(() => methods(id), { timeout: 30_000 }).toEqual(['accept-all']);
    expect(endpoint.seen.slice(before)).toContain('pass');
    await context.close();
  });

  it('after a 503 outage, the decision made on the next page view arrives too, after the older one', { timeout: 60_000 }, async () => {
    const context = await newContext();
    endpoint.fail = 503;
    const page = await open(context, '/');
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    await failedOnce(page, ['accept-all']);
    const id = await consentId(page);
    endpoint.fail = null;
    await page.goto(`http://shop.test:${sitePort}/next.html`);
    await page.waitForFunction(() => 'Consentry' in window);
    await page.evaluate(() => (window as unknown as Win).Consentry.rejectAll());
    await expect.poll(() => methods(id), { timeout: 10_000 }).toEqual(['accept-all', 'withdraw']);
    const seqs = (await history(id)).map((r) => r['seq'] as number);
    expect(seqs[0]).toBeLessThan(seqs[1]!);
    await expect.poll(async () => (await queue(page)).records, { timeout: 15_000 }).toEqual([]);
    await context.close();
  });

  it('after a longer outage (retries failed within the page), a blip on the newer decision costs 5 s, not the grown backoff', { timeout: 90_000 }, async () => {
    const context = await newContext();
    endpoint.fail = 503;
    const page = await open(context, '/');
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    // The first send and the in-page retry 5 s later both fail: the backoff has grown.
    await expect.poll(async () => (await queue(page)).attempts, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const id = await consentId(page);
    endpoint.fail = null;
    endpoint.blip = 'withdraw';
    await page.goto(`http://shop.test:${sitePort}/next.html`);
    await page.waitForFunction(() => 'Consentry' in window);
    await page.evaluate(() => (window as unknown as Win).Consentry.rejectAll());
    await expect.poll(() => endpoint.blip, { timeout: 15_000 }).toBeNull(); // the newer record met the blip
    expect(await methods(id)).toEqual(['accept-all']);
    // The server answered the older record, so the retry waits the first backoff (5 s), not 20 s or more.
    await expect.poll(() => methods(id), { timeout: 12_000 }).toEqual(['accept-all', 'withdraw']);
    await context.close();
  });
});

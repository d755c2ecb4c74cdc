// What the service worker costs a page: the same page (40 first-party images, a stylesheet, the guard)
// loaded with the worker controlling it and without, alternating, in one Chromium; medians.
// node packages/network-wall/bench/first-party.mjs [runs]   (after pnpm build)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const DIST = join(import.meta.dirname, '../../browser/dist');
const RUNS = Number(process.argv[2] ?? 7);
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const config = (sw) => JSON.stringify({ categories: { statistics: {}, targeting: {} }, vendors: { 'google-analytics': { id: 'G-TEST1234' } }, ...(sw ? { serviceWorker: sw } : {}) });
const page = (sw) => `<!doctype html><html><head><script type="application/json" id="consentry-config">${config(sw)}</script>
<script src="/consentry.min.js"></script><link rel="stylesheet" href="/s.css"></head><body>
${Array.from({ length: 40 }, (_, i) => `<img src="/img/${i}.gif" width="1" height="1">`).join('')}</body></html>`;

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const send = (type, body) => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  if (url.pathname === '/sw') return send('text/html', page('/consentry-sw.js'));
  if (url.pathname === '/fast') return send('text/html', page('/consentry-sw.js?firstParty=network'));
  if (url.pathname === '/bare') return send('text/html', page(null));
  if (url.pathname.startsWith('/img/')) return send('image/gif', GIF);
  if (url.pathname === '/s.css') return send('text/css', 'body{margin:0}');
  try {
    return send('text/javascript', readFileSync(join(DIST, url.pathname)));
  } catch {
    res.writeHead(404).end();
  }
});
// Three loopback origins (all secure contexts), one per variant: a scope has one worker.
await new Promise((r) => server.listen(0, '::', r));
const port = server.address().port;
const base = `http://127.0.0.1:${port}`;
const fastBase = `http://[::1]:${port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();
const p = await context.newPage();
await p.goto(`${base}/sw`);
await p.waitForFunction(() => !!navigator.serviceWorker.controller);
await p.goto(`${fastBase}/fast`);
await p.waitForFunction(() => !!navigator.serviceWorker.controller);
// A third origin (localhost) has no worker: the same page, uncontrolled.
const bareBase = `http://localhost:${port}`;
const times = { sw: [], fast: [], bare: [] };
for (let i = 0; i < RUNS; i++) {
  for (const [kind, url] of [['sw', `${base}/sw`], ['bare', `${bareBase}/bare`], ['fast', `${fastBase}/fast`]]) {
    await p.goto(url, { waitUntil: 'load' });
    const t = await p.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const imgs = performance.getEntriesByType('resource').filter((e) => e.name.includes('/img/'));
      return { load: nav.loadEventStart, imgs: Math.max(...imgs.map((e) => e.responseEnd)), controlled: !!navigator.serviceWorker.controller };
    });
    if (t.controlled !== (kind !== 'bare')) throw new Error(`${kind}: controlled=${t.controlled}`);
    times[kind].push(t);
  }
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const kind of ['bare', 'sw', 'fast']) {
  console.log(`${kind.padEnd(5)} load ${median(times[kind].map((t) => t.load)).toFixed(1)} ms, last image ${median(times[kind].map((t) => t.imgs)).toFixed(1)} ms (median of ${RUNS})`);
}
for (const kind of ['sw', 'fast']) console.log(`${kind} / bare, load: ${(median(times[kind].map((t) => t.load)) / median(times.bare.map((t) => t.load))).toFixed(2)}×`);
await browser.close();
server.close();

// The page's own DOM work with and without the guard (the script tag build), in real Chromium.
// Alternates bare / guarded page loads (fresh context each), medians of N, and prints the ratios,
// plus the guard's synchronous run (a performance mark before and after its <script>).
//   node packages/blocker/bench/dom-work.mjs [--dist packages/browser/dist] [--against other/dist] [--runs 7] [--cold]
// With --against, a second build runs in the same alternation, so before/after ratios share one run.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const DIST = resolve(arg('dist', join(ROOT, 'packages/browser/dist')));
const RUNS = Number(arg('runs', 7));
/** --cold: time the first pass (what a page's code meets once); default: after a warm-up pass. */
const WARM = !process.argv.includes('--cold');
const AGAINST = arg('against', null);
const scripts = { guarded: readFileSync(join(DIST, 'consentry.min.js')), ...(AGAINST ? { against: readFileSync(join(resolve(AGAINST), 'consentry.min.js')) } : {}) };

const CONFIG = `<script type="application/json" id="consentry-config">
{ "categories": { "statistics": {}, "targeting": {} },
  "vendors": { "google-analytics": { "id": "G-BENCH1" }, "meta-pixel": { "id": "1234567890" } } }
</script>`;
const page = (guarded, kind) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>dom work</title>
${guarded ? CONFIG : ''}<script>performance.mark('g0')</script>${guarded ? `<script src="/${kind}.js"></script>` : ''}<script>performance.mark('g1')</script>
</head><body><main id="box"></main></body></html>`;
const GIF = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const js = scripts[url.pathname.slice(1, -3)];
  if (js) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
  if (url.pathname === '/pixel.gif') return res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'max-age=3600' }).end(GIF);
  if (url.pathname === '/api') return res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  const kind = url.pathname.slice(1);
  if (kind === 'bare' || scripts[kind]) return res.writeHead(200, { 'content-type': 'text/html' }).end(page(kind !== 'bare', kind));
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

/** The four workloads of issue 18, each timed in the page; ms. */
async function workloads(p) {
  return p.evaluate(async () => {
    const box = document.getElementById('box');
    box.textContent = '';
    const time = (fn) => {
      const t = performance.now();
      fn();
      return performance.now() - t;
    };
    const out = {};
    out.images = time(() => {
      for (let i = 0; i < 5000; i++) {
        const img = document.createElement('img');
        img.src = '/pixel.gif';
        img.alt = '';
        box.appendChild(img);
      }
    });
    // The observer's records for the appends are delivered as a microtask: inside the measured window.
    let t = performance.now();
    await Promise.resolve();
    out.images += performance.now() - t;
    box.textContent = '';
    const card = (i) => `<p class="card"><img src="/pixel.gif" alt="item ${i}" width="1" height="1"> <span>Item ${i}</span> <a href="/items/${i}">more</a></p>`;
    out.innerHTML = time(() => {
      for (let i = 0; i < 2000; i++) box.innerHTML = card(i);
    });
    t = performance.now();
    await Promise.resolve();
    out.innerHTML += performance.now() - t;
    box.textContent = '';
    const els = Array.from({ length: 50 }, () => box.appendChild(document.createElement('div')));
    out.setAttribute = time(() => {
      for (let i = 0; i < 5000; i++) {
        const el = els[i % 50];
        el.setAttribute(i % 2 ? 'class' : 'data-index', `v${i}`);
      }
    });
    t = performance.now();
    await Promise.resolve();
    out.setAttribute += performance.now() - t;
    t = performance.now();
    await Promise.all(Array.from({ length: 200 }, (_, i) => fetch(`/api?n=${i}`).then((r) => r.text())));
    out.fetch = performance.now() - t;
    const [g0] = performance.getEntriesByName('g0');
    const [g1] = performance.getEntriesByName('g1');
    out.startup = g1.startTime - g0.startTime;
    return out;
  });
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const kinds = ['bare', ...Object.keys(scripts)];
const results = Object.fromEntries(kinds.map((k) => [k, []]));
for (let run = 0; run < RUNS; run++) {
  const order = run % 2 ? [...kinds].reverse() : kinds;
  for (const kind of order) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${base}/${kind}`);
    await p.waitForLoadState('load');
    if (WARM) await workloads(p); // warm-up: the same code paths compiled on both sides before timing
    results[kind].push(await workloads(p));
    await context.close();
  }
}
await browser.close();
server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const key of ['images', 'innerHTML', 'setAttribute', 'fetch', 'startup']) {
  const bare = median(results.bare.map((r) => r[key]));
  const row = { workload: key, bare_ms: bare.toFixed(2) };
  for (const kind of kinds.slice(1)) {
    const m = median(results[kind].map((r) => r[key]));
    row[`${kind}_ms`] = m.toFixed(2);
    row[`${kind}_ratio`] = key === 'startup' ? '-' : (m / bare).toFixed(2);
  }
  rows.push(row);
}
console.log(`guarded: ${DIST}${AGAINST ? `, against: ${AGAINST}` : ''}, runs: ${RUNS}, ${WARM ? 'after a warm-up pass' : 'cold'}`);
console.table(rows);

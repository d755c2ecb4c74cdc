// `pnpm bench` (root script): the Consentry script-tag build against vanilla-cookieconsent and Klaro, side by side
// in real headless Chromium, on the same page with the same vendors (GA4 + Meta Pixel, gated).
// Env: BENCH_RUNS (default 9), BENCH_WRITE=0 (do not touch docs/benchmarks.md), BENCH_REBUILD=1
// (rebuild consentry.min.js even if present), CHROMIUM_PATH (default /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { products } from './pages.mjs';
import { probe } from './probe.mjs';
import { measureFiles, summarise, renderMarkdown, writeDocs } from './report.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 9));
const DEADLINE = Date.now() + 4.5 * 60_000; // the whole run stays under 5 minutes
const BANNER_TIMEOUT = 8_000;
const TAIL_MS = 1000; // keep observing long tasks and shifts this long after the banner shows
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const require = createRequire(import.meta.url);

// 1. The files under test.
const consentryMin = join(ROOT, 'packages/browser/dist/consentry.min.js');
if (!existsSync(consentryMin) || process.env.BENCH_REBUILD === '1') {
  console.log('building packages/browser/dist/consentry.min.js …');
  try {
    execFileSync('npx', ['rollup', '-c', 'rollup.config.mjs'], { cwd: ROOT, env: { ...process.env, PACKAGES: 'browser' }, stdio: 'inherit' });
  } catch (error) {
    if (!existsSync(consentryMin)) throw error;
    console.warn(`build failed (${error.message.split('\n')[0]}); measuring the existing consentry.min.js`);
  }
}
const ccDist = join(dirname(require.resolve('vanilla-cookieconsent/package.json')), 'dist');
const klaroDist = join(dirname(require.resolve('klaro/package.json')), 'dist');
// URL prefix → folder. Whatever a product loads later (language files, vendor modules) is served
// from its own dist folder and counted, because the byte columns are what the page fetched.
const DIRS = {
  '/cmp/': dirname(consentryMin),
  '/cmp/cc/': ccDist,
  '/cmp/klaro/': klaroDist,
};
const VERSIONS = {
  consentry: JSON.parse(readFileSync(join(ROOT, 'packages/browser/package.json'), 'utf8')).version,
  cookieconsent: require('vanilla-cookieconsent/package.json').version,
  klaro: require('klaro/package.json').version,
};
// Each file is read once: every load serves the same bytes even if someone rebuilds mid-run.
const BODIES = {};
function body(path) {
  if (path in BODIES) return BODIES[path];
  const prefix = Object.keys(DIRS).filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  const rel = prefix && normalize(path.slice(prefix.length));
  const file = rel && !rel.startsWith('..') && !rel.endsWith('.map') ? join(DIRS[prefix], rel) : null;
  BODIES[path] = file && existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null;
  return BODIES[path];
}
for (const p of products) p.files.forEach(body);
// Consentry's lazy files have stable names, so all of dist/ is read now: one consistent build.
for (const rel of readdirSync(DIRS['/cmp/'], { recursive: true })) body(`/cmp/${rel.split(sep).join('/')}`);
const consentryBuild = {
  sha256: createHash('sha256').update(body('/cmp/consentry.min.js')).digest('hex').slice(0, 12),
  built: statSync(consentryMin).mtime.toISOString().slice(0, 16).replace('T', ' '),
};

// 2. A loopback server: the three pages from memory, the CMP files as read above.
const served = new Map(); // product id → Set of CMP paths its page fetched
const TYPES = { js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', json: 'application/json' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const product = products.find((p) => url.pathname === `/${p.id}.html`);
  if (product) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    return res.end(product.html());
  }
  const bytes = body(url.pathname);
  if (bytes) {
    const from = new URL(req.headers.referer ?? 'http://x/').pathname.slice(1).replace('.html', '');
    if (!served.has(from)) served.set(from, new Set());
    served.get(from).add(url.pathname);
    res.writeHead(200, { 'content-type': TYPES[url.pathname.split('.').pop()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    return res.end(bytes);
  }
  if (url.pathname === '/v1/consents') served.set('proof-posts', (served.get('proof-posts') ?? 0) + 1);
  res.writeHead(url.pathname === '/v1/consents' ? 201 : 404, { 'content-type': 'text/plain' });
  res.end('');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const BASE = `http://127.0.0.1:${server.address().port}`;

// 3. One measured page load in a fresh context (no cookies, no cache: a first visit).
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run'],
});

async function measure(product, throttle) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const thirdParty = [];
  try {
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => {
        thirdParty.push(route.request().url());
        const type = route.request().resourceType();
        return route.fulfill(type === 'script' ? { status: 200, contentType: 'text/javascript', body: '' } : { status: 204, body: '' });
      },
    );
    const page = await context.newPage();
    const console_ = [];
    page.on('console', (m) => m.type() === 'error' && console_.push(m.text()));
    page.on('pageerror', (e) => console_.push(String(e)));
    await page.addInitScript(probe, product.banner);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(`${BASE}/${product.id}.html`, { waitUntil: 'commit' });
    if (product.banner) await page.waitForFunction(() => window.__bench?.banner != null, null, { timeout: BANNER_TIMEOUT, polling: 100 });
    await page.waitForLoadState('load');
    // Without a banner (the baseline) the window ends 1 s after load.
    const end = await page.evaluate(() => window.__bench.banner ?? performance.getEntriesByType('navigation')[0].loadEventEnd);
    const wait = Math.max(0, end + TAIL_MS - (await page.evaluate(() => performance.now())));
    await page.waitForTimeout(wait);
    const data = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const resources = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/cmp/'))
        .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
      return { ...window.__bench, resources, fcp: fcp?.startTime ?? null, dcl: nav?.domContentLoadedEventEnd ?? null, load: nav?.loadEventEnd ?? null };
    });
    return { ...data, thirdParty, console: console_ };
  } catch (error) {
    return { banner: null, failed: String(error).split('\n')[0], thirdParty, console: [] };
  } finally {
    await context.close();
  }
}

// 4. Round robin, rotating the order each round, so machine noise falls on all products alike.
const started = Date.now();
const results = {}; // `${id}@${throttle}` → runs
let cut = false;
const load1 = (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' / ');
for (const throttle of [1, 4]) {
  for (const p of products) await measure(p, throttle); // warm-up, discarded
  for (let round = 0; round < RUNS; round++) {
    if (Date.now() > DEADLINE - (throttle === 1 ? 120_000 : 0)) {
      cut = true;
      break;
    }
    for (let k = 0; k < products.length; k++) {
      const p = products[(round + k) % products.length];
      const runs = results[`${p.id}@${throttle}`] ?? [];
      if (runs.filter((r) => r.failed).length >= 2) continue; // broken setup: do not burn the time box
      const run = await measure(p, throttle);
      (results[`${p.id}@${throttle}`] ??= []).push(run);
      process.stdout.write(`${throttle}x ${p.id.padEnd(14)} ${run.failed ? `FAILED ${run.failed}` : `banner ${run.banner?.toFixed(0) ?? '–'} ms, FCP ${run.fcp?.toFixed(0)} ms`}\n`);
    }
  }
}
const load2 = (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' / ');
const chromiumVersion = browser.version();
await browser.close();
server.close();

// 5. Report.
const files = Object.fromEntries(products.map((p) => [p.id, measureFiles(p, served.get(p.id), BODIES)]));
const summary = summarise(products, results, files);
const command = `${Object.entries(process.env)
  .filter(([k]) => k.startsWith('BENCH_') || k === 'CHROMIUM_PATH')
  .map(([k, v]) => `${k}=${v} `)
  .join('')}${process.env.npm_lifecycle_event === 'bench' ? 'pnpm bench' : 'node examples/bench/run.mjs'}`;
const meta = {
  command,
  date: new Date().toISOString().slice(0, 16).replace('T', ' '),
  chromium: `Chromium ${chromiumVersion}`,
  cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`,
  node: process.version,
  load: `${load1} → ${load2} (1 / 5 / 15 min, other processes included)`,
  runs: RUNS,
  cut,
  seconds: Math.round((Date.now() - started) / 1000),
  versions: VERSIONS,
  proofPosts: served.get('proof-posts') ?? 0,
  consentryBuild,
};
const markdown = renderMarkdown(summary, meta);
console.log(`\n${markdown}`);
if (process.env.BENCH_WRITE !== '0') {
  writeDocs(join(ROOT, 'docs/benchmarks.md'), markdown);
  console.log('written to docs/benchmarks.md (## Script tag)');
}

// `pnpm bench` (root script): the Consentry script-tag build against vanilla-cookieconsent and Klaro, side by side
// in real headless Chromium, on the same pages (small, and a 40-section article) with the same vendors
// (GA4 + Meta Pixel, gated); then the page's own DOM work with and without Consentry, then Lighthouse.
// Env: BENCH_RUNS (default 7), BENCH_WRITE=0 (do not touch docs/benchmarks.md), BENCH_REBUILD=1
// (rebuild consentry.min.js even if present), BENCH_LIGHTHOUSE=0 (skip Lighthouse), CHROMIUM_PATH
// (default /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { domWork } from './domwork.mjs';
import { lighthouse } from './lighthouse.mjs';
import { CONSENTRY_CONFIG, products, VARIANTS } from './pages.mjs';
import { probe } from './probe.mjs';
import { measureFiles, summarise, renderMarkdown, writeDocs } from './report.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 7));
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== '0';
// The whole run stays under about 8 minutes: page loads 4½ (shared alike by the two page sizes and
// two CPU rates), the DOM work about ½, Lighthouse about 2½.
const LOADS_MS = (LIGHTHOUSE ? 4.5 : 6) * 60_000;
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
// The compiled guard with the bench's config baked in, as `consentry-build` writes it for a site.
const { bakeGuard } = await import(join(ROOT, 'packages/browser/dist/compile.mjs'));
BODIES['/cmp/consentry.site.js'] = Buffer.from(bakeGuard(CONSENTRY_CONFIG, readFileSync(join(DIRS['/cmp/'], 'consentry.compiled.js'), 'utf8')));
const consentryBuild = {
  sha256: createHash('sha256').update(body('/cmp/consentry.min.js')).digest('hex').slice(0, 12),
  built: statSync(consentryMin).mtime.toISOString().slice(0, 16).replace('T', ' '),
};

// 2. A loopback server: the three pages from memory, the CMP files as read above.
const served = new Map(); // product id → Set of CMP paths its page fetched
const TYPES = { js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', json: 'application/json' };
// /<id>.html is the small page, /article/<id>.html the article; the same files behind both.
const pageUrl = (id, variant) => `/${variant === 'article' ? 'article/' : ''}${id}.html`;
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const variant = VARIANTS.find((v) => products.some((p) => url.pathname === pageUrl(p.id, v)));
  const product = variant && products.find((p) => url.pathname === pageUrl(p.id, variant));
  if (product) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    return res.end(product.html(variant));
  }
  // The DOM-work page's own first-party requests (images it creates, fetch): empty answers.
  if (url.pathname.startsWith('/own/')) {
    res.writeHead(url.pathname.startsWith('/own/api') ? 200 : 204, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    return res.end(url.pathname.startsWith('/own/api') ? '{}' : '');
  }
  const bytes = body(url.pathname);
  if (bytes) {
    const from = new URL(req.headers.referer ?? 'http://x/').pathname.split('/').pop().replace('.html', '');
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

async function measure(product, throttle, variant) {
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
    await page.goto(`${BASE}${pageUrl(product.id, variant)}`, { waitUntil: 'commit' });
    if (product.banner) await page.waitForFunction(() => window.__bench?.banner != null, null, { timeout: BANNER_TIMEOUT, polling: 100 });
    await page.waitForLoadState('load');
    // Without a banner (the baseline) the window ends 1 s after load.
    const end = await page.evaluate(() => window.__bench.banner ?? performance.getEntriesByType('navigation')[0].loadEventEnd);
    const wait = Math.max(0, end + TAIL_MS - (await page.evaluate(() => performance.now())));
    await page.waitForTimeout(wait);
    const data = await page.evaluate((guardFile) => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const resources = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/cmp/'))
        .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
      // The guard's synchronous run: between the bench's marks around its <script>, from the moment
      // its file had arrived (the parser waits for the file first; that wait is network, not CPU).
      const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
      const [before, after] = [mark('guard:before'), mark('guard:after')];
      const file = resources.find((x) => x.path === guardFile);
      const guard = before != null && after != null ? { marks: after - before, run: after - Math.max(before, file?.end ?? before) } : null;
      return { ...window.__bench, resources, guard, fcp: fcp?.startTime ?? null, dcl: nav?.domContentLoadedEventEnd ?? null, load: nav?.loadEventEnd ?? null };
    }, product.guardFile ?? null);
    return { ...data, thirdParty, console: console_ };
  } catch (error) {
    return { banner: null, failed: String(error).split('\n')[0], thirdParty, console: [] };
  } finally {
    await context.close();
  }
}

// 4. Round robin, rotating the order each round, so machine noise falls on all products alike.
const started = Date.now();
const results = {}; // `${variant}:${id}@${throttle}` → runs
let cut = false;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const load1 = load();
console.log(`load average ${load1} (1 / 5 / 15 min)`);
// A load at 4× takes about 1.6 times one at 1× (measured: the banner and the 1 s tail after it).
const segments = VARIANTS.flatMap((variant) => [1, 4].map((throttle) => ({ variant, throttle, weight: throttle === 1 ? 1 : 1.6 })));
const weights = segments.reduce((n, s) => n + s.weight, 0);
let share = 0;
for (const { variant, throttle, weight } of segments) {
  // Each page size and rate gets its share of the time box, so a slow one cannot starve the rest.
  share += weight;
  const until = started + (share / weights) * LOADS_MS;
  for (const p of products) await measure(p, throttle, variant); // warm-up, discarded
  for (let round = 0; round < RUNS; round++) {
    if (Date.now() > until) {
      cut = true;
      break;
    }
    for (let k = 0; k < products.length; k++) {
      const p = products[(round + k) % products.length];
      const key = `${variant}:${p.id}@${throttle}`;
      const runs = results[key] ?? [];
      if (runs.filter((r) => r.failed).length >= 2) continue; // broken setup: do not burn the time box
      const run = await measure(p, throttle, variant);
      (results[key] ??= []).push(run);
      const guard = run.guard ? `, guard ${run.guard.run.toFixed(1)} ms` : '';
      process.stdout.write(`${variant.padEnd(7)} ${throttle}x ${p.id.padEnd(14)} ${run.failed ? `FAILED ${run.failed}` : `banner ${run.banner?.toFixed(0) ?? '–'} ms, FCP ${run.fcp?.toFixed(0)} ms${guard}`}\n`);
    }
  }
}
// 4b. The page's own DOM work with and without Consentry (same browser, small page).
const dom = await domWork(browser, BASE, { runs: 7, log: (line) => console.log(line) });
const chromiumVersion = browser.version();
await browser.close();
// 4c. Lighthouse, in its own Chromium (it drives the browser itself), on the article page.
const lh = LIGHTHOUSE
  ? await lighthouse({ base: BASE, chromium: CHROMIUM, pages: ['baseline', 'consentry', 'consentry-compiled', 'cookieconsent'].map((id) => ({ id, url: `${BASE}${pageUrl(id, 'article')}` })), runs: 3, log: (line) => console.log(line) })
  : null;
const load2 = load();
server.close();

// 5. Report.
const files = Object.fromEntries(products.map((p) => [p.id, measureFiles(p, served.get(p.id), BODIES)]));
const summary = Object.fromEntries(
  VARIANTS.map((v) => [v, summarise(products, Object.fromEntries(Object.entries(results).filter(([k]) => k.startsWith(`${v}:`)).map(([k, r]) => [k.slice(v.length + 1), r])), files)]),
);
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
  lighthouse: LIGHTHOUSE,
  runs: RUNS,
  cut,
  seconds: Math.round((Date.now() - started) / 1000),
  versions: VERSIONS,
  proofPosts: served.get('proof-posts') ?? 0,
  consentryBuild,
};
const markdown = renderMarkdown(summary, meta, { dom, lh });
console.log(`\n${markdown}`);
if (process.env.BENCH_WRITE !== '0') {
  writeDocs(join(ROOT, 'docs/benchmarks.md'), markdown);
  console.log('written to docs/benchmarks.md (## Script tag)');
}

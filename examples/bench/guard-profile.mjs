// The guard's synchronous run, measured from outside: a 40-section article page with
// `performance.mark` right before and right after consentry.min.js's <script> in <head>, loaded in
// real Chromium (fresh context per load) at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate).
// Prints the median of each build given, loads alternating so machine load hits them alike, then a
// CPU profile (CDP Profiler) of the first build's loads at 4×: the hottest functions of Consentry's files.
//
//   node examples/bench/guard-profile.mjs [label=dist-dir ...] [--loads 9] [--returning] [--top 25] [--compiled]
//   (default: now=packages/browser/dist)
// --compiled: each build also as `<label>-compiled`, the same config baked into its consentry.compiled.js
// (consentry-build's bakeGuard), served under the name consentry.min.js; the page then carries no config.
// --returning: the visitor has a stored decision (accept all), so the guard releases at once.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const returning = args.includes('--returning');
if (returning) args.splice(args.indexOf('--returning'), 1);
const compiled = args.includes('--compiled');
if (compiled) args.splice(args.indexOf('--compiled'), 1);
const LOADS = Number(flag('loads', '9'));
const TOP = Number(flag('top', '25'));
const builds = (args.length ? args : ['now=packages/browser/dist']).map((a) => {
  const [label, dir] = a.includes('=') ? a.split('=') : [a, a];
  if (!existsSync(join(dir, 'consentry.min.js'))) throw new Error(`no consentry.min.js in ${dir}`);
  return { label, dir };
});

const CONFIG = {
  revision: 1,
  categories: { functional: {}, statistics: {}, targeting: {} },
  vendors: { 'google-analytics': { id: 'G-DEMO12345' }, 'meta-pixel': { id: '1234567890' } },
  proof: { endpoint: '/v1/consents' },
  links: { privacyPolicy: '/privacy.html' },
};
if (compiled) {
  for (const b of builds.slice()) {
    const { bakeGuard } = await import(join(process.cwd(), b.dir, 'compile.mjs'));
    builds.push({ label: `${b.label}-compiled`, dir: b.dir, baked: Buffer.from(bakeGuard(CONFIG, readFileSync(join(b.dir, 'consentry.compiled.js'), 'utf8'))) });
  }
}

const section = (i) => `<section><h2>Section ${i + 1}: the harvest</h2>
  <p>Leaves are picked by hand in the early morning, withered for a day and rolled. ${'Tea is dried slowly so the flavour keeps. '.repeat(6)}</p>
  <p><img src="/img/${i}.svg" width="320" height="180" alt="Picture ${i}"> <a href="/p/${i}">Read more</a></p>
  <ul><li>Origin: Latvia</li><li>Harvest: summer</li><li>Batch ${i}</li></ul></section>`;

const page = (build) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Article</title>
${build.endsWith('-compiled') ? '' : `<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>`}
<script>performance.mark('guard-start')</script>
<script src="/${build}/consentry.min.js"></script>
<script>performance.mark('guard-end')</script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-DEMO12345"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-DEMO12345');</script>
<style>body{font:16px/1.5 system-ui;max-width:46rem;margin:auto}img{background:#eee}</style>
</head><body><header><h1>A long article</h1></header><main>
${Array.from({ length: 40 }, (_, i) => section(i)).join('\n')}
</main></body></html>`;

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="#cde"/></svg>';
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const [, first, ...rest] = url.pathname.split('/');
  const build = builds.find((b) => b.label === first);
  if (url.pathname.startsWith('/page/')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    return res.end(page(url.pathname.slice(6)));
  }
  if (url.pathname.startsWith('/img/')) {
    res.writeHead(200, { 'content-type': 'image/svg+xml' });
    return res.end(SVG);
  }
  if (build?.baked && rest.join('/') === 'consentry.min.js') {
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
    return res.end(build.baked);
  }
  if (build) {
    const file = join(build.dir, normalize(rest.join('/')).replace(/^(\.\.[/\\])+/, ''));
    if (existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream', 'cache-control': 'no-store' });
      return res.end(readFileSync(file));
    }
  }
  res.writeHead(url.pathname === '/v1/consents' ? 204 : 404);
  res.end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
});

const STORED = 'consentry'; // overwritten below from a real decision when --returning

/** One load: the guard's synchronous span, long tasks, and (optionally) the CPU profile. */
async function load(build, rate, profile, cookie) {
  const context = await browser.newContext();
  if (cookie) await context.addCookies([{ ...cookie, url: origin }]);
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.addInitScript(() => {
    window.__long = [];
    try {
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
    } catch {}
  });
  if (!profile) await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile'] });
  await page.goto(`${origin}/page/${build.label}`, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  // The thread's own CPU time (trace `tdur`) for the guard's <script>: compile and run, not the
  // time the thread waited for a core on a busy machine (wall time counts that too).
  let cpu = null;
  if (!profile) {
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    const mine = (e) => String(e.args?.data?.url ?? e.args?.fileName ?? '').endsWith(`/${build.label}/consentry.min.js`);
    const top = traceEvents.filter((e) => e.ph === 'X' && e.name === 'EvaluateScript' && mine(e));
    cpu = top.reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
  }
  const r = await page.evaluate(() => {
    const m = performance.measure('guard', 'guard-start', 'guard-end');
    return { sync: m.duration, long: window.__long.slice(), errors: window.__errors };
  });
  let prof = null;
  if (profile) prof = (await cdp.send('Profiler.stop')).profile;
  await context.close();
  return { ...r, cpu, prof };
}

async function storedCookie(build) {
  const context = await browser.newContext();
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${origin}/page/${build.label}`, { waitUntil: 'load' });
  await page.evaluate(() => window.Consentry.acceptAll());
  const c = (await context.cookies()).find((x) => x.name.startsWith(STORED));
  await context.close();
  return c && { name: c.name, value: c.value };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const cookies = new Map();
if (returning) for (const b of builds) cookies.set(b.label, await storedCookie(b));

const results = {};
const profiles = [];
const loadBefore = loadavg()[0].toFixed(2);
for (const rate of [1, 4]) {
  for (let i = 0; i < LOADS; i++) {
    for (const b of builds) {
      ((results[b.label] ??= {})[rate] ??= []).push(await load(b, rate, false, cookies.get(b.label)));
    }
  }
}
// Profiled apart: the sampler's own cost must not be in the figures above.
for (let i = 0; i < 3; i++) profiles.push((await load(builds[0], 4, true, cookies.get(builds[0].label))).prof);
const loadAfter = loadavg()[0].toFixed(2);

console.log(`Guard synchronous run (performance marks around its <script>), medians of ${LOADS} loads, ${returning ? 'returning visitor (stored accept-all)' : 'first visit'}; load ${loadBefore} → ${loadAfter}`);
console.log(`${'build'.padEnd(10)} ${'1× sync'.padStart(9)} ${'4× sync'.padStart(9)} ${'4× longest task'.padStart(16)} ${'1× CPU'.padStart(9)} ${'4× CPU'.padStart(9)}  (CPU: the renderer thread's own time in the guard's EvaluateScript)`);
for (const b of builds) {
  const r = results[b.label];
  const maxLong = median(r[4].map((x) => Math.max(0, ...x.long)));
  console.log(`${b.label.padEnd(10)} ${median(r[1].map((x) => x.sync)).toFixed(1).padStart(7)}ms ${median(r[4].map((x) => x.sync)).toFixed(1).padStart(7)}ms ${maxLong.toFixed(0).padStart(14)}ms ${median(r[1].map((x) => x.cpu)).toFixed(1).padStart(7)}ms ${median(r[4].map((x) => x.cpu)).toFixed(1).padStart(7)}ms`);
}

// A minimal source-map reader (base64 VLQ), so the profile names the source function, not terser's.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function readMap(file) {
  if (!existsSync(file)) return null;
  const map = JSON.parse(readFileSync(file, 'utf8'));
  const lines = [];
  const state = [0, 0, 0, 0];
  for (const line of map.mappings.split(';')) {
    const segs = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const vals = [];
      let shift = 0;
      let value = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      col += vals[0];
      if (vals.length >= 4) {
        for (let k = 0; k < 3; k++) state[k] += vals[k + 1];
        if (vals.length >= 5) state[3] += vals[4];
        segs.push([col, state[0], state[1], vals.length >= 5 ? state[3] : -1]);
      }
    }
    lines.push(segs);
  }
  return (line, column) => {
    const segs = lines[line] ?? [];
    let best = null;
    for (const s of segs) if (s[0] <= column) best = s;
    if (!best) return null;
    return `${map.sources[best[1]].replace(/^(\.\.\/)+/, '')}:${best[2] + 1}`;
  };
}
const maps = new Map();
const original = (f) => {
  const name = f.url.split('/').pop();
  const build = builds[0];
  const file = join(build.dir, f.url.split(`/${build.label}/`)[1] ?? name);
  if (!maps.has(file)) maps.set(file, readMap(`${file}.map`));
  return maps.get(file)?.(f.lineNumber, f.columnNumber) ?? `${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
};

// Self time per function of Consentry's own files, summed over the profiled loads, per load.
const self = new Map();
for (const p of profiles) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = p.timeDeltas;
  for (let i = 0; i < p.samples.length; i++) {
    const n = byId.get(p.samples[i]);
    const f = n.callFrame;
    if (!/consentry|chunks\/|vendors\/|i18n\//.test(f.url)) continue;
    const key = original(f);
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  }
}
// Inclusive time inside the guard's synchronous run: samples under consentry.min.js's top-level frame.
const incl = new Map();
let syncTotal = 0;
for (const p of profiles) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (let i = 0; i < p.samples.length; i++) {
    const stack = [];
    for (let id = p.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id));
    const top = stack.findLastIndex((n) => n.callFrame.url.endsWith('/consentry.min.js'));
    if (top < 0 || stack.slice(top + 1).some((n) => n.callFrame.url && !/^\(/.test(n.callFrame.functionName) && n.callFrame.url !== stack[top].callFrame.url)) continue;
    // Not a callback: the outermost guard frame must be the script itself (column 0 of line 1).
    if (stack[top].callFrame.lineNumber !== 0 || stack[top].callFrame.columnNumber > 1) continue;
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    syncTotal += ms;
    const seen = new Set();
    for (const n of stack.slice(0, top + 1)) {
      const k = n.callFrame.url.endsWith('/consentry.min.js') ? original(n.callFrame) : `${n.callFrame.functionName || '(anonymous)'} [native]`;
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + ms);
    }
  }
}
console.log(`\nInside the synchronous run at 4× (${(syncTotal / profiles.length).toFixed(1)} ms sampled per load), inclusive ms per load:`);
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${(v / profiles.length).toFixed(2).padStart(7)}  ${k}`);

const total = [...self.values()].reduce((a, b) => a + b, 0) / profiles.length;
console.log(`\nCPU profile of "${builds[0].label}" at 4× (${profiles.length} loads): Consentry self time ${total.toFixed(1)} ms per load; hottest (ms per load):`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${(v / profiles.length).toFixed(2).padStart(7)}  ${k}`);

await browser.close();
server.close();

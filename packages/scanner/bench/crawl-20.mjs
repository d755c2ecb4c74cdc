#!/usr/bin/env node
// The crawl budget: 20 pages, three passes each, in under 2 minutes on a small machine. A 20-page
// copy of the demo shop (Consentry, GA4 + Meta Pixel through config, Hotjar by markup) on loopback;
// vendor hosts answered by stubs, so the network is not measured. Needs `pnpm run build` first.
//   node packages/scanner/bench/crawl-20.mjs [--concurrency N]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';

const here = import.meta.dirname;
const root = join(here, '..', '..', '..');
const dist = join(root, 'packages/browser/dist');
if (!existsSync(join(here, '../dist/index.js')) || !existsSync(join(dist, 'consentry.min.js'))) {
  console.error('build first: pnpm run build');
  process.exit(2);
}
const { scan, writeOutputs } = await import('../dist/index.js');

const PAGES = 20;
const BUDGET_MS = 120_000;
const concurrency = Number(process.argv[process.argv.indexOf('--concurrency') + 1]) || 2;
const demo = readFileSync(join(root, 'examples/plain-html/index.html'), 'utf8').replace('http://127.0.0.1:8787/v1/consents', '/v1/consents');
const nav = (i) => Array.from({ length: 4 }, (_, k) => (i + k) % PAGES + 1).map((n) => `<a href="/page-${n}.html">Page ${n}</a>`).join('');
const page = (i) => demo.replace(/<nav>[\s\S]*?<\/nav>/, `<nav><a href="/">Home</a>${nav(i)}</nav>`).replace('<h1>', `<h1>Page ${i}: `);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (req.method === 'POST') return req.resume(), res.writeHead(201, { 'content-type': 'application/json' }), res.end('{}');
  const m = /^\/(?:page-(\d+)\.html)?$/.exec(path);
  if (m) return res.writeHead(200, { 'content-type': TYPES['.html'] }), res.end(page(Number(m[1] ?? 0)));
  for (const dir of [join(root, 'examples/plain-html'), dist]) {
    const file = join(dir, path);
    if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
      return res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }), res.end(readFileSync(file));
    }
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

// Consent-ignoring stand-ins at the vendors' URLs: they write cookies and send hits when loaded.
const STUBS = {
  'www.googletagmanager.com': "document.cookie='_ga=GA1.1.1.1; path=/; max-age=63072000'; navigator.sendBeacon('https://region1.google-analytics.com/g/collect?v=2&en=page_view');",
  'connect.facebook.net': "document.cookie='_fbp=fb.1.1.1; path=/; max-age=7776000'; new Image().src='https://www.facebook.com/tr?id=1234567890&ev=PageView';",
  'static.hotjar.com': "document.cookie='_hjSessionUser_3456789=x; path=/; max-age=31536000'; localStorage.setItem('_hjSessionStorageTest','1');",
};
const prepareContext = (context) =>
  context.route((u) => u.hostname !== '127.0.0.1', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (STUBS[host]) return route.fulfill({ status: 200, contentType: 'text/javascript', body: STUBS[host] });
    if (route.request().resourceType() === 'document') return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>embed</title>' });
    return route.fulfill({ status: 204, body: '' });
  });

const started = Date.now();
const onProgress = process.env.BENCH_VERBOSE ? (p) => p.lastDone && console.log(`  ${p.lastDone.url} ${p.lastDone.ms} ms (${((Date.now() - started) / 1000).toFixed(1)} s)`) : undefined;
const out = await scan({ url, pages: PAGES, concurrency, prepareContext, onProgress, browser: process.env.CHROMIUM_PATH });
const ms = Date.now() - started;
writeOutputs(out, mkdtempSync(join(tmpdir(), 'consentry-bench-')));
server.close();
// CPU the scan used, the browser's processes included (reaped children, /proc/self/stat fields 16-17),
// so a run on a machine shared with other work can be judged by what the scan itself needs.
const self = process.cpuUsage();
let browserCpu = NaN;
try {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  browserCpu = (Number(f[13]) + Number(f[14])) / 100;
} catch {}
const passes = out.report.pages.reduce((n, p) => n + Object.values(p.passes).filter(Boolean).length, 0);
console.log(`consentry scan: ${out.report.pages.length} pages, ${passes} passes, concurrency ${concurrency}, ${cpus().length} CPUs: ${(ms / 1000).toFixed(1)} s (budget ${BUDGET_MS / 1000} s) ${ms <= BUDGET_MS ? 'OK' : 'OVER BUDGET'}`);
console.log(`cpu: node ${((self.user + self.system) / 1e6).toFixed(1)} s + browser ${browserCpu.toFixed(1)} s; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
console.log(`verdicts: ${out.report.summary.violations} violations, ${out.report.summary.warnings} warnings`);
process.exit(ms <= BUDGET_MS && out.report.pages.length === PAGES ? 0 : 1);

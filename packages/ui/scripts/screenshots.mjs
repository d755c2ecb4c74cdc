// Screenshots of the banner and the preferences dialog, for review before reading code (docs/ui.md).
// Regenerate after any UI change: `pnpm screenshots` (builds first) or `node packages/ui/scripts/screenshots.mjs [out-dir]`.
// Uses the built script tag (packages/browser/dist) on the layout fixture page, in real Chromium.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const out = process.argv[2] ?? join(root, 'docs', 'screenshots');
const languages = (process.env.LANGS ?? 'en,lv,ru').split(',');
const sizes = (process.env.SIZES ?? '375x740,1280x800').split(',').map((s) => s.split('x').map(Number));
const themes = (process.env.THEMES ?? 'light,dark').split(',');
const dirs = [
  ['/e2e/', join(root, 'packages/browser/e2e/fixtures')],
  ['/', join(root, 'packages/browser/dist')],
  ['/', join(root, 'examples/plain-html')],
];
if (!existsSync(join(root, 'packages/browser/dist/consentry.min.js'))) {
  console.error('packages/browser/dist/consentry.min.js is missing: run `pnpm build` first.');
  process.exit(1);
}

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  for (const [prefix, dir] of dirs) {
    if (!path.startsWith(prefix)) continue;
    const file = join(dir, path.slice(prefix.length) || 'index.html');
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) continue;
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
    return res.end(readFileSync(file));
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
mkdirSync(out, { recursive: true });
const written = [];
try {
  for (const theme of themes) {
    const context = await browser.newContext({ colorScheme: theme === 'dark' ? 'dark' : 'light' });
    // No third party is contacted: vendor scripts are never needed for a screenshot.
    await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
    for (const lang of languages) {
      for (const [width, height] of sizes) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height });
        await page.goto(`${base}/e2e/layout.html?lang=${lang}&theme=${theme}`);
        await page.waitForFunction(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('.b button'));
        await page.waitForTimeout(200);
        const name = (what) => join(out, `${what}-${lang}-${width}-${theme}.png`);
        await page.screenshot({ path: name('banner') });
        written.push(name('banner'));
        await page.evaluate(() => document.querySelector('consentry-ui').shadowRoot.querySelector('.b .a button:last-child').click());
        await page.waitForFunction(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('dialog.d[open]'));
        await page.waitForTimeout(100);
        await page.screenshot({ path: name('dialog') });
        written.push(name('dialog'));
        await page.close();
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${written.length} screenshots in ${out}`);

// Real-browser check of the banner and dialog: axe-core in both themes, reflow at 320 px and
// 200 % zoom, focus not obscured (WCAG 2.4.11). Until the end-to-end suite exists this is run by
// hand: CHROMIUM=/usr/bin/chromium node packages/ui/scripts/browser-check.mjs [screenshot-dir]
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js', { paths: [process.cwd()] }), 'utf8');
const shots = process.argv[2];

const bundle = await build({
  stdin: {
    contents: `
      import { createConsent, createMemoryCookies } from '@consentry/core';
      import { createConsentUI, lv } from './src/index.ts';
      window.start = (config, vendors) => {
        window.consent = createConsent(config, { cookies: createMemoryCookies(), gpc: false, secure: false });
        window.ui = createConsentUI(window.consent, { vendors, texts: { lv } });
      };`,
    resolveDir: new URL('..', import.meta.url).pathname,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  write: false,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  charset: 'utf8',
});
const script = bundle.outputFiles[0].text;

const vendors = [
  { id: 'google-analytics', name: 'Google Analytics', category: 'statistics', purpose: 'Measures how visitors use the site.', privacyPolicy: 'https://policies.google.com/privacy', cookies: [{ name: '_ga', duration: '2 years' }, { name: '_ga_XXXXXXXXXXXXXXXXXXXX', duration: '2 years' }] },
  { id: 'meta-pixel', name: 'Meta Pixel', category: 'targeting', purpose: 'Measures ad conversions.', privacyPolicy: 'https://www.facebook.com/privacy/policy', cookies: [{ name: '_fbp', duration: '3 months' }] },
];
const paragraphs = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} with <a href="#l${i}">link ${i}</a>.</p>`).join('');
const html = (lang) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>t</title></head><body><main><h1>Page</h1>${paragraphs}</main><script>${script}</script></body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
};

async function open({ width = 1280, height = 800, theme = 'light', layout = 'bar', lang = 'en', scheme = 'light' } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
  await page.setContent(html(lang));
  await page.evaluate(
    ([c, v]) => window.start(c, v),
    [{ revision: 1, language: 'auto', theme, layout, categories: { functional: {}, statistics: {}, targeting: {} }, vendors: { 'google-analytics': { id: 'G-TEST1', category: 'statistics' }, 'meta-pixel': { id: '123', category: 'targeting' } }, links: { privacyPolicy: '/privacy', cookiePolicy: '/cookies' } }, vendors],
  );
  await page.addScriptTag({ content: axeSource });
  return page;
}

async function axe(page, what) {
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  check(result.length === 0, `axe ${what}${result.length ? `\n       ${result.join('\n       ')}` : ''}`);
}

for (const [theme, scheme] of [['light', 'light'], ['dark', 'light'], ['auto', 'dark']]) {
  const page = await open({ theme, scheme });
  await axe(page, `banner, theme ${theme} (${scheme} scheme)`);
  if (shots) await page.screenshot({ path: `${shots}/banner-${theme}.png` });
  await page.evaluate(() => window.ui.showPreferences());
  await axe(page, `preferences dialog, theme ${theme}`);
  if (shots) await page.screenshot({ path: `${shots}/dialog-${theme}.png` });
  await page.close();
}

for (const layout of ['box', 'modal']) {
  const page = await open({ layout });
  await axe(page, `layout ${layout}`);
  if (shots) await page.screenshot({ path: `${shots}/layout-${layout}.png` });
  await page.close();
}

// 1.4.10 at 320 px and 1.4.4 at 200 % zoom (1280 px at 200 % = 640 CSS px)
for (const [width, height, what] of [[320, 640, '320 px'], [640, 400, '200 % zoom of 1280×800']]) {
  const page = await open({ width, height, lang: 'lv' });
  const fits = () =>
    page.evaluate(() => {
      const root = document.querySelector('consentry-ui').shadowRoot;
      const boxes = [...root.querySelectorAll('.b, .d')];
      return {
        page: document.documentElement.scrollWidth <= innerWidth,
        ui: boxes.every((b) => b.scrollWidth <= b.clientWidth && b.getBoundingClientRect().right <= innerWidth + 0.5),
      };
    });
  let f = await fits();
  check(f.page && f.ui, `banner reflows at ${what} without horizontal scrolling`);
  await axe(page, `banner at ${what}`);
  const buttonsVisible = await page.evaluate(() =>
    [...document.querySelector('consentry-ui').shadowRoot.querySelectorAll('.b .btn')].every((b) => b.getBoundingClientRect().bottom <= innerHeight),
  );
  check(buttonsVisible, `all three banner buttons visible without scrolling at ${what}`);
  const sizes = await page.evaluate(() =>
    [...document.querySelector('consentry-ui').shadowRoot.querySelectorAll('.b .btn')].map((b) => {
      const r = b.getBoundingClientRect();
      return `${Math.round(r.width)}x${Math.round(r.height)}`;
    }),
  );
  check(new Set(sizes).size === 1, `banner buttons render at the same size at ${what} (${sizes.join(', ')})`);
  if (shots) await page.screenshot({ path: `${shots}/banner-${width}.png` });
  await page.evaluate(() => window.ui.showPreferences());
  f = await fits();
  check(f.page && f.ui, `dialog reflows at ${what} without horizontal scrolling`);
  await axe(page, `dialog at ${what}`);
  if (shots) await page.screenshot({ path: `${shots}/dialog-${width}.png`, fullPage: false });
  await page.close();
}

// 2.4.11: Tab through the page; no focused link may end up under the banner.
{
  const page = await open({ width: 800, height: 600 });
  let hidden = 0;
  await page.keyboard.press('Tab'); // skip link
  const first = await page.evaluate(() => document.activeElement.textContent);
  check(first === 'Skip to cookie consent', 'first Tab reaches the skip link');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const covered = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el.tagName !== 'A' || !el.closest('main')) return false;
      const banner = document.querySelector('consentry-ui').shadowRoot.querySelector('.b').getBoundingClientRect();
      return el.getBoundingClientRect().top >= banner.top;
    });
    if (covered) hidden++;
  }
  check(hidden === 0, `no page link hidden under the banner when focused (${hidden} hidden)`);
  await page.close();
}

// 2.4.11 inside the banner: at 320 px its text scrolls under a sticky row of decision buttons;
// Tab into it through the skip link; no link may end up entirely under that row.
{
  const page = await open({ width: 320, height: 480, lang: 'lv' });
  let hidden = 0;
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    hidden += await page.evaluate(() => {
      const root = document.querySelector('consentry-ui').shadowRoot;
      const el = root.activeElement;
      if (!el || el.closest('.a')) return 0;
      const bar = root.querySelector('.b .a').getBoundingClientRect();
      return el.getBoundingClientRect().top >= bar.top ? 1 : 0;
    });
  }
  check(hidden === 0, `no banner link hidden under its sticky buttons at 320×480 (${hidden} hidden)`);
  if (shots) await page.screenshot({ path: `${shots}/banner-320-focus.png` });
  await page.close();
}

await browser.close();
console.log(failures ? `${failures} check(s) failed` : 'all browser checks passed');
process.exit(failures ? 1 : 0);

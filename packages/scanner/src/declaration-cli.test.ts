// @vitest-environment happy-dom
// `consentry declaration`: the in-page declaration's tables as static HTML from the command line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { de, en, es, et, fr, lt, lv, pl, ru } from '@consentry/ui';
import { lvVendorTexts, ruVendorTexts } from '@consentry/vendors';
import { main } from './cli.js';

const DEMO_POLICY = join(import.meta.dirname, '../../../examples/plain-html/cookies.html');
const dir = mkdtempSync(join(tmpdir(), 'consentry-declaration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void) => new Writable({ write: (c: Buffer, _e, cb) => (add(c.toString()), cb()) }) as unknown as NodeJS.WriteStream;
  const code = await main(['declaration', ...argv], { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  return { code, out, err };
}
/** Table captions and rows (cell texts) of the HTML, read with the DOM as a browser would. */
function tables(html: string) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return Array.from(doc.querySelectorAll('table')).map((t) => ({
    category: t.getAttribute('data-category'),
    lang: t.getAttribute('lang'),
    caption: t.querySelector('caption')?.textContent,
    headers: Array.from(t.querySelectorAll('thead th[scope="col"]')).map((th) => th.textContent),
    rows: Array.from(t.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent)),
  }));
}

describe('consentry declaration', () => {
  const tablesByLang = { en, lv, ru, et, lt, de, fr, es, pl };
  for (const [lang, table] of Object.entries(tablesByLang)) {
    it(`writes the demo's declaration in ${lang}: a table per category, headers and captions in ${lang}`, async () => {
      const { code, out, err } = await run('--config', DEMO_POLICY, '--lang', lang);
      expect(err).toBe('');
      expect(code).toBe(0);
      const t = tables(out);
      expect(t.map((x) => x.category)).toEqual(['necessary', 'functional', 'statistics', 'targeting']);
      expect(t.map((x) => x.caption)).toEqual(['necessary', 'functional', 'statistics', 'targeting'].map((c) => table[`category.${c}.title` as keyof typeof table]));
      expect(t[0]!.headers).toEqual(['name', 'type', 'provider', 'purpose', 'lifetime', 'category'].map((c) => table[`declaration.${c}` as keyof typeof table]));
      expect(new Set(t.map((x) => x.lang))).toEqual(new Set([lang]));
      const names = t.flatMap((x) => x.rows.map((r) => r[0]));
      for (const cookie of ['consentry', 'site_lang', '_ga', '_fbp']) expect(names).toContain(cookie);
    });
  }

  it('uses the catalog purposes of the language, and the site service texts from the config', async () => {
    const { out } = await run('--config', DEMO_POLICY, '--lang', 'lv');
    const rows = tables(out).flatMap((t) => t.rows);
    expect(rows.find((r) => r[0] === '_fbp')![3]).toBe(lvVendorTexts['vendor.meta-pixel.purpose']);
    const ruRows = tables((await run('--config', DEMO_POLICY, '--lang', 'ru')).out).flatMap((t) => t.rows);
    expect(ruRows.find((r) => r[0] === '_ga')![3]).toBe(ruVendorTexts['vendor.google-analytics.purpose']);
    expect(rows.find((r) => r[0] === 'consentry')![4]).toBe('365 dienas; 182 dienas pēc atteikuma');
  });

  it('reads a JSON config, writes to --out, and keeps config strings as text', async () => {
    const config = join(dir, 'consentry.json');
    writeFileSync(config, JSON.stringify({ categories: { functional: {} }, vendors: { chat: { category: 'functional', name: '<img src=x onerror=alert(1)>', purpose: 'Chat', cookies: [{ name: 'chat_id', lifetime: '30 days' }] } } }));
    const file = join(dir, 'out.html');
    const { code, out } = await run('--config', config, '--lang', 'en', '--out', file);
    expect(code).toBe(0);
    expect(out).toBe('');
    const html = readFileSync(file, 'utf8');
    expect(html).not.toContain('<img');
    expect(tables(html).find((t) => t.category === 'functional')!.rows).toEqual([['chat_id', 'Cookie', '<img src=x onerror=alert(1)> (This website)', 'Chat', '30 days', 'Functional']]);
  });

  it('a bad config or argument exits 2 with the config path or the fix', async () => {
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ vendors: { 'meta-pixle': { id: '1234567890' } } }));
    const bad = await run('--config', config);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('vendors.meta-pixle');
    expect(bad.err).toContain('meta-pixel');
    expect((await run('--config', DEMO_POLICY, '--lang', 'xx')).err).toContain('--lang must be one of en, lv, ru');
    expect((await run()).code).toBe(2);
    writeFileSync(join(dir, 'page.html'), '<!doctype html><p>no config</p>');
    expect((await run('--config', join(dir, 'page.html'))).err).toContain('has no <script type="application/json" id="consentry-config">');
  });
});

import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { loadChunk, registry } from './chunks.js';

let errors: string[];
let appended: HTMLScriptElement[];
beforeEach(() => {
  errors = [];
  appended = [];
  // Keep happy-dom from trying (and failing) to fetch: the test plays the browser's part.
  vi.spyOn(document.head, 'appendChild').mockImplementation((node) => (appended.push(node as HTMLScriptElement), node));
  vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args.join(' ')));
  delete window.__consentry;
});
afterEach(() => vi.restoreAllMocks());

const lastScript = () => appended[appended.length - 1]!;

it('loads <base><kind>/<name>.js with the config nonce and resolves to what the file registered', async () => {
  const p = loadChunk<{ ok: boolean }>('https://cdn.example.com/consentry/', 'vendors', 'hotjar', 'abc123');
  const script = lastScript();
  expect(script.getAttribute('src')).toBe('https://cdn.example.com/consentry/vendors/hotjar.js');
  expect(script.nonce).toBe('abc123');
  expect(script.async).toBe(true);
  registry('vendors').hotjar = { ok: true }; // what the file does when it runs
  script.dispatchEvent(new Event('load'));
  await expect(p).resolves.toEqual({ ok: true });
  expect(errors).toEqual([]);
});

it('fails closed with an actionable error when the file is missing or blocked', async () => {
  const p = loadChunk('/', 'chunks', 'proof');
  lastScript().dispatchEvent(new Event('error'));
  await expect(p).resolves.toBeNull();
  expect(errors.join('\n')).toContain('could not load /chunks/proof.js; deploy the dist/chunks/ folder next to consentry.min.js');
});

it('gives up after the timeout when one is set (language files), and fetches nothing already present', async () => {
  vi.useFakeTimers();
  const p = loadChunk('/', 'i18n', 'lv', undefined, 2500);
  vi.advanceTimersByTime(2500);
  await expect(p).resolves.toBeNull();
  vi.useRealTimers();
  registry('i18n').de = { 'banner.title': 'x' };
  const before = appended.length;
  await expect(loadChunk('/', 'i18n', 'de')).resolves.toEqual({ 'banner.title': 'x' });
  expect(appended.length).toBe(before);
});

import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { afterFirstPaint, loadChunk, registry } from './chunks.js';

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

const nextTask = () => new Promise((r) => setTimeout(r, 0));

it('with a gate, requests the file as a nonced preload in the next task (not in the guard\'s synchronous run) and runs it only once the gate opens', async () => {
  let open: () => void = () => {};
  const gate = new Promise<void>((r) => (open = r));
  const p = loadChunk<{ ok: boolean }>('/', 'chunks', 'experience', 'n0nce', 0, gate);
  expect(appended).toEqual([]);
  await nextTask();
  expect(appended).toHaveLength(1);
  const link = appended[0]!.firstChild as HTMLLinkElement;
  expect([link.tagName, link.rel, link.as, link.getAttribute('href'), link.nonce]).toEqual(['LINK', 'preload', 'script', '/chunks/experience.js', 'n0nce']);
  open();
  await gate;
  await Promise.resolve();
  expect(appended.map((n) => n.tagName)).toEqual([undefined, 'SCRIPT']);
  registry('chunks').experience = { ok: true };
  lastScript().dispatchEvent(new Event('load'));
  await expect(p).resolves.toEqual({ ok: true });
});

it('opens the paint gate after a frame, at once in a hidden tab, and at the latest after the fallback', async () => {
  vi.useFakeTimers();
  const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0); // a frame that never comes
  let opened = false;
  void afterFirstPaint(3000).then(() => (opened = true));
  await vi.advanceTimersByTimeAsync(2999);
  expect(opened).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(opened).toBe(true);
  raf.mockImplementation((fn) => (fn(0), 0));
  let afterFrame = false;
  void afterFirstPaint().then(() => (afterFrame = true));
  await vi.advanceTimersByTimeAsync(0);
  expect(afterFrame).toBe(true);
  vi.useRealTimers();
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  await expect(afterFirstPaint()).resolves.toBeUndefined();
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});

it('inserts the preloads of one synchronous run together, in one insertion', async () => {
  const gate = new Promise<void>(() => {});
  void loadChunk('/', 'chunks', 'experience', undefined, 0, gate);
  void loadChunk('/', 'vendors', 'hotjar', undefined, 0, gate);
  expect(appended).toEqual([]);
  await nextTask();
  expect(appended).toHaveLength(1);
  const batch = appended[0] as unknown as DocumentFragment;
  expect(Array.from(batch.childNodes, (n) => (n as HTMLLinkElement).getAttribute('href'))).toEqual(['/chunks/experience.js', '/vendors/hotjar.js']);
});

/**
 * Lazy files next to consentry.min.js (dist/i18n/<lang>.js, dist/vendors/<id>.js, dist/chunks/*.js):
 * fetched only when a page needs them, each registering what it carries on `window.__consentry`.
 * Loaded as plain `<script async>` elements with the config nonce, so a strict CSP that allows
 * consentry.min.js's directory allows them too.
 */
export type Registry = Record<string, Record<string, unknown>>;

declare global {
  interface Window {
    __consentry?: Registry;
  }
}

/** `window.__consentry[kind]`, created on first use: where lazy files put what they carry. */
export function registry(kind: string): Record<string, unknown> {
  const all = (window.__consentry ??= {});
  return (all[kind] ??= {});
}

/**
 * Loads `<base><kind>/<name>.js` once; resolves to what it registered under `kind`/`name`, or null
 * (offline, blocked by CSP, missing, timed out) after logging why. Callers treat null as "off".
 * With `after`, the bytes are requested early (a nonced `<link rel="preload">` in the next task, in
 * parallel with the page) but the file runs only once `after` settles: stage 2 must not run before the page's
 * first paint, and a script added by script runs as soon as it arrives.
 */
export function loadChunk<T>(base: string, kind: string, name: string, nonce?: string, timeoutMs = 0, after?: Promise<void>): Promise<T | null> {
  const read = () => registry(kind)[name] as T | undefined;
  const have = read();
  if (have) return Promise.resolve(have);
  const url = `${base}${kind}/${name}.js`;
  if (after) preload(url, nonce);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const value = read();
      if (!value) console.error(`[consentry] could not load ${url}; deploy the dist/${kind}/ folder next to consentry.min.js and allow it in your CSP. What it carries stays off.`);
      resolve(value ?? null);
    };
    const insert = () => {
      const script = document.createElement('script');
      if (timeoutMs) timer = setTimeout(done, timeoutMs);
      script.src = url;
      script.async = true;
      if (nonce) script.nonce = nonce;
      script.onload = script.onerror = done;
      document.head.appendChild(script);
    };
    if (after) void after.then(insert);
    else insert();
  });
}

let preloads: DocumentFragment | null = null;

/**
 * A nonced `<link rel="preload">`, inserted in the next task with the others of this run: inserting
 * one starts its request inside the insertion (most of loadChunk's time in the guard's CPU profile), which the guard's
 * synchronous run, holding the parser, must not pay. The request still starts before the page's first paint.
 */
function preload(url: string, nonce?: string): void {
  if (!preloads) {
    preloads = document.createDocumentFragment();
    setTimeout(() => {
      document.head.appendChild(preloads!);
      preloads = null;
    }, 0);
  }
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'script';
  link.href = url;
  if (nonce) link.nonce = nonce;
  preloads.appendChild(link);
}

/**
 * Settles once the page has painted its content: when the browser reports the first contentful
 * paint, or else once parsing is done and two frames have passed (a page with nothing contentful of
 * its own), at once in a hidden tab (it paints nothing), and at the latest after `fallbackMs` (a
 * frame that is never rendered). Until then stage 2 must not run: a script added by script runs as
 * soon as it arrives, and its work would hold the paint.
 */
export function afterFirstPaint(fallbackMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') return resolve();
    setTimeout(resolve, fallbackMs);
    try {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length) {
          observer.disconnect();
          setTimeout(resolve, 0);
        }
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      // No paint timing here: the frames below decide.
    }
    const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', frames, { once: true });
    else frames();
  });
}

/**
 * The directory consentry.min.js (or consentry.esm.js) was loaded from, so lazy files are found
 * beside it. Call it while the script first runs: `currentScript` is only set then. (In the IIFE
 * build `import.meta.url` is compiled to `undefined`; in the module build it is the file's URL.)
 */
export function scriptBase(): string {
  const src = (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url;
  return src ? src.slice(0, src.lastIndexOf('/') + 1) : '/';
}

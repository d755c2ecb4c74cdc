import type { LoadContext } from './types.js';

/** What every vendor snippet does: an async script element, appended to <head>, with our nonce. */
export function injectScript(src: string, context: LoadContext, setup?: (script: HTMLScriptElement) => void): HTMLScriptElement {
  const script = document.createElement('script');
  script.async = true;
  if (context.nonce) script.nonce = context.nonce;
  setup?.(script);
  script.src = src;
  (document.head ?? document.documentElement).appendChild(script);
  return script;
}

/**
 * The site pasted this vendor's own tag as well (`<script src>` with this URL prefix, released or
 * still held by the blocker): loading it a second time would double every hit.
 */
export function pasted(urlPrefix: string): boolean {
  for (const script of Array.from(document.scripts)) if (script.src.startsWith(urlPrefix)) return true;
  return false;
}

/** The page's global object, typed loosely: vendor snippets set their own globals on it. */
export function win(): Record<string, any> {
  return window as unknown as Record<string, any>;
}

/** The snippet convention `window.x = window.x || []`. */
export function queue(name: string): unknown[] {
  const w = win();
  if (!Array.isArray(w[name])) w[name] = [];
  return w[name] as unknown[];
}

/** Google's `gtag()`: pushes the real `arguments` object, the only shape gtag.js and GTM read as a command. */
export function gtagFor(dataLayerName = 'dataLayer'): (...args: unknown[]) => void {
  return function gtag() {
    // eslint-disable-next-line prefer-rest-params
    queue(dataLayerName).push(arguments);
  };
}

/** Param as a string (config values are scalars). */
export function str(value: unknown): string {
  return value === undefined ? '' : String(value);
}

/** The Google tag (gtag.js) for one tag id: the official snippet that GA4 and Google Ads share. */
export function loadGtag(params: Readonly<Record<string, unknown>>, context: LoadContext): void {
  const id = str(params.id);
  const layer = context.dataLayerName ?? 'dataLayer';
  if (pasted(`https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(id)}`)) return;
  const w = win();
  if (typeof w.gtag !== 'function') w.gtag = gtagFor(layer);
  w.gtag('js', new Date());
  w.gtag('config', id);
  injectScript(`https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(id)}${layer === 'dataLayer' ? '' : `&l=${encodeURIComponent(layer)}`}`, context);
}

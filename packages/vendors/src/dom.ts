import type { LoadContext } from './types.js';

export type Bag = Record<string, unknown>;

export const isBag = (v: unknown): v is Bag => (typeof v === 'object' && v !== null) || typeof v === 'function';

/** The page's global object as a bag of values (vendor snippets hang their globals on it). */
export const globals = (): Bag => window as unknown as Bag;

/** The value at a dotted path from `window`, and its owner. */
export function resolve(path: string): [owner: Bag | undefined, value: unknown] {
  let owner: Bag | undefined;
  let value: unknown = globals();
  for (const key of path.split('.')) {
    owner = isBag(value) ? value : undefined;
    value = owner?.[key];
  }
  return [owner, value];
}

/** Sets a dotted path, making plain objects on the way. */
export function assign(path: string, value: unknown, keep = false): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let bag = globals();
  for (const key of keys) {
    if (!isBag(bag[key])) bag[key] = {};
    bag = bag[key] as Bag;
  }
  if (!keep || bag[last] === undefined) bag[last] = value;
}

/** The snippet convention `x = x || []`; a lone object already there becomes the queue's first item. */
export function queueAt(path: string): { push: (...items: unknown[]) => unknown } {
  const [, current] = resolve(path);
  if (Array.isArray(current) || (isBag(current) && typeof current.push === 'function')) return current as { push: (...items: unknown[]) => unknown };
  const fresh: unknown[] = current === undefined || current === null ? [] : [current];
  assign(path, fresh);
  return fresh as unknown as { push: (...items: unknown[]) => unknown };
}

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

/** Google's `gtag()`: pushes the real `arguments` object, the only shape gtag.js and GTM read as a command. */
export function gtagFor(dataLayerName = 'dataLayer'): (...args: unknown[]) => void {
  return function gtag() {
    // eslint-disable-next-line prefer-rest-params
    queueAt(dataLayerName).push(arguments);
  };
}

/** The page's global object as a bag of values: vendor snippets set their own globals on it. */
export const win = (): Bag => globals();

/** Param as a string (config values are scalars). */
export function str(value: unknown): string {
  return value === undefined ? '' : String(value);
}

/** The Google tag (gtag.js) for one tag id: the official snippet that GA4 and Google Ads share. */
export function loadGtag(params: Readonly<Record<string, unknown>>, context: LoadContext): void {
  const id = str(params.id);
  const layer = context.dataLayerName ?? 'dataLayer';
  if (pasted(`https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(id)}`)) return;
  const w = globals();
  if (typeof w.gtag !== 'function') w.gtag = gtagFor(layer);
  const gtag = w.gtag as (...args: unknown[]) => void;
  gtag('js', new Date());
  gtag('config', id);
  injectScript(`https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(id)}${layer === 'dataLayer' ? '' : `&l=${encodeURIComponent(layer)}`}`, context);
}

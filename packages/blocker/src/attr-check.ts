import { holdingRule, primaryRule } from './context.js';
import { autoHeld } from './gated-scripts.js';
import { natives } from './natives.js';
import type { BlockerContext } from './context.js';
import type { VendorRule } from './types.js';

/**
 * The HTML standard's JavaScript MIME type essence matches (Chromium runs every one of them), and
 * `module`; compared trimmed and lower-cased. A type with parameters is judged by its essence, so a
 * script the browser might run is held rather than let through (holding an inert one costs nothing).
 */
const JS_TYPES = new Set(
  ('|module|text/javascript|application/javascript|application/ecmascript|application/x-ecmascript|application/x-javascript|' +
    'text/ecmascript|text/jscript|text/livescript|text/x-ecmascript|text/x-javascript|text/javascript1.0|text/javascript1.1|' +
    'text/javascript1.2|text/javascript1.3|text/javascript1.4|text/javascript1.5').split('|'),
);

export function isExecutableType(type: string | null): boolean {
  if (type === null) return true;
  const t = type.trim().toLowerCase();
  return JS_TYPES.has(t) || JS_TYPES.has(t.split(';')[0]!.trim());
}

/**
 * Attribute local names the check has an opinion on (lower case). Any other name costs one Set lookup:
 * `src`… load a URL; `type` runs a script; `srcdoc` makes a document; `to`/`from`/`by`/`values` are
 * what SMIL writes into an SVG `href`; `content`/`http-equiv` make a meta refresh.
 */
export const WATCHED = new Set(
  'src srcset href poster data background imagesrcset ping attributionsrc srcdoc type to from by values content http-equiv'.split(' '),
);
/** Names whose value is fetched (or posted to), whatever the element; `href` is handled per element. */
const URL_NAMES = new Set('src srcset poster data background imagesrcset ping attributionsrc'.split(' '));
const SMIL = new Set(['set', 'animate']);
const SMIL_VALUES = new Set(['to', 'from', 'by', 'values']);
const UPPER_OR_PREFIX = /[A-Z:]/;
const URL_LIST = /[\s,]+/;
const SMIL_LIST = /[\s;]+/;
const REFRESH_LIST = /[\s;,'"=]+/;

/** The lower-case local name when the check watches it, else null (prefixes: `xlink:href`, `foo:href`). */
export function watchedName(qname: string): string | null {
  if (WATCHED.has(qname)) return qname;
  if (!UPPER_OR_PREFIX.test(qname)) return null;
  const local = qname.slice(qname.indexOf(':') + 1).toLowerCase();
  return WATCHED.has(local) ? local : null;
}

/** The scheme as the URL parser reads it: tabs and newlines anywhere, C0 controls and spaces in front, are dropped. */
export function schemeOf(url: string): string {
  const m = /^[\x00-\x20]*([a-z][a-z\d+.\-\t\n\r]*):/i.exec(url);
  return m ? m[1]!.replace(/[\t\n\r]/g, '').toLowerCase() : '';
}

/** blob: URLs the page made (URL.createObjectURL), with their Blob; HTML ones made safe when built. */
export const blobs = new Map<string, Blob>();
export const cleanBlobs = new WeakSet<Blob>();
const INERT_BLOB = /^(application\/pdf|image\/(png|gif|jpeg|webp|avif|bmp)|video\/|audio\/|text\/plain|application\/json)/i;

/**
 * Whether a frame (iframe, frame, object, embed, meta refresh) may navigate to this URL, apart from its
 * host: a `javascript:` or `data:` document runs where no interceptor reaches in time (data: is an opaque origin),
 * and a `blob:` document is page-written HTML, let through only when the blocker cleaned it at creation.
 */
export function frameUrlRefused(url: string, object = false): boolean {
  const scheme = schemeOf(url);
  if (scheme === 'javascript' || scheme === 'filesystem') return true;
  if (scheme === 'data') return !(object && /^[\x00-\x20]*data:image\/(png|gif|jpeg|webp|avif|bmp)[;,]/i.test(url.replace(/[\t\n\r]/g, '')));
  if (scheme === 'blob') {
    const blob = blobs.get(url.replace(/[\t\n\r]/g, '').trim().split('#')[0]!);
    return !blob || (!INERT_BLOB.test(blob.type) && !cleanBlobs.has(blob));
  }
  return false;
}

const scriptUrl = (s: Element): string => {
  const get = natives().getAttribute;
  return (get.call(s, 'src') || get.call(s, 'href') || get.call(s, 'xlink:href') || '') as string;
};

/**
 * Holds a script that points at a non-granted vendor: it becomes `type="text/plain"` before it can be
 * connected or fetched, and gated markup for that vendor. `type` is the type it would have. True when held.
 * Written with the native methods: nothing of the page runs while the blocker writes.
 */
export function holdScript(ctx: BlockerContext, script: Element, url: string, type = natives().getAttribute.call(script, 'type') as string | null): boolean {
  if (ctx.trusted.has(script)) return false;
  if (autoHeld.has(script as HTMLScriptElement)) return true;
  if (!isExecutableType(type)) return false;
  const rules = ctx.hosts(url);
  if (!rules || !holdingRule(ctx, rules)) return false;
  const rule = primaryRule(ctx, rules) as VendorRule;
  autoHeld.set(script as HTMLScriptElement, type);
  ctx.heldBy.set(script, rules);
  const set = natives().setAttribute;
  set.call(script, 'type', 'text/plain');
  // Kept for a copy made from markup (document.write, parsed fragments): released as gated markup.
  if (type) set.call(script, 'data-type', type);
  set.call(script, 'data-vendor', rule.id);
  set.call(script, 'data-consentry', 'held');
  ctx.report('script', rule, url);
  return true;
}

/** Holds an iframe pointing at a non-granted vendor: its URL moves to `data-src`, a placeholder follows. */
export function holdIframe(ctx: BlockerContext, iframe: HTMLIFrameElement, url: string): boolean {
  if (!url || url === 'about:blank') return false;
  const rules = ctx.hosts(url);
  if (!rules || !holdingRule(ctx, rules)) return false;
  const rule = primaryRule(ctx, rules) as VendorRule;
  ctx.heldBy.set(iframe, rules);
  const n = natives();
  n.setAttribute.call(iframe, 'data-src', url);
  if (!n.hasAttribute.call(iframe, 'data-category') && !n.hasAttribute.call(iframe, 'data-vendor')) n.setAttribute.call(iframe, 'data-vendor', rule.id);
  // setAttribute, not the iframe's src setter: this may be a <frame>.
  if (n.getAttribute.call(iframe, 'src')) n.setAttribute.call(iframe, 'src', 'about:blank');
  ctx.report('iframe', rule, url);
  return true;
}

export interface ElementHookOptions {
  /** Scripts and iframes (automatic blocking of dynamically created elements). */
  scripts: boolean;
  /** Pixels, media, embeds and resource hints (held on withdrawal). */
  images: boolean;
  /** An iframe was held while connected: show its placeholder. */
  onIframeHeld(iframe: HTMLIFrameElement): void;
}

/** Decides one attribute write (`value` null: a removal). False: the write must not happen. */
export type AttrCheck = (el: Element, name: string, value: string | null) => boolean;

/**
 * The one check every attribute route goes through (setters, setAttribute*, Attr nodes, NamedNodeMap,
 * SVG animated strings, parsed markup). A held script keeps `type="text/plain"` whatever is asked of its
 * type; a frame's `srcdoc` gets the realm's interceptors first; a vendor URL on anything else is not written.
 * `frameDoc` turns page-written HTML for a frame into its cleaned, intercepted form.
 */
export function createAttrCheck(ctx: BlockerContext, opts: ElementHookOptions, frameDoc: (html: string) => string): AttrCheck {
  const n = natives();
  const held = (value: string, part: string): boolean => {
    const rule = part !== '' && holdingRule(ctx, ctx.hosts(part));
    if (rule) ctx.report('image', rule, value);
    return !!rule;
  };
  // One URL (the usual case) is looked up as it is, with no allocation; lists are split first.
  const refused = (value: string, split: RegExp): boolean => (split.test(value) ? value.split(split).some((part) => held(value, part)) : held(value, value));
  const refreshRefused = (content: string | null): boolean =>
    !!content && (content.split(REFRESH_LIST).some((t) => frameUrlRefused(t)) || refused(content, REFRESH_LIST));

  return (el, qname, value) => {
    const name = watchedName(qname);
    if (name === null || ctx.trusted.has(el)) return true;
    const tag = n.localName.call(el) as string;
    switch (tag) {
      case 'script':
        if (!opts.scripts) return true;
        if (name === 'type') {
          // Removing, toggling or rewriting the type of a held script (or of a copy of one) is remembered, not applied.
          if (!autoHeld.has(el as HTMLScriptElement) && !holdScript(ctx, el, scriptUrl(el), value)) return true;
          autoHeld.set(el as HTMLScriptElement, value);
          return false;
        }
        if (value !== null && (name === 'src' || name === 'href')) holdScript(ctx, el, value);
        return true;
      case 'iframe':
      case 'frame':
        if (value === null) return true;
        if (name === 'srcdoc') {
          const html = frameDoc(value);
          if (html === value) return true;
          n.setAttribute.call(el, 'srcdoc', html);
          return false;
        }
        if (name === 'src') {
          if (frameUrlRefused(value)) return false;
          if (!opts.scripts || !holdIframe(ctx, el as HTMLIFrameElement, value)) return true;
          if (el.isConnected) opts.onIframeHeld(el as HTMLIFrameElement);
          return false;
        }
        break;
      case 'object':
      case 'embed':
        if (value !== null && (name === 'data' || name === 'src') && frameUrlRefused(value, true)) return false;
        break;
      case 'meta':
        if (value === null) return true;
        if (name === 'content') return !/^\s*refresh\s*$/i.test((n.getAttribute.call(el, 'http-equiv') as string | null) ?? '') || !refreshRefused(value);
        if (name === 'http-equiv') return !/^\s*refresh\s*$/i.test(value) || !refreshRefused(n.getAttribute.call(el, 'content') as string | null);
        return true;
      case 'a':
      case 'area':
        // A link the visitor may follow is not a request; its ping is.
        if (name === 'href') return true;
        break;
      default:
        // SMIL writes these into the animated element's href: refused whatever attribute it names.
        if (SMIL.has(tag) && SMIL_VALUES.has(name)) return value === null || !opts.images || !refused(value, SMIL_LIST);
    }
    if (value === null || !opts.images || !(URL_NAMES.has(name) || name === 'href')) return true;
    return !refused(value, URL_LIST);
  };
}

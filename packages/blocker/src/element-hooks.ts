import { holdingRule, primaryRule } from './context.js';
import { autoHeld } from './gated-scripts.js';
import { patchAccessor, patchMethod } from './patch.js';
import type { BlockerContext } from './context.js';
import type { VendorRule } from './types.js';

const JS_TYPE = /^(|module|(text|application)\/(x-)?(java|ecma)script)$/i;
/** Attributes whose value the browser fetches (or, for ping, posts to). `href` only off links. */
const URL_ATTR = /^(src|srcset|href|poster|data|background|imagesrcset|ping)$/;
/** Every name the check has an opinion on; any other attribute costs this one test. */
const CHECKED = /^(xlink:)?(src|srcset|href|poster|data|background|imagesrcset|ping|srcdoc|type)$/i;

export function isExecutableType(type: string | null): boolean {
  return type === null || JS_TYPE.test(type.trim());
}

const scriptUrl = (s: Element) => s.getAttribute('src') || s.getAttribute('href') || s.getAttribute('xlink:href') || '';

/**
 * Holds a script that points at a non-granted vendor: it becomes `type="text/plain"` before it can be
 * connected or fetched, and gated markup for that vendor. `type` is the type it would have. True when held.
 */
export function holdScript(ctx: BlockerContext, script: Element, url: string, type = script.getAttribute('type')): boolean {
  if (ctx.inInternal || ctx.trusted.has(script)) return false;
  if (autoHeld.has(script as HTMLScriptElement)) return true;
  if (!isExecutableType(type)) return false;
  const rules = ctx.hosts(url);
  if (!rules || !holdingRule(ctx, rules)) return false;
  const rule = primaryRule(ctx, rules) as VendorRule;
  autoHeld.set(script as HTMLScriptElement, type);
  ctx.heldBy.set(script, rules);
  ctx.internal(() => {
    script.setAttribute('type', 'text/plain');
    // Kept for a copy made from markup (document.write, parsed fragments): released as gated markup.
    if (type) script.setAttribute('data-type', type);
    script.setAttribute('data-vendor', rule.id);
    script.setAttribute('data-consentry', 'held');
  });
  ctx.report('script', rule, url);
  return true;
}

/** Holds an iframe pointing at a non-granted vendor: its URL moves to `data-src`, a placeholder follows. */
export function holdIframe(ctx: BlockerContext, iframe: HTMLIFrameElement, url: string): boolean {
  if (ctx.inInternal || !url || url === 'about:blank') return false;
  const rules = ctx.hosts(url);
  if (!rules || !holdingRule(ctx, rules)) return false;
  const rule = primaryRule(ctx, rules) as VendorRule;
  ctx.heldBy.set(iframe, rules);
  ctx.internal(() => {
    iframe.setAttribute('data-src', url);
    if (!iframe.hasAttribute('data-category') && !iframe.hasAttribute('data-vendor')) iframe.setAttribute('data-vendor', rule.id);
    if (iframe.getAttribute('src')) iframe.src = 'about:blank';
  });
  ctx.report('iframe', rule, url);
  return true;
}

export interface ElementHookOptions {
  /** Scripts and iframes (automatic blocking of dynamically created elements). */
  scripts: boolean;
  /** Pixels, media, embeds and resource hints (a withdrawal guard). */
  images: boolean;
  /** An iframe was held while connected: show its placeholder. */
  onIframeHeld(iframe: HTMLIFrameElement): void;
}

/** Decides one attribute write (`value` null: a removal). False: the write must not happen. */
export type AttrCheck = (el: Element, name: string, value: string | null) => boolean;

/**
 * The one check every attribute route goes through (setters, setAttribute*, Attr nodes, NamedNodeMap,
 * parsed markup). A held script keeps `type="text/plain"` whatever is asked of its type; a frame's
 * `srcdoc` gets the realm guard first; a vendor URL on anything else is not written.
 */
export function createAttrCheck(ctx: BlockerContext, opts: ElementHookOptions, srcdoc: (html: string) => string): AttrCheck {
  return (el, qname, value) => {
    if (!CHECKED.test(qname) || ctx.inInternal || ctx.trusted.has(el)) return true;
    const name = qname.slice(qname.indexOf(':') + 1).toLowerCase();
    const tag = el.localName;
    if (tag === 'script') {
      if (!opts.scripts) return true;
      if (name === 'type') {
        // Removing, toggling or rewriting the type of a held script (or of a copy of one) is remembered, not applied.
        if (!autoHeld.has(el as HTMLScriptElement) && !holdScript(ctx, el, scriptUrl(el), value)) return true;
        autoHeld.set(el as HTMLScriptElement, value);
        return false;
      }
      if (value !== null && (name === 'src' || name === 'href')) holdScript(ctx, el, value);
      return true;
    }
    if (value === null) return true;
    if (tag === 'iframe' || tag === 'frame') {
      if (name === 'srcdoc') {
        const html = srcdoc(value);
        if (html === value) return true;
        ctx.internal(() => el.setAttribute('srcdoc', html));
        return false;
      }
      if (name === 'src') {
        // A javascript: or data: document would run in a realm no guard can reach in time.
        if (/^\s*(javascript|data):/i.test(value)) return false;
        if (!opts.scripts || !holdIframe(ctx, el as HTMLIFrameElement, value)) return true;
        if (el.isConnected) opts.onIframeHeld(el as HTMLIFrameElement);
        return false;
      }
    }
    if (!opts.images || !URL_ATTR.test(name) || (name === 'href' && (tag === 'a' || tag === 'area'))) return true;
    for (const part of value.split(/[\s,]+/)) {
      const rule = holdingRule(ctx, ctx.hosts(part));
      if (rule) {
        ctx.report('image', rule, value);
        return false;
      }
    }
    return true;
  };
}

/** IDL properties that write a URL (or a script's type) without going through setAttribute. */
const PROPS = 'src srcset href poster data ping srcdoc background type'.split(' ');

type Win = Window & typeof globalThis;
type Args = [Element | undefined, string, string | null];

/**
 * Guards at the prototype level, so every way of creating an element is covered (createElement,
 * cloneNode, new Image(), parsed fragments later given a URL, another realm's methods on our nodes).
 */
export function installElementHooks(w: Win, allow: AttrCheck): void {
  const maps = new WeakMap<NamedNodeMap, Element>();
  const E = w.Element.prototype;
  const M = w.NamedNodeMap.prototype;
  // Every element interface of the realm (so future or legacy ones too): the check returns at once
  // for properties that do not load anything on that element (an input's type, a link's href).
  for (const name of Object.getOwnPropertyNames(w)) {
    const proto = /^HTML\w*Element$/.test(name) ? (w as unknown as Record<string, { prototype?: object } | undefined>)[name]?.prototype : undefined;
    for (const prop of PROPS) {
      if (proto && Object.getOwnPropertyDescriptor(proto, prop)?.set) patchAccessor(proto, prop, null, (set) => function (this: unknown, v: unknown) {
        if (allow(this as Element, prop, String(v))) set.call(this, v);
      });
    }
  }
  const hook = (proto: object, method: string, pick: (self: never, a: never[]) => Args) =>
    patchMethod(proto as Record<string, unknown>, method, (original) => function (this: unknown, ...a: unknown[]) {
      const [el, name, value] = pick(this as never, a as never[]);
      if (el && !allow(el, String(name), value)) return undefined;
      return (original as (...x: unknown[]) => unknown).apply(this, a);
    });
  const node = (el: Element | undefined, a: Attr[], remove?: boolean): Args => [el, a[0]!.name, remove ? null : a[0]!.value];
  hook(E, 'setAttribute', (t: Element, a: string[]) => [t, a[0]!, String(a[1])]);
  hook(E, 'setAttributeNS', (t: Element, a: string[]) => [t, a[1]!, String(a[2])]);
  hook(E, 'removeAttribute', (t: Element, a: string[]) => [t, a[0]!, null]);
  hook(E, 'removeAttributeNS', (t: Element, a: string[]) => [t, a[1]!, null]);
  hook(E, 'toggleAttribute', (t: Element, a: Array<string | boolean | undefined>) => [t, String(a[0]), (a[1] ?? !t.hasAttribute(String(a[0]))) ? '' : null]);
  hook(E, 'setAttributeNode', (t: Element, a: Attr[]) => node(t, a));
  hook(E, 'setAttributeNodeNS', (t: Element, a: Attr[]) => node(t, a));
  hook(E, 'removeAttributeNode', (t: Element, a: Attr[]) => node(t, a, true));
  hook(M, 'setNamedItem', (t: NamedNodeMap, a: Attr[]) => node(maps.get(t), a));
  hook(M, 'setNamedItemNS', (t: NamedNodeMap, a: Attr[]) => node(maps.get(t), a));
  hook(M, 'removeNamedItem', (t: NamedNodeMap, a: string[]) => [maps.get(t), a[0]!, null]);
  hook(M, 'removeNamedItemNS', (t: NamedNodeMap, a: string[]) => [maps.get(t), a[1]!, null]);
  // A NamedNodeMap does not expose its element: remember it when the page asks for one.
  patchAccessor(E, 'attributes', (get) => function (this: unknown) {
    const map = get.call(this) as NamedNodeMap;
    maps.set(map, this as Element);
    return map;
  });
  // An attached Attr node written directly: `attr.value`, `attr.nodeValue`, `attr.textContent`.
  for (const [proto, prop] of [[w.Attr.prototype, 'value'], [w.Node.prototype, 'nodeValue'], [w.Node.prototype, 'textContent']] as const) {
    patchAccessor(proto, prop, null, (set) => function (this: unknown, v: unknown) {
      const attr = this as Attr;
      const owner = attr.nodeType === 2 ? attr.ownerElement : null;
      if (!owner || allow(owner, attr.name, String(v))) set.call(this, v);
    });
  }
}

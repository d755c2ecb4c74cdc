import { blobs, cleanBlobs, watchedName } from './attr-check.js';
import { once } from './natives.js';
import { patchAccessor, patchMethod } from './patch.js';
import type { AttrCheck } from './attr-check.js';

export { createAttrCheck, holdIframe, holdScript, isExecutableType } from './attr-check.js';
export type { AttrCheck, ElementHookOptions } from './attr-check.js';

/**
 * Every IDL property of HTML and SVG that writes a URL (or a script's type, a meta refresh) without going
 * through setAttribute, by interface. One fixed table instead of a walk over the window: start-up costs
 * a descriptor look-up per row, and interfaces that cannot load anything carry no hook at all.
 * (MathML elements load nothing in Chromium: no URL property to hold.) A row the browser lacks is skipped.
 */
const PROPS: ReadonlyArray<readonly [string, string]> = [
  ['HTMLScriptElement', 'src type attributionSrc'],
  ['HTMLImageElement', 'src srcset attributionSrc'],
  ['HTMLSourceElement', 'src srcset'],
  ['HTMLMediaElement', 'src'],
  ['HTMLVideoElement', 'poster'],
  ['HTMLTrackElement', 'src'],
  ['HTMLInputElement', 'src'],
  ['HTMLEmbedElement', 'src'],
  ['HTMLObjectElement', 'data'],
  ['HTMLIFrameElement', 'src srcdoc'],
  ['HTMLFrameElement', 'src'],
  ['HTMLLinkElement', 'href imageSrcset'],
  ['HTMLBaseElement', 'href'],
  ['HTMLAnchorElement', 'ping attributionSrc'],
  ['HTMLAreaElement', 'ping'],
  ['HTMLBodyElement', 'background'],
  ['HTMLMetaElement', 'content httpEquiv'],
];
/** SVG elements whose `href` (an SVGAnimatedString) loads: its `baseVal` writes the attribute natively. */
const SVG_HREF = ['SVGScriptElement', 'SVGImageElement', 'SVGUseElement', 'SVGFEImageElement'];
/** `attributionSrc` → `attributionsrc`, `httpEquiv` → `http-equiv`. */
const attrName = (prop: string) => (prop === 'httpEquiv' ? 'http-equiv' : prop.toLowerCase());
/** Blob types a frame renders as a document the blocker can clean as HTML. */
const HTML_TYPE = /^\s*text\/html\s*(;|$)/i;

type Win = Window & typeof globalThis;
type AnyFn = (this: unknown, ...a: unknown[]) => unknown;
type Ctor = new (...a: unknown[]) => object;

/**
 * Interceptors at the prototype level, so every way of creating an element is covered (createElement,
 * cloneNode, new Image(), new Audio(url), parsed fragments later given a URL, another realm's methods on
 * our nodes). Each value is converted to a string once: the check sees what the browser gets.
 * `frameDoc` cleans page-written HTML for a frame (srcdoc, an HTML Blob) and adds the realm's interceptors.
 */
export function installElementHooks(w: Win, allow: AttrCheck, frameDoc: (html: string) => string): void {
  const g = w as unknown as Record<string, { prototype: object } | undefined>;
  for (const [iface, props] of PROPS) {
    const proto = g[iface]?.prototype;
    if (!proto) continue;
    for (const prop of props.split(' ')) {
      const name = attrName(prop);
      if (Object.getOwnPropertyDescriptor(proto, prop)?.set) patchAccessor(proto, prop, null, (set) => function (this: unknown, v: unknown) {
        // A string (nearly always) needs no conversion and no allocation.
        if (typeof v === 'string') {
          if (allow(this as Element, name, v)) set.call(this, v);
          return;
        }
        const { text, pass } = once(v);
        if (allow(this as Element, name, text)) set.call(this, pass);
      });
    }
  }

  // SVG `href.baseVal = url`: the animated string does not expose its element; remember it when handed out.
  const owners = new WeakMap<object, Element>();
  for (const iface of SVG_HREF) {
    const proto = g[iface]?.prototype;
    if (proto) patchAccessor(proto, 'href', (get) => function (this: unknown) {
      const animated = get.call(this) as object;
      owners.set(animated, this as Element);
      return animated;
    });
  }
  const animated = g.SVGAnimatedString?.prototype;
  if (animated) patchAccessor(animated, 'baseVal', null, (set) => function (this: unknown, v: unknown) {
    const el = owners.get(this as object);
    const { text, pass } = once(v);
    if (!el || allow(el, 'href', text)) set.call(this, pass);
  });

  // `new Audio(url)` sets its src natively: construct without it, then set it through the checked setter.
  patchMethod(w as unknown as Record<string, Ctor>, 'Audio', (Original) =>
    new Proxy(Original, {
      construct(target, args, newTarget) {
        const audio = Reflect.construct(target, [], newTarget) as HTMLAudioElement;
        if (args[0] !== undefined) audio.src = once(args[0]).text;
        return audio;
      },
    }),
  );

  // A frame navigated to a blob: URL shows page-written HTML: an HTML Blob is cleaned (and gets the realm
  // interceptors) when it is built; any other HTML-capable Blob is refused as a frame document (attr-check.ts).
  for (const name of ['Blob', 'File']) {
    patchMethod(w as unknown as Record<string, Ctor>, name, (Original) =>
      new Proxy(Original, {
        construct(target, args, newTarget) {
          const [parts, ...rest] = args as [unknown, ...unknown[]];
          const options = rest[rest.length - 1] as { type?: unknown } | undefined;
          const text = HTML_TYPE.test(String(options?.type ?? '')) && Array.isArray(parts) ? readText(parts) : null;
          if (text === null) return Reflect.construct(target, args, newTarget) as object;
          const blob = Reflect.construct(target, [[frameDoc(text)], ...rest], newTarget) as Blob;
          cleanBlobs.add(blob);
          return blob;
        },
      }),
    );
  }
  if (typeof w.URL === 'function') {
    patchMethod(w.URL as unknown as Record<string, AnyFn>, 'createObjectURL', (original) => function (this: unknown, obj: unknown) {
      const url = original.call(this, obj) as string;
      if (obj instanceof w.Blob || obj instanceof Blob) blobs.set(url, obj as Blob);
      return url;
    });
    patchMethod(w.URL as unknown as Record<string, AnyFn>, 'revokeObjectURL', (original) => function (this: unknown, url: unknown) {
      blobs.delete(String(url));
      return original.call(this, url);
    });
  }

  installAttributeMethods(w, allow);
}

/** The text of Blob parts that are all strings or bytes (readable now); null when one is a Blob. */
function readText(parts: unknown[]): string | null {
  let text = '';
  const decoder = new TextDecoder();
  for (const p of parts) {
    if (typeof p === 'string') text += p;
    else if (ArrayBuffer.isView(p) || p instanceof ArrayBuffer) text += decoder.decode(p as ArrayBuffer);
    else return null;
  }
  return text;
}

/** setAttribute and every other attribute API, each converting its value once. */
function installAttributeMethods(w: Win, allow: AttrCheck): void {
  const maps = new WeakMap<NamedNodeMap, Element>();
  const E = w.Element.prototype as unknown as Record<string, AnyFn>;
  const M = w.NamedNodeMap.prototype as unknown as Record<string, AnyFn>;

  // The hot ones: an unwatched name costs a Set lookup before the native call. Fixed parameters, no
  // `arguments` (which doubles the cost of every call); a missing value is passed on as undefined.
  patchMethod(E, 'setAttribute', (original) => function (this: unknown, name: unknown, value: unknown) {
    const qname = typeof name === 'string' ? name : String(name);
    if (watchedName(qname) === null) return original.call(this, qname, value);
    if (typeof value === 'string') return allow(this as Element, qname, value) ? original.call(this, qname, value) : undefined;
    const { text, pass } = once(value);
    return allow(this as Element, qname, text) ? original.call(this, qname, pass) : undefined;
  });
  patchMethod(E, 'setAttributeNS', (original) => function (this: unknown, ns: unknown, name: unknown, value: unknown) {
    const qname = String(name);
    const { text, pass } = once(value);
    return allow(this as Element, qname, text) ? original.call(this, ns, qname, pass) : undefined;
  });
  patchMethod(E, 'removeAttribute', (original) => function (this: unknown, name: unknown) {
    const qname = typeof name === 'string' ? name : String(name);
    return watchedName(qname) === null || allow(this as Element, qname, null) ? original.call(this, qname) : undefined;
  });

  type Pick = (self: never, a: never[]) => [Element | undefined, string, string | null];
  const hook = (proto: Record<string, AnyFn>, method: string, pick: Pick) =>
    patchMethod(proto, method, (original) => function (this: unknown, ...a: unknown[]) {
      const [el, name, value] = pick(this as never, a as never[]);
      if (el && !allow(el, name, value)) return undefined;
      return original.apply(this, a);
    });
  const node = (el: Element | undefined, a: Attr[], remove?: boolean): [Element | undefined, string, string | null] => [el, a[0]!.name, remove ? null : a[0]!.value];
  hook(E, 'removeAttributeNS', (t: Element, a: string[]) => [t, String(a[1]), null]);
  hook(E, 'toggleAttribute', (t: Element, a: Array<string | boolean | undefined>) => [t, String(a[0]), (a[1] ?? !t.hasAttribute(String(a[0]))) ? '' : null]);
  hook(E, 'setAttributeNode', (t: Element, a: Attr[]) => node(t, a));
  hook(E, 'setAttributeNodeNS', (t: Element, a: Attr[]) => node(t, a));
  hook(E, 'removeAttributeNode', (t: Element, a: Attr[]) => node(t, a, true));
  hook(M, 'setNamedItem', (t: NamedNodeMap, a: Attr[]) => node(maps.get(t), a));
  hook(M, 'setNamedItemNS', (t: NamedNodeMap, a: Attr[]) => node(maps.get(t), a));
  hook(M, 'removeNamedItem', (t: NamedNodeMap, a: string[]) => [maps.get(t), String(a[0]), null]);
  hook(M, 'removeNamedItemNS', (t: NamedNodeMap, a: string[]) => [maps.get(t), String(a[1]), null]);
  // A NamedNodeMap does not expose its element: remember it when the page asks for one.
  patchAccessor(w.Element.prototype, 'attributes', (get) => function (this: unknown) {
    const map = get.call(this) as NamedNodeMap;
    maps.set(map, this as Element);
    return map;
  });
  // An attached Attr node written directly: `attr.value`, `attr.nodeValue`, `attr.textContent`.
  for (const [proto, prop] of [[w.Attr.prototype, 'value'], [w.Node.prototype, 'nodeValue'], [w.Node.prototype, 'textContent']] as const) {
    patchAccessor(proto, prop, null, (set) => function (this: unknown, v: unknown) {
      const attr = this as Attr;
      const owner = attr.nodeType === 2 ? attr.ownerElement : null;
      if (!owner) return set.call(this, v);
      const { text, pass } = once(v);
      if (allow(owner, attr.name, text)) set.call(this, pass);
    });
  }
}

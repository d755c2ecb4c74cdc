import { holdsGated } from './auto-block.js';
import { holdingRule } from './context.js';
import { watchedName } from './attr-check.js';
import { natives, once } from './natives.js';
import { patchAccessor, patchMethod } from './patch.js';
import type { BlockerContext } from './context.js';
import type { AttrCheck } from './attr-check.js';

/** Elements that may carry something the check refuses (SVG ones by name: an `xlink:href` may have any prefix). */
const SELECTOR =
  'script,iframe,frame,object,embed,meta,set,animate,template,image,use,feImage,feimage,[src],[srcset],[href],[poster],[data],[background],[imagesrcset],[ping],[srcdoc],[attributionsrc]';

/**
 * Puts markup that reached a document without an attribute API (parsed, cloned, adopted from another
 * document) through the same attribute check, including `<template>` contents and open shadow roots
 * (declarative shadow DOM). `scripts: false` leaves scripts alone where the parser already made them inert
 * (innerHTML-style fragments), so they do not become releasable markup.
 */
export function sweep(allow: AttrCheck, root: Node, scripts = true): void {
  const n = natives();
  const found = (root as ParentNode).querySelectorAll?.(SELECTOR) ?? [];
  const list: Element[] = root.nodeType === 1 ? [root as Element, ...found] : Array.from(found);
  for (const el of list) {
    const tag = n.localName.call(el) as string;
    if (tag === 'template') sweep(allow, (el as HTMLTemplateElement).content, scripts);
    if (el.shadowRoot) sweep(allow, el.shadowRoot, scripts);
    if (!scripts && tag === 'script') continue;
    for (const qname of el.getAttributeNames()) {
      // `type` is a write to judge, not a value to take out: a held script's own type stays.
      const name = watchedName(qname);
      if (name === null || name === 'type') continue;
      const value = n.getAttribute.call(el, qname) as string | null;
      // A held frame or script rewrote itself; anything else refused loses the attribute.
      if (value !== null && !allow(el, qname, value) && n.getAttribute.call(el, qname) === value) n.removeAttribute.call(el, qname);
    }
  }
}

/**
 * Markup that can load anything has one of these attribute names, or an element whose `href` loads
 * (`<link>`, `<base>`, SVG). Attribute names are never entity-decoded, so this is a safe pre-filter.
 */
const MAY_LOAD = /\b(src|srcset|srcdoc|poster|data|background|ping|imagesrcset|attributionsrc)\s*=|<(link|base|svg|meta)/i;
/** Elements and attributes with more to them than a URL: such markup is always parsed and checked. */
const PARSE = /<(svg|base|meta|link|i?frame|object|embed)|srcdoc/i;
/**
 * Every value of a loading attribute, as the HTML tokenizer delimits it. The search resumes right after
 * each `name=`, so a real attribute is found even when a false match (inside another value) came first.
 */
const LOADS = /\b(?:src|srcset|poster|data|background|ping|imagesrcset|attributionsrc)\s*=\s*("[^"]*"|'[^']*'|[^\t\n\f\r >]*)/gi;

const LIST = /[\s,]+/;
const HTTP = /^https?:\/\//i;

/**
 * True when no loading attribute of the markup can hold a vendor URL now: each value is read without
 * parsing (no character reference in it, so it reads as the browser will), and any scheme other than
 * http(s) goes to the full check. The common `innerHTML` of first-party images costs a regular expression.
 */
function firstPartyOnly(ctx: BlockerContext, html: string): boolean {
  if (PARSE.test(html)) return false;
  LOADS.lastIndex = 0;
  for (let m = LOADS.exec(html); m; m = LOADS.exec(html)) {
    LOADS.lastIndex = m.index + m[0].length - m[1]!.length;
    let value = m[1]!;
    if (value.charCodeAt(0) === 34 || value.charCodeAt(0) === 39) value = value.slice(1, -1);
    if (value.includes('&')) return false;
    for (const part of LIST.test(value) ? value.split(LIST) : [value]) {
      if (!part) continue;
      if (part.includes(':') && !HTTP.test(part)) return false;
      if (holdingRule(ctx, ctx.hosts(part))) return false;
    }
  }
  return true;
}

/** HTML given as a string, with what the attribute check refuses taken out; untouched when nothing is refused. */
export function cleanHtml(ctx: BlockerContext, allow: AttrCheck, html: string, scripts: boolean): string {
  if (!MAY_LOAD.test(html) || firstPartyOnly(ctx, html)) return html;
  // A template's content belongs to a document without a browsing context: parsing it loads nothing.
  // The native setter: no page code (a patched prototype, an observer) runs for the blocker's parse.
  const n = natives();
  const t = n.createElement.call(document, 'template') as HTMLTemplateElement;
  n.innerHTML.call(t, html);
  const before = n.innerHTMLGet.call(t) as string;
  sweep(allow, t.content, scripts);
  const after = n.innerHTMLGet.call(t) as string;
  return after === before ? html : after;
}

const INSERTIONS =
  'Node:appendChild,insertBefore,replaceChild Element:append,prepend,before,after,replaceWith,insertAdjacentElement,replaceChildren ' +
  'Document:append,prepend,replaceChildren,importNode,adoptNode DocumentFragment:append,prepend,replaceChildren ' +
  'CharacterData:before,after,replaceWith DocumentType:before,after,replaceWith Range:insertNode,surroundContents';

/** Insertions with a fixed argument list (the node first, or second for insertAdjacentElement). */
/** Markup that brings a script or an iframe (gated content to scan once it is in). */
const GATED = /<(script|iframe)/i;
const FIXED = new Set(['appendChild', 'insertBefore', 'replaceChild', 'insertAdjacentElement', 'importNode', 'adoptNode', 'insertNode', 'surroundContents']);

type Win = Window & typeof globalThis;
type AnyFn = (this: unknown, ...a: unknown[]) => unknown;

/**
 * String sinks (innerHTML and kin, createContextualFragment, document.write, parseHTMLUnsafe,
 * execCommand('insertHTML')) are cleaned before the browser parses them; nodes entering a document
 * (insertion, import, adoption) are swept first. `inserted` runs after each: a frame that came with them
 * is reachable now and gets its interceptors.
 */
export function installMarkupHooks(ctx: BlockerContext, w: Win, allow: AttrCheck, inserted: (gated: boolean) => void): void {
  const get = (name: string) => (w as unknown as Record<string, { prototype: object } | undefined>)[name]?.prototype;
  /** The markup to hand the browser: the value converted once (a TrustedHTML stays one) unless cleaning changed it. */
  let gated = false;
  const clean = (v: unknown, scripts: boolean): unknown => {
    gated = false;
    if (v === null) return v; // innerHTML's null is the empty string: nothing to clean
    const { text, pass } = once(v);
    gated = GATED.test(text);
    const out = cleanHtml(ctx, allow, text, scripts);
    return out === text ? pass : out;
  };
  for (const [ctor, prop] of [['Element', 'innerHTML'], ['Element', 'outerHTML'], ['ShadowRoot', 'innerHTML']] as const) {
    const proto = get(ctor);
    if (proto) patchAccessor(proto, prop, null, (set) => function (this: unknown, v: unknown) {
      set.call(this, clean(v, false));
      inserted(gated);
    });
  }
  // [constructor, method, index of the HTML argument (-1: all of them, joined), scripts run?]
  for (const [ctor, method, at, scripts] of [
    ['Element', 'insertAdjacentHTML', 1, false],
    ['Element', 'setHTMLUnsafe', 0, false],
    ['ShadowRoot', 'setHTMLUnsafe', 0, false],
    ['Range', 'createContextualFragment', 0, true],
    ['Document', 'write', -1, true],
    ['Document', 'writeln', -1, true],
  ] as const) {
    const proto = get(ctor);
    if (proto) patchMethod(proto as Record<string, AnyFn>, method, (original) => function (this: unknown, ...a: unknown[]) {
      const args = at < 0 ? [clean(a.join(''), scripts)] : (a.splice(at, 1, clean(a[at], scripts)), a);
      const result = original.apply(this, args);
      inserted(gated);
      return result;
    });
  }
  // A new document from a string (its declarative shadow roots may be closed: unreachable once parsed).
  const D = w.Document as unknown as Record<string, AnyFn> | undefined;
  if (D && typeof D.parseHTMLUnsafe === 'function') {
    patchMethod(D, 'parseHTMLUnsafe', (original) => function (this: unknown, html: unknown, ...rest: unknown[]) {
      return original.call(this, clean(html, false), ...rest);
    });
  }
  // Editing commands parse HTML into the page's own document, past every other hook.
  const doc = get('Document') as Record<string, AnyFn> | undefined;
  if (doc) patchMethod(doc, 'execCommand', (original) => function (this: unknown, ...a: unknown[]) {
    if (/^inserthtml$/i.test(String(a[0])) && a.length > 2) a[2] = clean(a[2], false);
    const result = original.apply(this, a);
    inserted(gated);
    return result;
  });
  // Nodes of this document got every URL through a checked API; another document's did not.
  const check = (self: unknown, node: unknown): void => {
    if (node !== null && typeof node === 'object' && (node as Node).nodeType && (node as Node).ownerDocument !== ((self as Node).ownerDocument ?? self)) sweep(allow, node as Node);
  };
  for (const group of INSERTIONS.split(' ')) {
    const [ctor, methods] = group.split(':') as [string, string];
    const proto = get(ctor) as Record<string, AnyFn> | undefined;
    for (const method of methods.split(',')) {
      if (!proto) continue;
      // appendChild and kin take the node first and a fixed count: no rest array on the hot path.
      if (FIXED.has(method)) {
        patchMethod(proto, method, (original) => function (this: unknown, a: unknown, b: unknown) {
          const node = method === 'insertAdjacentElement' ? b : a;
          check(this, node);
          // Before: a fragment is empty once inserted.
          const gated = holdsGated(node);
          const result = original.call(this, a, b);
          inserted(gated);
          return result;
        });
      } else {
        patchMethod(proto, method, (original) => function (this: unknown, ...a: unknown[]) {
          let gated = false;
          for (const node of a) {
            check(this, node);
            gated ||= holdsGated(node);
          }
          const result = original.apply(this, a);
          inserted(gated);
          return result;
        });
      }
    }
  }
}

import { patchAccessor, patchMethod } from './patch.js';
import type { BlockerContext } from './context.js';
import type { AttrCheck } from './element-hooks.js';

const SELECTOR = 'script,[src],[srcset],[href],[poster],[data],[background],[imagesrcset],[ping],[srcdoc]';
const NAMES = 'src srcset href xlink:href poster data background imagesrcset ping srcdoc'.split(' ');

/**
 * Puts markup that reached a document without an attribute API (parsed, cloned, adopted from another
 * document) through the same attribute check. `scripts: false` leaves scripts alone where the parser
 * already made them inert (innerHTML-style fragments), so they do not become releasable markup.
 */
export function sweep(allow: AttrCheck, root: Node, scripts = true): void {
  const found = (root as ParentNode).querySelectorAll?.(SELECTOR) ?? [];
  for (const el of root.nodeType === 1 ? [root as Element, ...found] : found) {
    if (!scripts && el.localName === 'script') continue;
    for (const name of NAMES) {
      const value = el.getAttribute(name);
      // A held frame or script rewrote itself; anything else refused loses the attribute.
      if (value !== null && !allow(el, name, value) && el.getAttribute(name) === value) el.removeAttribute(name);
    }
  }
}

/**
 * Markup that can load anything has one of these attribute names, or an element whose `href` loads
 * (`<link>`, `<base>`, SVG). Attribute names are never entity-decoded, so this is a safe pre-filter:
 * the usual `innerHTML` of text and `<a href>` links costs one regular-expression test.
 */
const MAY_LOAD = /\b(src|srcset|srcdoc|poster|data|background|ping|imagesrcset)\s*=|<(link|base|svg)/i;

/** HTML given as a string, with what the attribute check refuses taken out; untouched when nothing is refused. */
export function cleanHtml(ctx: BlockerContext, allow: AttrCheck, html: string, scripts: boolean): string {
  if (ctx.inInternal || !MAY_LOAD.test(html)) return html;
  // A template's content belongs to a document without a browsing context: parsing it loads nothing.
  const t = document.createElement('template');
  ctx.internal(() => (t.innerHTML = html));
  const before = t.innerHTML;
  sweep(allow, t.content, scripts);
  const after = t.innerHTML;
  return after === before ? html : after;
}

const INSERTIONS =
  'Node:appendChild,insertBefore,replaceChild Element:append,prepend,before,after,replaceWith,insertAdjacentElement,replaceChildren ' +
  'Document:append,prepend,replaceChildren,importNode,adoptNode DocumentFragment:append,prepend,replaceChildren ' +
  'CharacterData:before,after,replaceWith DocumentType:before,after,replaceWith Range:insertNode,surroundContents';

type Win = Window & typeof globalThis;

/**
 * String sinks (innerHTML and kin, createContextualFragment, document.write) are cleaned before the
 * browser parses them; nodes entering a document (insertion, import, adoption) are swept first.
 * `inserted` runs after each: a frame that came with them is reachable now and gets its guard.
 */
export function installMarkupHooks(ctx: BlockerContext, w: Win, allow: AttrCheck, inserted: () => void): void {
  const get = (name: string) => (w as unknown as Record<string, { prototype: object } | undefined>)[name]?.prototype;
  const clean = (html: unknown, scripts: boolean) => cleanHtml(ctx, allow, String(html), scripts);
  for (const [ctor, prop] of [['Element', 'innerHTML'], ['Element', 'outerHTML'], ['ShadowRoot', 'innerHTML']] as const) {
    const proto = get(ctor);
    if (proto) patchAccessor(proto, prop, null, (set) => function (this: unknown, v: unknown) {
      set.call(this, clean(v, false));
      inserted();
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
    if (proto) patchMethod(proto as Record<string, unknown>, method, (original) => function (this: unknown, ...a: unknown[]) {
      const args = at < 0 ? [clean(a.join(''), scripts)] : (a.splice(at, 1, clean(a[at], scripts)), a);
      const result = (original as (...x: unknown[]) => unknown).apply(this, args);
      inserted();
      return result;
    });
  }
  for (const group of INSERTIONS.split(' ')) {
    const [ctor, methods] = group.split(':') as [string, string];
    const proto = get(ctor);
    for (const method of methods.split(',')) {
      if (proto) patchMethod(proto as Record<string, unknown>, method, (original) => function (this: Node, ...a: unknown[]) {
        if (!ctx.inInternal) {
          // Nodes of this document got every URL through a checked API; another document's did not.
          const doc = this.ownerDocument ?? this;
          for (const n of a as Node[]) if (n?.nodeType && n.ownerDocument !== doc) sweep(allow, n);
        }
        const result = (original as (...x: unknown[]) => unknown).apply(this, a);
        inserted();
        return result;
      });
    }
  }
}

import { holdsGated, observeInsertions } from './auto-block.js';
import { createAttrCheck, installElementHooks } from './element-hooks.js';
import { installInterceptors } from './interceptors.js';
import { cleanHtml, installMarkupHooks, sweep } from './markup.js';
import { dropNatives, takeNatives } from './natives.js';
import { patchAccessor, patchMethod, patches, unpatch } from './patch.js';
import type { BlockerContext } from './context.js';
import type { ElementHookOptions } from './element-hooks.js';
import type { Restore } from './patch.js';

type Win = Window & typeof globalThis;

export interface RealmOptions extends ElementHookOptions {
  /** Network, cookie and storage interceptors. */
  intercept: boolean;
}

const FRAMES = ['HTMLIFrameElement', 'HTMLFrameElement', 'HTMLObjectElement'];

/**
 * Every same-origin window the page can reach (a fresh about:blank or srcdoc frame, a document.open'ed
 * one, a popup) has its own untouched fetch, Image, createElement and sendBeacon. Each gets the same
 * hooks, synchronously, the moment it becomes reachable: a frame's insertion, `contentWindow` /
 * `contentDocument`, `window.open`, a frame's `load`, and (a srcdoc document) its first script.
 * `onFound` (automatic blocking on) runs when the parser added scripts or iframes to the page.
 */
export function installRealms(ctx: BlockerContext, opts: RealmOptions, onFound: (() => void) | null): Restore {
  const start = patches.length;
  const realms = new WeakSet<object>();
  const seen = new WeakSet<object>();
  const nonce = ctx.options.nonce;
  // The first script of a srcdoc document asks its parent for its own window: our getter intercepts it.
  const boot = `<script${nonce ? ` nonce="${nonce}"` : ''}>(frameElement||0).contentWindow</script>`;
  // Page-written HTML for a frame (srcdoc, an HTML Blob): cleaned, with the bootstrap first (after a
  // doctype, which must stay first to keep standards mode).
  const frameDoc = (html: string): string => {
    const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? '';
    // Already intercepted (read back and written again): the rest is still checked, it may have been appended to.
    const rest = html.slice(doctype.length + (html.startsWith(boot, doctype.length) ? boot.length : 0));
    return doctype + boot + cleanHtml(ctx, allow, rest, true);
  };
  takeNatives(globalThis as Win);
  const allow = createAttrCheck(ctx, opts, frameDoc);

  // Gated content added after parsing is reported by the hooks (the observer stops then): one scan per task.
  let parsing = true;
  let scheduled = false;
  const found = (): void => {
    if (parsing || !onFound || scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      onFound();
    });
  };

  const docs = new WeakSet<Document>();
  // A frame that navigated has a new window: intercepted before the page's own load handlers run.
  const onLoad = (e: Event): void => {
    if (/^(i?frame|object|embed)$/.test((e.target as Element).localName)) {
      const w = (e.target as Element).ownerDocument.defaultView;
      for (let i = 0; w && i < w.length; i++) coverRealm(w[i]);
    }
  };
  function listen(doc: Document): void {
    if (docs.has(doc)) return;
    docs.add(doc);
    doc.addEventListener('load', onLoad, true);
    patches.push(() => doc.removeEventListener('load', onLoad, true));
  }

  function coverRealm(target: unknown): void {
    let w: Win;
    try {
      // A Document (contentDocument) or a window; a cross-origin one throws here and is out of reach.
      w = ((target as Document).defaultView ?? target) as Win;
      // A realm reused for its frame's next document keeps its hooks; the new document needs the listener.
      listen(w.document);
      if (!w.Node || realms.has(w.Node)) return;
      realms.add(w.Node);
    } catch {
      return;
    }
    const frames = (): void => {
      for (let i = 0; i < w.length; i++) {
        const f = w[i] as Window;
        if (!seen.has(f)) coverRealm((seen.add(f), f));
      }
    };
    const inserted = (gated: boolean): void => {
      frames();
      if (gated) found();
    };
    installElementHooks(w, allow, frameDoc);
    installMarkupHooks(ctx, w, allow, inserted);
    if (opts.intercept) installInterceptors(ctx, w);
    for (const name of FRAMES) {
      const proto = (w as unknown as Record<string, { prototype: object } | undefined>)[name]?.prototype;
      for (const prop of ['contentWindow', 'contentDocument']) {
        if (proto) patchAccessor(proto, prop, (get) => function (this: unknown) {
          const inner = get.call(this);
          if (inner) coverRealm(inner);
          return inner;
        });
      }
    }
    patchMethod(w, 'open', (original) => function (this: Window, ...a: Parameters<Window['open']>) {
      const popup = original.apply(this, a);
      if (popup) coverRealm(popup);
      return popup;
    });
    frames();
  }

  coverRealm(globalThis);
  if (onFound) {
    patches.push(
      observeInsertions(
        (el) => {
          // What the parser inserts reached no hook.
          sweep(allow, el);
          return holdsGated(el);
        },
        onFound,
        () => (parsing = false),
      ),
    );
  }
  return () => {
    unpatch(start);
    dropNatives();
  };
}

import { holdingRule, primaryRule } from './context.js';
import { autoHeld } from './gated-scripts.js';
import { patchMethod, patchSetter } from './patch.js';
import type { BlockerContext } from './context.js';
import type { Restore } from './patch.js';
import type { VendorRule } from './types.js';

const JS_TYPE = /^(|module|(text|application)\/(x-)?(java|ecma)script)$/i;

export function isExecutableType(type: string | null): boolean {
  return type === null || JS_TYPE.test(type.trim());
}

/**
 * Holds a script that points at a non-granted vendor: it becomes `type="text/plain"` before it can be
 * connected or fetched, and gated markup for that vendor. Returns true when held.
 */
export function holdScript(ctx: BlockerContext, script: HTMLScriptElement, url: string): boolean {
  if (ctx.inInternal || ctx.trusted.has(script)) return false;
  if (autoHeld.has(script)) return true;
  const type = script.getAttribute('type');
  if (!isExecutableType(type)) return false;
  const rules = ctx.hosts(url);
  if (!rules || !holdingRule(ctx, rules)) return false;
  const rule = primaryRule(ctx, rules) as VendorRule;
  autoHeld.set(script, type);
  ctx.heldBy.set(script, rules);
  ctx.internal(() => {
    script.setAttribute('type', 'text/plain');
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
  /** Image pixels (a withdrawal guard). */
  images: boolean;
  /** An iframe was held while connected: show its placeholder. */
  onIframeHeld(iframe: HTMLIFrameElement): void;
}

/**
 * Guards at the prototype level, so every way of creating an element is covered (createElement,
 * cloneNode, new Image(), parsed fragments later given a src): `src` and `type` setters and setAttribute.
 */
export function installElementHooks(ctx: BlockerContext, opts: ElementHookOptions): Restore {
  const restores: Restore[] = [];

  function imageBlocked(url: string): boolean {
    if (ctx.inInternal) return false;
    const rule = holdingRule(ctx, ctx.hosts(url));
    if (!rule) return false;
    ctx.report('image', rule, url);
    return true;
  }

  function iframeHeld(iframe: HTMLIFrameElement, url: string): boolean {
    if (!holdIframe(ctx, iframe, url)) return false;
    if (iframe.isConnected) opts.onIframeHeld(iframe);
    return true;
  }

  if (opts.scripts) {
    restores.push(
      patchSetter(HTMLScriptElement.prototype, 'src', (set) => function (this: unknown, value: unknown) {
        holdScript(ctx, this as HTMLScriptElement, String(value));
        set.call(this, value);
      }),
      patchSetter(HTMLScriptElement.prototype, 'type', (set) => function (this: unknown, value: unknown) {
        const script = this as HTMLScriptElement;
        if (!ctx.inInternal && autoHeld.has(script)) autoHeld.set(script, String(value));
        else set.call(this, value);
      }),
      patchSetter(HTMLIFrameElement.prototype, 'src', (set) => function (this: unknown, value: unknown) {
        if (!iframeHeld(this as HTMLIFrameElement, String(value))) set.call(this, value);
      }),
    );
  }
  if (opts.images) {
    restores.push(
      patchSetter(HTMLImageElement.prototype, 'src', (set) => function (this: unknown, value: unknown) {
        if (!imageBlocked(String(value))) set.call(this, value);
      }),
    );
  }
  restores.push(
    patchMethod(Element.prototype, 'setAttribute', (original) => function (this: Element, name: string, value: string) {
      if (!ctx.inInternal && name.length <= 4) {
        const n = name.toLowerCase();
        if (n === 'src') {
          const url = String(value);
          if (opts.scripts && this instanceof HTMLScriptElement) holdScript(ctx, this, url);
          else if (opts.scripts && this instanceof HTMLIFrameElement && iframeHeld(this, url)) return;
          else if (opts.images && this instanceof HTMLImageElement && imageBlocked(url)) return;
        } else if (n === 'type' && opts.scripts && this instanceof HTMLScriptElement && autoHeld.has(this)) {
          autoHeld.set(this, String(value));
          return;
        }
      }
      original.call(this, name, value);
    }),
  );
  return () => {
    for (const restore of restores.reverse()) restore();
  };
}

import type { isElementGranted } from './context.js';
import type { readMarkupTarget } from './grants.js';
import type { frameUrlRefused } from './attr-check.js';
import type { natives } from './natives.js';
import { createPlaceholder } from './placeholder.js';
import type { ChoiceUpdate, OptionalCategory } from '@consentry/core';
import type { BlockerContext } from './context.js';

export const GATED_IFRAME_SELECTOR = 'iframe[data-src][data-category],iframe[data-src][data-vendor]';

interface Held {
  placeholder: HTMLElement;
  display: string;
}

function hostOf(url: string): string {
  try {
    return new URL(url, location.href).hostname;
  } catch {
    return url;
  }
}

/**
 * "Load content" grants that one vendor: switching its category on must not switch on the other
 * vendors of the category the visitor has not agreed to (core lets vendors follow a category switch).
 */
/**
 * What the gate shares with the blocker, handed over by it: stage 2 brings the gate (gated iframes,
 * placeholders) and uses stage 1's copies of these instead of carrying its own.
 */
export interface GateKit {
  isElementGranted: typeof isElementGranted;
  readMarkupTarget: typeof readMarkupTarget;
  frameUrlRefused: typeof frameUrlRefused;
  natives: typeof natives;
}

function grantOnly(ctx: BlockerContext, category: OptionalCategory, vendor: string | null): ChoiceUpdate {
  if (!vendor) return { [category]: true };
  const vendors: Record<string, boolean> = {};
  for (const v of Object.values(ctx.consent.config.vendors)) {
    if (v.category === category) vendors[v.id] = ctx.consent.isGranted({ vendor: v.id });
  }
  vendors[vendor] = true;
  return { [category]: true, vendors };
}

/**
 * Gated iframes: empty with a placeholder while not granted, `src` from `data-src` once granted,
 * and back to the placeholder (content unloaded) if consent is withdrawn later.
 */
export function createIframeGate(ctx: BlockerContext, kit: GateKit) {
  const { isElementGranted, readMarkupTarget, frameUrlRefused, natives } = kit;
  const held = new Map<HTMLIFrameElement, Held>();

  function loadContent(iframe: HTMLIFrameElement): void {
    const target = readMarkupTarget(iframe, ctx.consent, ctx.ruleById);
    if (!target.category) {
      console.error('Consentry: this iframe names no known category or vendor, so "Load content" cannot grant it', iframe);
      return;
    }
    const request = target.vendor ? { category: target.category, vendor: target.vendor } : { category: target.category };
    if (ctx.options.onLoadContent) ctx.options.onLoadContent(request);
    else ctx.consent.update(grantOnly(ctx, target.category, target.vendor));
  }

  function hold(iframe: HTMLIFrameElement): void {
    const src = iframe.getAttribute('data-src') ?? '';
    if (held.has(iframe)) return;
    // Unload content that was granted before (withdrawal), without our own src interceptor getting in the way.
    const current = iframe.getAttribute('src');
    if (current && current !== 'about:blank') {
      natives().iframeSrc.call(iframe, 'about:blank');
    }
    const target = readMarkupTarget(iframe, ctx.consent, ctx.ruleById);
    const placeholder = createPlaceholder(iframe, target.name ?? hostOf(src), ctx.texts, () => loadContent(iframe));
    held.set(iframe, { placeholder, display: iframe.style.display });
    iframe.style.display = 'none';
    iframe.before(placeholder);
  }

  function release(iframe: HTMLIFrameElement): void {
    const state = held.get(iframe);
    if (state) {
      state.placeholder.remove();
      iframe.style.display = state.display;
      held.delete(iframe);
    }
    const src = iframe.getAttribute('data-src');
    if (!src || iframe.getAttribute('src') === src) return;
    const go = (): void => {
      if (!held.has(iframe) && isElementGranted(ctx, iframe) && iframe.getAttribute('src') !== src && !frameUrlRefused(src)) natives().iframeSrc.call(iframe, src);
    };
    // Chromium does not navigate a frame whose src is set while the parser is still inserting it (the
    // observer runs then, on a returning visitor's page view): set it in the next task, if still granted.
    if (document.readyState === 'loading') setTimeout(go);
    else go();
  }

  return {
    /** Re-draws every placeholder with the current `ctx.texts` (a language table arrived). */
    retext(): void {
      for (const iframe of [...held.keys()]) {
        const state = held.get(iframe)!;
        state.placeholder.remove();
        held.delete(iframe);
        iframe.style.display = state.display;
        hold(iframe);
      }
    },
    scan(root: ParentNode): void {
      const list = Array.from(root.querySelectorAll<HTMLIFrameElement>(GATED_IFRAME_SELECTOR));
      if (root instanceof HTMLIFrameElement && root.matches(GATED_IFRAME_SELECTOR)) list.unshift(root);
      for (const iframe of list) {
        if (isElementGranted(ctx, iframe)) release(iframe);
        else hold(iframe);
      }
      for (const iframe of held.keys()) {
        if (!iframe.isConnected) {
          held.get(iframe)?.placeholder.remove();
          held.delete(iframe);
        }
      }
    },
  };
}

import { isVendorListed } from '@consentry/core';
import { holdingRule, isElementGranted, primaryRule } from './context.js';
import { reportUnlisted } from './grants.js';
import { natives } from './natives.js';
import type { BlockerContext } from './context.js';
import type { ReleaseJob } from './release-queue.js';

export const GATED_SCRIPT_SELECTOR = 'script[type="text/plain"][data-category],script[type="text/plain"][data-vendor]';
const SKIP = new Set(['type', 'data-type', 'data-src', 'nonce']);

/** Scripts held by the automatic blocker: released by re-inserting the same node, so handlers set on it survive. */
export const autoHeld = new WeakMap<HTMLScriptElement, string | null>();

function wantsOrder(script: HTMLScriptElement, src: string | null): boolean {
  return !!src && !script.hasAttribute('async');
}

/** Turn a held markup script into a real one: a fresh element (a browser never runs a node it already prepared). */
function releaseMarkup(ctx: BlockerContext, original: HTMLScriptElement): ReleaseJob {
  const src = original.getAttribute('src') ?? original.getAttribute('data-src');
  // Made and filled with the native methods, trusted first: no page code runs for the blocker.
  const script = natives().createElement.call(document, 'script') as HTMLScriptElement;
  ctx.trusted.add(script);
  fillScript(ctx, original, script, src);
  return {
    waitFor: wantsOrder(original, src) ? script : null,
    run: () => {
      if (original.isConnected) original.replaceWith(script);
    },
  };
}

function fillScript(ctx: BlockerContext, original: HTMLScriptElement, script: HTMLScriptElement, src: string | null): void {
  const set = natives().setAttribute;
  for (const attr of Array.from(original.attributes)) {
    if (!SKIP.has(attr.name) && attr.name !== 'src') set.call(script, attr.name, attr.value);
  }
  const realType = original.getAttribute('data-type');
  if (realType) set.call(script, 'type', realType);
  const nonce = ctx.options.nonce ?? (original.nonce || original.getAttribute('nonce'));
  if (nonce) script.nonce = nonce;
  // Dynamically inserted scripts are async by default; an unmarked one must keep document order.
  script.async = original.hasAttribute('async');
  if (src) script.src = src;
  else script.text = original.text;
  set.call(script, 'data-consentry', 'released');
}

/** Re-insert a script the automatic blocker held, with its real type back. */
function releaseHeld(ctx: BlockerContext, script: HTMLScriptElement, realType: string | null): ReleaseJob {
  return {
    waitFor: wantsOrder(script, script.getAttribute('src')) ? script : null,
    run: () => {
      ctx.trusted.add(script);
      autoHeld.delete(script);
      const parent = script.parentNode;
      if (!parent) return;
      const next = script.nextSibling;
      // Native methods and no switched-off interceptor: a customised built-in's callbacks run as page code.
      const n = natives();
      if (realType) n.setAttribute.call(script, 'type', realType);
      else n.removeAttribute.call(script, 'type');
      n.removeAttribute.call(script, 'data-consentry');
      const nonce = ctx.options.nonce;
      if (nonce && !script.nonce) script.nonce = nonce;
      n.removeChild.call(parent, script);
      n.insertBefore.call(parent, script, next);
    },
  };
}

/**
 * Markup decides by its attributes, but a catalog vendor's URL also needs that vendor granted: category-only
 * markup must not run a vendor the visitor was never shown (it is named in the dialog only when configured).
 */
function hostHeld(ctx: BlockerContext, el: HTMLScriptElement): boolean {
  const src = el.getAttribute('src') ?? el.getAttribute('data-src');
  if (!src) return false;
  const rules = ctx.hosts(src);
  if (!holdingRule(ctx, rules)) return false;
  const rule = primaryRule(ctx, rules!)!;
  if (!isVendorListed(ctx.consent.config, rule.id)) reportUnlisted(ctx.consent, rule.id);
  return true;
}

/** Jobs for every gated script under `root` that is granted now, in document order; each is queued once. */
export function collectScriptReleases(ctx: BlockerContext, root: ParentNode, queued: WeakSet<Element>): ReleaseJob[] {
  const jobs: ReleaseJob[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLScriptElement>(GATED_SCRIPT_SELECTOR))) {
    if (queued.has(el)) continue;
    if (!isElementGranted(ctx, el)) {
      // A pasted tracker of a catalog vendor the config does not list: tell the site owner why it never runs.
      const rules = autoHeld.has(el) ? ctx.heldBy.get(el) : undefined;
      const owner = rules && primaryRule(ctx, rules);
      if (owner && !isVendorListed(ctx.consent.config, owner.id)) reportUnlisted(ctx.consent, owner.id);
      continue;
    }
    if (!autoHeld.has(el) && hostHeld(ctx, el)) continue;
    queued.add(el);
    jobs.push(autoHeld.has(el) ? releaseHeld(ctx, el, autoHeld.get(el) ?? null) : releaseMarkup(ctx, el));
  }
  return jobs;
}

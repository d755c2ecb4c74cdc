import { isVendorListed, type Consent } from '@consentry/core';
import { isMarkupGranted } from './grants.js';
import type { HostMatcher } from './host-matcher.js';
import type { NameMatcher } from './name-matcher.js';
import type { BlockedKind, BlockerOptions, BlockerTexts, VendorRule } from './types.js';

/** What the blocker's parts share; built once in createBlocker. */
export interface BlockerContext {
  consent: Consent;
  options: BlockerOptions;
  texts: BlockerTexts;
  ruleById: ReadonlyMap<string, VendorRule>;
  hosts: HostMatcher;
  cookieNames: NameMatcher;
  storageNames: NameMatcher;
  /** Cached per consent change: the interceptors ask this on every request. */
  isRuleGranted(rule: VendorRule): boolean;
  /** Elements held automatically, with every rule owning their URL: any one granted releases them. */
  heldBy: WeakMap<Element, VendorRule[]>;
  /** Scripts the blocker released: the observer and interceptors never hold them again. */
  trusted: WeakSet<Element>;
  /** Run the blocker's own DOM writes past its interceptors. */
  internal<T>(fn: () => T): T;
  readonly inInternal: boolean;
  report(kind: BlockedKind, rule: VendorRule, target: string): void;
}

/** Whether held content may go now: automatic holds by their rules, markup by its attributes. */
export function isElementGranted(ctx: BlockerContext, el: Element): boolean {
  const rules = ctx.heldBy.get(el);
  if (rules) return rules.some((rule) => ctx.isRuleGranted(rule));
  return isMarkupGranted(el, ctx.consent, ctx.ruleById);
}

/** For naming and "Load content": prefer the owner the site configured (gtag.js is GA's for a GA site). */
export function primaryRule(ctx: BlockerContext, rules: VendorRule[]): VendorRule | undefined {
  return rules.find((rule) => isVendorListed(ctx.consent.config, rule.id)) ?? rules[0];
}

/** The first rule holding a match, or null when any matching rule is granted (shared hosts load for either owner). */
export function holdingRule(ctx: BlockerContext, rules: VendorRule[] | null): VendorRule | null {
  if (!rules) return null;
  for (const rule of rules) if (ctx.isRuleGranted(rule)) return null;
  return rules[0] ?? null;
}

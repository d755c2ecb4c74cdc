import { OPTIONAL_CATEGORIES } from '@consentry/core';
import type { Consent, OptionalCategory } from '@consentry/core';
import { cleanUp } from './cleanup.js';
import { holdingRule } from './context.js';
import { createIframeGate } from './gated-iframes.js';
import { collectScriptReleases } from './gated-scripts.js';
import { isVendorGranted } from './grants.js';
import { createHostMatcher } from './host-matcher.js';
import { createNameMatcher } from './name-matcher.js';
import { installRealms } from './realms.js';
import { createReleaseQueue } from './release-queue.js';
import { DEFAULT_TEXTS } from './texts.js';
import type { BlockerContext } from './context.js';
import type { Restore } from './patch.js';
import type { Blocker, BlockerOptions, CookieJar, VendorRule } from './types.js';

let active = false;

const documentJar: CookieJar = {
  read: () => document.cookie,
  write: (cookie) => {
    document.cookie = cookie;
  },
};

const inert: Blocker = { scan() {}, setTexts() {}, cleanup() {}, blockedBy: () => null, destroy() {} };

/**
 * Gates scripts and iframes until consent, holds catalog vendors' scripts, requests, cookies and storage
 * while they are not granted, and cleans up what a withdrawn vendor left. One blocker per page.
 */
export function createBlocker(consent: Consent, options: BlockerOptions = {}): Blocker {
  if (typeof document === 'undefined') return inert;
  if (active) {
    console.error('Consentry: a blocker is already running on this page; destroy() it before creating another.');
    return inert;
  }
  active = true;
  const rules = options.rules ?? [];
  const autoBlock = options.autoBlock !== false;
  const guardsOn = options.guards !== false;
  const jar = options.cookieJar ?? documentJar;
  let granted = new Map<VendorRule, boolean>();
  let grantedCategories = new Set<OptionalCategory>();
  let grantedVendors = new Set<string>();
  let depth = 0;

  const ctx: BlockerContext = {
    consent,
    options,
    texts: { ...DEFAULT_TEXTS, ...options.texts },
    ruleById: new Map(rules.map((rule) => [rule.id, rule])),
    hosts: createHostMatcher(rules, () => location.hostname),
    cookieNames: createNameMatcher(rules, (rule) => rule.cookies),
    storageNames: createNameMatcher(rules, (rule) => rule.storage),
    isRuleGranted: (rule) => granted.get(rule) === true,
    heldBy: new WeakMap(),
    trusted: new WeakSet(),
    internal(fn) {
      depth++;
      try {
        return fn();
      } finally {
        depth--;
      }
    },
    get inInternal() {
      return depth > 0;
    },
    report(kind, rule, target) {
      try {
        options.onBlocked?.({ kind, vendor: rule.id, target });
      } catch (error) {
        console.error('Consentry: onBlocked threw', error);
      }
    },
  };

  function computeGrants(): { revokedRules: Set<VendorRule>; withdrew: boolean } {
    const nextGranted = new Map(rules.map((rule) => [rule, isVendorGranted(consent, rule.id, rule.category)]));
    const nextCategories = new Set(OPTIONAL_CATEGORIES.filter((c) => consent.isGranted(c)));
    const nextVendors = new Set(Object.keys(consent.config.vendors).filter((id) => consent.isGranted({ vendor: id })));
    const revokedRules = new Set(rules.filter((rule) => granted.get(rule) === true && !nextGranted.get(rule)));
    const withdrew =
      revokedRules.size > 0 ||
      [...grantedCategories].some((c) => !nextCategories.has(c)) ||
      [...grantedVendors].some((v) => !nextVendors.has(v));
    granted = nextGranted;
    grantedCategories = nextCategories;
    grantedVendors = nextVendors;
    return { revokedRules, withdrew };
  }

  const queue = createReleaseQueue();
  const queued = new WeakSet<Element>();
  const iframes = createIframeGate(ctx);

  function scan(root: ParentNode = document): void {
    try {
      for (const job of collectScriptReleases(ctx, root, queued)) queue.push(job);
      iframes.scan(root);
    } catch (error) {
      console.error('Consentry: scanning gated content failed', error);
    }
  }

  function clean(targets: Set<VendorRule>): void {
    ctx.internal(() => cleanUp(targets, ctx.cookieNames, ctx.storageNames, jar, location.hostname));
  }

  computeGrants();
  const restores: Restore[] = [];
  if (autoBlock || guardsOn) {
    // Every same-origin realm the page can reach gets the hooks (realms.ts); the observer covers the parser.
    const opts = { scripts: autoBlock, images: guardsOn, guards: guardsOn, onIframeHeld: (iframe: HTMLIFrameElement) => iframes.scan(iframe) };
    restores.push(installRealms(ctx, opts, autoBlock ? () => scan() : null));
  }

  const onReady = (): void => scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onReady);
  scan();

  const unsubscribe = consent.subscribe(() => {
    const { revokedRules, withdrew } = computeGrants();
    if (revokedRules.size > 0) clean(revokedRules);
    scan();
    if (withdrew && options.reloadOnWithdraw) {
      // After the other listeners (the proof client records the withdrawal first).
      setTimeout(options.reload ?? (() => location.reload()), 0);
    }
  });

  return {
    scan,
    setTexts(texts) {
      ctx.texts = { ...DEFAULT_TEXTS, ...texts };
      iframes.retext();
    },
    cleanup() {
      clean(new Set(rules.filter((rule) => !ctx.isRuleGranted(rule))));
    },
    blockedBy: (url) => holdingRule(ctx, ctx.hosts(url)),
    destroy() {
      unsubscribe();
      document.removeEventListener('DOMContentLoaded', onReady);
      queue.clear();
      for (const restore of restores.reverse()) restore();
      restores.length = 0;
      active = false;
    },
  };
}

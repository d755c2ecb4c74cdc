import { OPTIONAL_CATEGORIES } from '@consentry/core';
import type { Consent, OptionalCategory } from '@consentry/core';
import { cleanCookies, cleanStores, cleanUp } from './cleanup.js';
import { frameUrlRefused } from './attr-check.js';
import { holdingRule, isElementGranted } from './context.js';
import { createIframeGate, type GateKit } from './gated-iframes.js';
import { natives } from './natives.js';
import { collectScriptReleases } from './gated-scripts.js';
import { readMarkupTarget } from './grants.js';
import { interceptIndexedDB } from './indexed-db.js';
import { createHostMatcher } from './host-matcher.js';
import { createNameMatcher } from './name-matcher.js';
import { installRealms } from './realms.js';
import { createReleaseQueue } from './release-queue.js';
import { DEFAULT_TEXTS } from './texts.js';
import type { BlockerContext } from './context.js';
import type { Restore } from './patch.js';
import type { Blocker, BlockerOptions, CookieJar, VendorRule } from './types.js';

/** One blocker's say in the page's shared interceptors. */
interface Member {
  consent: Consent;
  grants(rule: VendorRule): boolean;
  scan(root?: ParentNode): void;
  scanIframe(iframe: HTMLIFrameElement): void;
}

/**
 * What every blocker on the page shares: the platform is wrapped once (a second wrap would double every
 * check and its restore would unwrap the first), and a vendor passes the interceptors only when every blocker's
 * engine grants it, so two engines that disagree fail closed.
 */
const page = {
  members: new Set<Member>(),
  restores: [] as Restore[],
  heldBy: new WeakMap<Element, VendorRule[]>(),
  trusted: new WeakSet<Element>(),
  depth: 0,
  syncing: false,
};

const documentJar: CookieJar = {
  read: () => document.cookie,
  write: (cookie) => {
    document.cookie = cookie;
  },
};

const inert: Blocker = { scan() {}, setTexts() {}, cleanup() {}, blockedBy: () => null, attachIframes() {}, destroy() {} };

/** What draws placeholders for gated iframes and releases them (gated-iframes.ts). */
export type IframeGateFactory = typeof createIframeGate;

const grantedByAll = (rule: VendorRule): boolean => {
  for (const member of page.members) if (!member.grants(rule)) return false;
  return page.members.size > 0;
};

/**
 * Gates scripts and iframes until consent, holds catalog vendors' scripts, requests, cookies and storage
 * while they are not granted, and cleans up what a non-granted vendor left (at start-up and on withdrawal).
 * A second blocker on the page (two providers, a second init) joins the first one's interceptors.
 */
export function createBlocker(consent: Consent, options: BlockerOptions = {}): Blocker {
  return startBlocker(consent, options, createIframeGate);
}

/**
 * The same blocker without the iframe gate, for a synchronous first stage: a gated iframe has no `src`
 * and an auto-blocked one has its `src` moved to `data-src`, so both stay empty until stage 2 hands the
 * gate over (`attachIframes(createIframeGate)`), which draws their placeholders and releases the granted ones.
 */
export function createGuardBlocker(consent: Consent, options: BlockerOptions = {}): Blocker {
  return startBlocker(consent, options, null);
}

function startBlocker(consent: Consent, options: BlockerOptions, gate: IframeGateFactory | null): Blocker {
  if (typeof document === 'undefined') return inert;
  const rules = options.rules ?? [];
  const autoBlock = options.autoBlock !== false;
  const interceptOn = options.intercept !== false;
  const jar = options.cookieJar ?? documentJar;
  let granted = new Map<string, boolean>();
  let grantedCategories = new Set<OptionalCategory>();
  let grantedVendors = new Set<string>();

  const ctx: BlockerContext = {
    consent,
    options,
    texts: { ...DEFAULT_TEXTS, ...options.texts },
    ruleById: new Map(rules.map((rule) => [rule.id, rule])),
    hosts: createHostMatcher(rules, () => location.hostname),
    cookieNames: createNameMatcher(rules, (rule) => rule.cookies),
    storageNames: createNameMatcher(rules, (rule) => rule.storage),
    isRuleGranted: grantedByAll,
    heldBy: page.heldBy,
    trusted: page.trusted,
    internal(fn) {
      page.depth++;
      try {
        return fn();
      } finally {
        page.depth--;
      }
    },
    get inInternal() {
      return page.depth > 0;
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
    const nextGranted = new Map(rules.map((rule) => [rule.id, consent.isGranted({ vendor: rule.id })]));
    const nextCategories = new Set(OPTIONAL_CATEGORIES.filter((c) => consent.isGranted(c)));
    const nextVendors = new Set(Object.keys(consent.config.vendors).filter((id) => consent.isGranted({ vendor: id })));
    const revokedRules = new Set(rules.filter((rule) => granted.get(rule.id) === true && !nextGranted.get(rule.id)));
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
  const kit: GateKit = { isElementGranted, readMarkupTarget, frameUrlRefused, natives };
  let iframes = gate?.(ctx, kit) ?? null;

  function scan(root: ParentNode = document): void {
    try {
      for (const job of collectScriptReleases(ctx, root, queued)) queue.push(job);
      iframes?.scan(root);
    } catch (error) {
      console.error('Consentry: scanning gated content failed', error);
    }
  }

  function clean(targets: Set<VendorRule>): void {
    ctx.internal(() => cleanUp(targets, ctx.cookieNames, ctx.storageNames, jar, location.hostname));
  }
  const cleanNotGranted = (): void => clean(new Set(rules.filter((rule) => !ctx.isRuleGranted(rule))));
  const whenIdle = (fn: () => void): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
    else setTimeout(fn, 1);
  };

  const member: Member = {
    consent,
    grants: (rule) => granted.get(rule.id) ?? consent.isGranted({ vendor: rule.id }),
    scan,
    scanIframe: (iframe) => iframes?.scan(iframe),
  };
  computeGrants();
  const first = page.members.size === 0;
  page.members.add(member);
  if (first) {
    const scanAll = (): void => page.members.forEach((m) => m.scan());
    if (autoBlock || interceptOn) {
      // Every same-origin realm the page can reach gets the hooks (realms.ts); the observer covers the parser.
      const opts = { scripts: autoBlock, images: interceptOn, intercept: interceptOn, onIframeHeld: (iframe: HTMLIFrameElement) => page.members.forEach((m) => m.scanIframe(iframe)) };
      page.restores.push(installRealms(ctx, opts, autoBlock ? scanAll : null));
    }
    if (interceptOn) page.restores.push(interceptIndexedDB(ctx, createNameMatcher(rules, (rule) => rule.indexedDB)));
  }

  // What earlier visits left for vendors that are not granted now (lapsed, re-prompted, removed): cookies
  // at once (they travel with every request), Web Storage and IndexedDB when the browser is idle, as
  // their first read holds the page (cleanup.ts). Until then the vendors' code is held, so nothing reads them.
  let destroyed = false;
  const notGranted = () => new Set(rules.filter((rule) => !ctx.isRuleGranted(rule)));
  ctx.internal(() => cleanCookies(notGranted(), ctx.cookieNames, jar, location.hostname));
  whenIdle(() => destroyed || ctx.internal(() => cleanStores(notGranted(), ctx.storageNames)));
  const onReady = (): void => scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onReady);
  scan();

  const unsubscribe = consent.subscribe(() => {
    const { revokedRules, withdrew } = computeGrants();
    if (revokedRules.size > 0) clean(revokedRules);
    scan();
    // The other engines on the page read the same cookie: let them catch up now, not on the next page.
    if (!page.syncing) {
      page.syncing = true;
      try {
        for (const other of page.members) if (other !== member) other.consent.refresh();
      } finally {
        page.syncing = false;
      }
    }
    if (withdrew && options.reloadOnWithdraw) {
      // After the other listeners (the proof client records the withdrawal first).
      setTimeout(options.reload ?? (() => location.reload()), 0);
    }
  });

  return {
    scan,
    setTexts(texts) {
      ctx.texts = { ...DEFAULT_TEXTS, ...texts };
      iframes?.retext();
    },
    attachIframes(factory) {
      if (iframes || destroyed) return;
      iframes = factory(ctx, kit);
      scan();
    },
    cleanup: cleanNotGranted,
    blockedBy: (url) => holdingRule(ctx, ctx.hosts(url)),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unsubscribe();
      document.removeEventListener('DOMContentLoaded', onReady);
      queue.clear();
      page.members.delete(member);
      if (page.members.size === 0) {
        for (const restore of page.restores.reverse()) restore();
        page.restores.length = 0;
      }
    },
  };
}

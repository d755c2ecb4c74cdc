import { CmpApi, CmpApiModel } from '@iabtechlabtcf/cmpapi';
import { GVL } from '@iabtechlabtcf/core';
import { gdprApplies, type Consent, type OptionalCategory } from '@consentry/core';
import { resolveTcfConfig, type ResolvedTcf } from './config.js';
import { allChoices, choicesOf, decodeTcString, encodeTcString, LI_PURPOSES, mustReask, noChoices, siteGvl, type TcfChoices, type VendorListJson } from './model.js';
import { AC_COOKIE, acConsented, acString, readCookie, removeCookie, TC_COOKIE, writeCookie } from './strings.js';

export interface TcfOptions {
  /** The `tcf` section of the Consentry config. */
  config: unknown;
  /** The Consentry engine whose decisions the TC string follows (accept all, reject all, custom). */
  consent?: Pick<Consent, 'getState' | 'on' | 'acceptAll' | 'rejectAll' | 'update'> & { readonly jurisdiction?: Consent['jurisdiction'] };
  /** Two-letter language of the notice shown; the TC string's ConsentLanguage. */
  language?: string;
  document?: Document;
  fetch?: typeof fetch;
}

export interface Tcf {
  readonly config: ResolvedTcf;
  /** Settles when the vendor list is in and `__tcfapi` answers with data; rejects when it failed (fail closed). */
  readonly ready: Promise<void>;
  /** The site's vendor list (narrowed to `tcf.vendors`), null before `ready`. */
  gvl(): GVL | null;
  /** True when the visitor has no valid TC string for the current vendor list: the TCF layer must show. */
  needsDecision(): boolean;
  /** Tell vendors the consent UI is on screen (`cmpuishown`). */
  uiShown(): void;
  acceptAll(): void;
  rejectAll(): void;
  /** A custom choice from the second layer. */
  save(choices: TcfChoices): void;
  /** The visitor's current TCF choices (defaults before a decision: nothing granted, no objection). */
  choices(): TcfChoices;
  tcString(): string | null;
  acString(): string | null;
  destroy(): void;
}

// Categories the Consentry dialog offers, in TCF purposes (docs/tcf.md "Categories and purposes").
const CATEGORY_PURPOSES: Record<OptionalCategory, number[]> = { functional: [5, 6, 11], statistics: [1, 8, 9, 10], targeting: [1, 2, 3, 4, 7] };

type Win = Window & { __tcfapi?: (...args: unknown[]) => unknown };

/** `__tcfapi` after a failure: ping says error, everything else answers without data, so vendors assume no consent. */
function failClosed(win: Win): void {
  win.__tcfapi = (command: unknown, _version: unknown, callback: unknown) => {
    if (typeof callback !== 'function') return;
    if (command === 'ping') callback({ gdprApplies: true, cmpLoaded: false, cmpStatus: 'error', displayStatus: 'disabled', apiVersion: '2.3' });
    else callback(null, false);
  };
}

/**
 * Starts the CMP API for a TCF page. Throws a `ConsentryConfigError` (path `tcf.…`) for a bad config,
 * after leaving a `__tcfapi` that signals no consent; a vendor list that cannot be fetched rejects
 * `ready` and disables the API the same way.
 */
export function createTcf(options: TcfOptions): Tcf {
  const doc = options.document ?? document;
  const win = doc.defaultView as Win;
  let cfg: ResolvedTcf;
  try {
    cfg = resolveTcfConfig(options.config);
    // Unless the section says, GDPR applies where the visitor's region asks consent first (docs/jurisdictions.md).
    const region = options.consent?.jurisdiction;
    if ((options.config as { gdprApplies?: unknown } | null)?.gdprApplies === undefined && region) cfg = { ...cfg, gdprApplies: gdprApplies(region) };
  } catch (error) {
    failClosed(win);
    throw error;
  }
  const language = (options.language ?? 'en').slice(0, 2).toLowerCase();
  let gvl: GVL | null = null;
  let tc: string | null = null;
  let current: TcfChoices = { purposes: [], specialFeatures: [], vendors: [], purposeObjections: [], vendorObjections: [], atp: [] };
  let decided = false;
  let pending: TcfChoices | null = null;
  let stopped = false;

  CmpApiModel.reset();
  const api = new CmpApi(cfg.cmpId, cfg.cmpVersion, true, {
    // Google's Additional Consent rides on TCData (addtlConsent), and Consent Mode follows the TC
    // string when the CMP says so (enableAdvertiserConsentMode), as Google documents.
    getTCData: (next: (data: unknown, ok: boolean) => void, data: unknown, ok: boolean) => {
      if (data && typeof data === 'object' && cfg.gdprApplies) {
        Object.assign(data, { enableAdvertiserConsentMode: true, ...(cfg.googleAtpProviders.length && tc ? { addtlConsent: acString(cfg.googleAtpProviders, current.atp) } : {}) });
      }
      next(data, ok);
    },
  });

  const commit = (choices: TcfChoices) => {
    if (!gvl || stopped) return;
    current = choices;
    decided = true;
    tc = encodeTcString(gvl, cfg, choices);
    writeCookie(doc, TC_COOKIE, tc, cfg.cookieDomain);
    if (cfg.googleAtpProviders.length) writeCookie(doc, AC_COOKIE, acString(cfg.googleAtpProviders, choices.atp), cfg.cookieDomain);
    api.update(tc, false);
  };

  const fromCategories = (granted: Partial<Record<OptionalCategory, boolean>>): TcfChoices => {
    const purposes = new Set<number>();
    const objected = new Set<number>(LI_PURPOSES);
    for (const [cat, ps] of Object.entries(CATEGORY_PURPOSES) as Array<[OptionalCategory, number[]]>) {
      if (granted[cat]) for (const p of ps) (purposes.add(p), objected.delete(p));
    }
    const vendors = gvl ? Object.values(gvl.vendors).filter((v) => v.purposes.some((p) => purposes.has(p))).map((v) => v.id) : [];
    return { purposes: [...purposes].sort((a, b) => a - b), specialFeatures: [], vendors, purposeObjections: [...objected].sort((a, b) => a - b), vendorObjections: [], atp: granted.targeting ? cfg.googleAtpProviders.map((p) => p.id) : [] };
  };

  // Consentry's own decision drives the TC string, so one click answers both.
  const off = options.consent?.on('decision', (event) => {
    if (!gvl) return;
    const method = event.state.method;
    const chosen = pending;
    pending = null;
    if (method === 'accept-all') commit(allChoices(gvl, cfg));
    else if (method === 'reject-all' || method === 'withdraw') commit(noChoices(gvl));
    else commit(chosen ?? fromCategories(event.state.choices));
  });

  const ready = (async () => {
    if (!cfg.gdprApplies) {
      api.update(null);
      return;
    }
    const base = new URL(cfg.gvl, doc.baseURI).href;
    try {
      GVL.baseUrl = base;
    } catch {
      /* consensu.org was refused in config already */
    }
    const response = await (options.fetch ?? win.fetch.bind(win))(`${base}vendor-list.json`, { credentials: 'omit' });
    if (!response.ok) throw new Error(`the vendor list at ${base}vendor-list.json answered ${response.status}`);
    const json = (await response.json()) as VendorListJson;
    gvl = siteGvl(json, cfg);
    if (language !== 'en') {
      // IAB's own purpose translations (purposes-<lang>.json, cached by the consent server beside the list).
      await gvl.changeLanguage(language).catch(() => {
        console.error(`Consentry TCF: no vendor-list texts in "${language}" at ${base}; the TCF texts show in English`);
        gvl = siteGvl(json, cfg);
      });
    }
    const stored = decodeTcString(readCookie(doc, TC_COOKIE));
    if (stored && !mustReask(stored, gvl, cfg)) {
      current = choicesOf(stored, acConsented(readCookie(doc, AC_COOKIE)));
      decided = true;
      tc = readCookie(doc, TC_COOKIE) as string;
      api.update(tc, false);
    } else if (stored) {
      // A string made for another vendor list or policy is discarded, never migrated (IAB).
      removeCookie(doc, TC_COOKIE, cfg.cookieDomain);
    }
  })().catch((error: unknown) => {
    api.disable();
    console.error(`Consentry TCF: ${error instanceof Error ? error.message : String(error)}; __tcfapi signals no consent (docs/tcf.md)`);
    throw error;
  });
  ready.catch(() => {});

  const viaConsent = (fallback: () => void, call?: () => void) => {
    if (options.consent && call) call();
    else fallback();
  };

  return {
    config: cfg,
    ready,
    gvl: () => gvl,
    needsDecision: () => cfg.gdprApplies && !decided,
    uiShown: () => {
      if (gvl && !stopped) api.update(tc ?? '', true);
    },
    acceptAll: () => viaConsent(() => gvl && commit(allChoices(gvl, cfg)), () => options.consent!.acceptAll({ source: 'banner' })),
    rejectAll: () => viaConsent(() => gvl && commit(noChoices(gvl)), () => options.consent!.rejectAll({ source: 'banner' })),
    save: (choices) => {
      if (!options.consent) return commit(choices);
      pending = choices;
      const has = (ps: number[]) => ps.some((p) => choices.purposes.includes(p));
      options.consent.update({ targeting: has([2, 3, 4, 7]), statistics: has([8, 9, 10]), functional: has([5, 6, 11]) }, { method: 'custom', source: 'preferences' });
      // core sends no decision when nothing changed for it; the TC string still must.
      if (pending) {
        pending = null;
        commit(choices);
      }
    },
    choices: () => current,
    tcString: () => tc,
    acString: () => (tc && cfg.googleAtpProviders.length ? acString(cfg.googleAtpProviders, current.atp) : null),
    destroy: () => {
      stopped = true;
      off?.();
    },
  };
}

import { createBlocker, type Blocker } from '@consentry/blocker';
import { createConsent, type Category, type ChoiceUpdate, type Consent, type ConsentEvent, type ConsentState } from '@consentry/core';
import { createProofClient, type ProofClient } from '@consentry/proof';
import { createConsentUI, detectLanguage, getNoticeTexts, LANGUAGES, type ConsentUI, type Translation, type UIOptions, type VendorInfo } from '@consentry/ui';
import { catalog, createConsentMode, createVendorLoader, toBlockerRules, toCatalogLookup, type VendorDefinition } from '@consentry/vendors';
import { loadLanguage, scriptBase } from './language-files.js';

export type EventName = ConsentEvent['type'];

/** `window.Consentry`: the script-tag API (ARCHITECTURE section 5). */
export interface ConsentryApi {
  init(config: unknown): boolean;
  acceptAll(): void;
  rejectAll(): void;
  update(choices: ChoiceUpdate): void;
  showPreferences(): void;
  getConsent(): ConsentState | null;
  isGranted(target: Category | { vendor: string } | string): boolean;
  on(event: EventName, listener: (event: ConsentEvent) => void): () => void;
  reset(): void;
  /** The proof receipts kept in this browser (newest last). */
  getReceipts(): unknown[];
}

const log = (...args: unknown[]) => console.error('[consentry]', ...args);
const CATEGORY_NAMES = ['necessary', 'functional', 'statistics', 'targeting'];

/** What the preferences dialog shows about a vendor. */
function vendorInfo(def: VendorDefinition): VendorInfo {
  return {
    id: def.id,
    name: def.name,
    category: def.category,
    purpose: def.purpose,
    privacyPolicy: def.privacyPolicy,
    cookies: def.cookies.map((c) => ({ name: c.prefix ? `${c.name}*` : c.name, duration: c.lifetime })),
  };
}

/**
 * One running instance per page. A failure anywhere is logged and leaves the page in the
 * fail-closed state: gated markup stays inert and known trackers stay blocked.
 */
export function createConsentryApi(base = scriptBase()): ConsentryApi {
  let consent: Consent | null = null;
  let ui: ConsentUI | null = null;
  let blocker: Blocker | null = null;
  let proof: ProofClient | null = null;
  const pending: Array<() => void> = [];

  /** Without a usable config nothing is granted, but pasted trackers are still held. */
  function failClosed(): void {
    if (blocker) return;
    try {
      const inert = createConsent({}, { cookies: { get: () => undefined, set() {}, remove() {} } });
      blocker = createBlocker(inert, { rules: toBlockerRules(catalog) });
    } catch (error) {
      log(error);
    }
  }

  function startUI(c: Consent): void {
    const nonce = c.config.nonce;
    const language = detectLanguage(c.config.language);
    const mount = (table: Record<string, string> | null) => {
      try {
        const options: UIOptions = {
          vendors: Object.keys(c.config.vendors).flatMap((id) => (catalog[id] ? [vendorInfo(catalog[id])] : [])),
          ...(table ? { texts: { [language]: table as Translation } } : {}),
        };
        ui = createConsentUI(c, options);
        if (c.config.proof) {
          proof = createProofClient(c, {
            endpoint: c.config.proof.endpoint,
            queueLimit: c.config.proof.queueLimit ?? 50,
            getNotice: () => getNoticeTexts(c, ui?.language, options),
          });
        }
        pending.splice(0).forEach((fn) => fn());
      } catch (error) {
        log(error);
      }
    };
    const whenReady = (fn: () => void) =>
      document.body ? fn() : document.addEventListener('DOMContentLoaded', fn, { once: true });
    if (language === 'en' || !LANGUAGES.includes(language as (typeof LANGUAGES)[number])) whenReady(() => mount(null));
    else void loadLanguage(base, language, nonce).then((table) => whenReady(() => mount(table)));
  }

  const api: ConsentryApi = {
    init(config) {
      if (consent) {
        log('Consentry.init was called twice; the first config stays in force.');
        return false;
      }
      try {
        consent = createConsent(config as never, { catalog: toCatalogLookup(catalog) });
      } catch (error) {
        log(error instanceof Error ? error.message : error);
        failClosed();
        return false;
      }
      const c = consent;
      try {
        // Order matters: Consent Mode defaults before any Google tag, guards before any release.
        createConsentMode(c);
        blocker = createBlocker(c, {
          rules: toBlockerRules(catalog, c.config.vendors),
          autoBlock: c.config.autoBlock,
          reloadOnWithdraw: c.config.reloadOnWithdraw,
          ...(c.config.nonce ? { nonce: c.config.nonce } : {}),
        });
        createVendorLoader(c, catalog, c.config.nonce ? { nonce: c.config.nonce } : {});
      } catch (error) {
        log(error);
      }
      startUI(c);
      return true;
    },
    acceptAll: () => consent?.acceptAll({ source: 'api' }),
    rejectAll: () => consent?.rejectAll({ source: 'api' }),
    update: (choices) => consent?.update(choices, { source: 'api' }),
    showPreferences() {
      if (ui) ui.showPreferences();
      else if (consent) pending.push(() => ui?.showPreferences());
    },
    getConsent: () => consent?.getState() ?? null,
    isGranted(target) {
      if (!consent) return false;
      if (typeof target === 'string' && !CATEGORY_NAMES.includes(target)) {
        return consent.isGranted({ vendor: target });
      }
      return consent.isGranted(target as Category | { vendor: string });
    },
    on(event, listener) {
      if (consent) return consent.on(event, listener as never);
      let off = () => {};
      pending.push(() => (off = consent ? consent.on(event, listener as never) : off));
      return () => off();
    },
    reset: () => consent?.reset(),
    getReceipts: () => proof?.getReceipts() ?? [],
  };
  return api;
}

/** Reads `<script type="application/json" id="consentry-config">` if the page has one. */
export function autoInit(api: ConsentryApi): void {
  const el = document.getElementById('consentry-config');
  if (!el) return;
  let config: unknown;
  try {
    config = JSON.parse(el.textContent ?? '');
  } catch (error) {
    log(`#consentry-config is not valid JSON (${(error as Error).message}); nothing optional will run.`);
    config = null;
  }
  api.init(config);
}

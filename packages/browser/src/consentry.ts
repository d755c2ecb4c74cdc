import { createBlocker, type Blocker } from '@consentry/blocker';
import { createConsent, type Category, type ChoiceUpdate, type Consent, type ConsentEvent, type ConsentState } from '@consentry/core';
import { detectLanguage, LANGUAGES, type ConsentUI, type Translation, type UIOptions, type VendorInfo } from '@consentry/ui';
import { checkVendorConfig, compactLookup, compactRules, compactVendors, createConsentMode, createVendorLoader, toVendorInfo, type CompactCatalog, type VendorDefinition } from '@consentry/vendors';
import { loadChunk, scriptBase } from './chunks.js';
import { startLazyProof, type ProofFactory } from './lazy-proof.js';
import { INLINE_UI, type UIModule } from './ui-module.js';
import { VENDOR_INDEX } from './vendor-index.js';

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
  on<T extends EventName>(event: T, listener: (event: Extract<ConsentEvent, { type: T }>) => void): () => void;
  reset(): void;
  /** The proof receipts kept in this browser (newest last). */
  getReceipts(): unknown[];
}

/** Where the parts that are not inline come from; the script-tag build fetches files beside itself. */
export interface ConsentryParts {
  /** Blocking and validation data for every catalog vendor. */
  index?: CompactCatalog;
  /** A configured catalog vendor's full definition (loader, disclosure), or null when unavailable. */
  vendor?: (id: string, nonce?: string) => Promise<VendorDefinition | null>;
  /** A language's table, or null (then English is shown). */
  language?: (lang: string, nonce?: string) => Promise<Record<string, string> | null>;
  /** The UI module, or null when unavailable (then no banner shows and nothing optional is granted). */
  ui?: (nonce?: string) => Promise<UIModule | null>;
  /** The proof client's factory (`createProofClient`), or null when unavailable. */
  proof?: (nonce?: string) => Promise<ProofFactory | null>;
}

const log = (...args: unknown[]) => console.error('[consentry]', ...args);
const CATEGORY_NAMES = ['necessary', 'functional', 'statistics', 'targeting'];


/** The script-tag parts: files next to consentry.min.js. */
export function fileParts(base = scriptBase()): Required<ConsentryParts> {
  return {
    index: VENDOR_INDEX,
    vendor: (id, nonce) => loadChunk<VendorDefinition>(base, 'vendors', id, nonce),
    language: (lang, nonce) => loadChunk<Record<string, string>>(base, 'i18n', lang, nonce, 2500),
    proof: (nonce) => loadChunk<ProofFactory>(base, 'chunks', 'proof', nonce),
    ui: (nonce) => (INLINE_UI ? Promise.resolve(INLINE_UI) : loadChunk<UIModule>(base, 'chunks', 'ui', nonce)),
  };
}

/**
 * One running instance per page. A failure anywhere is logged and leaves the page in the
 * fail-closed state: gated markup stays inert and known trackers stay blocked.
 */
export function createConsentryApi(parts: ConsentryParts = {}): ConsentryApi {
  const files = parts.vendor && parts.language && parts.proof && parts.ui ? null : fileParts();
  const index = parts.index ?? VENDOR_INDEX;
  const loadVendor = parts.vendor ?? files!.vendor;
  const loadLanguage = parts.language ?? files!.language;
  const loadProof = parts.proof ?? files!.proof;
  const loadUI = parts.ui ?? files!.ui;
  let consent: Consent | null = null;
  let ui: ConsentUI | null = null;
  let blocker: Blocker | null = null;
  let proof: { getReceipts(): unknown[] } | null = null;
  const pending: Array<() => void> = [];
  // Filled as vendor files arrive; the UI and the notice read it when they render or hash.
  const infos: VendorInfo[] = [];

  /** Without a usable config nothing is granted, but pasted trackers are still held. */
  function failClosed(): void {
    if (blocker) return;
    try {
      const inert = createConsent({}, { cookies: { get: () => undefined, set() {}, remove() {} } });
      blocker = createBlocker(inert, { rules: compactRules(index) });
    } catch (error) {
      log(error);
    }
  }

  /** Fetches each configured catalog vendor's definition; its loader runs once granted (never if the file fails). */
  function startVendors(c: Consent): void {
    const nonce = c.config.nonce;
    const names = new Map(compactVendors(index).map((v) => [v[0], v[1]]));
    for (const [id, vendor] of Object.entries(c.config.vendors)) {
      const name = names.get(id);
      if (!name) continue;
      void loadVendor(id, nonce).then((def) => {
        // Without its file the dialog still names the vendor (its switch works; its code never runs).
        if (!def) return void infos.push({ id, name, category: vendor.category, purpose: '', cookies: [] });
        infos.push(toVendorInfo(def));
        // Formats (the shape of `id`, required options) are checked here, against the full definition.
        const problem = checkVendorConfig(vendor, def);
        if (problem) log(`vendor "${id}" stays off: ${problem}`);
        else createVendorLoader(c, { [id]: def }, nonce ? { nonce } : {});
      }).catch(log); // a broken vendor file: that vendor stays off, nothing reaches the page as an unhandled rejection
    }
  }

  function startUI(c: Consent): void {
    const nonce = c.config.nonce;
    const language = detectLanguage(c.config.language);
    const needsTable = language !== 'en' && LANGUAGES.includes(language as (typeof LANGUAGES)[number]);
    const mount = (mod: UIModule | null, table: Record<string, string> | null) => {
      if (!mod) return; // already logged; without a UI nothing optional is ever granted
      try {
        const options: UIOptions = {
          vendors: infos,
          ...(table ? { texts: { [language]: table as Translation } } : {}),
        };
        ui = mod.createConsentUI(c, options);
        // Embed placeholders were drawn in English before the visitor's table arrived.
        if (table) {
          const texts: Record<string, string> = {};
          for (const key of ['placeholder.title', 'placeholder.text', 'placeholder.button']) if (table[key]) texts[key] = table[key];
          blocker?.setTexts(texts);
        }
        if (c.config.proof) {
          proof = startLazyProof(c, () => loadProof(nonce), {
            endpoint: c.config.proof.endpoint,
            queueLimit: c.config.proof.queueLimit ?? 50,
            getNotice: () => mod.getNoticeTexts(c, ui?.language, options),
          });
        }
        pending.splice(0).forEach((fn) => fn());
      } catch (error) {
        log(error);
      }
    };
    const whenReady = (fn: () => void) =>
      document.body ? fn() : document.addEventListener('DOMContentLoaded', fn, { once: true });
    // Both start now, in parallel; the UI mounts once both have settled and the body exists.
    void Promise.all([loadUI(nonce), needsTable ? loadLanguage(language, nonce) : null]).then(([mod, table]) => whenReady(() => mount(mod, table)));
  }

  const api: ConsentryApi = {
    init(config) {
      if (consent) {
        log('Consentry.init was called twice; the first config stays in force.');
        return false;
      }
      try {
        consent = createConsent(config as never, { catalog: compactLookup(index) });
      } catch (error) {
        log(error instanceof Error ? error.message : error);
        failClosed();
        return false;
      }
      const c = consent;
      try {
        // A failed init left a blocker bound to an inert engine; this config replaces it.
        blocker?.destroy();
        // Order matters: Consent Mode defaults before any Google tag, guards before any release.
        createConsentMode(c);
        blocker = createBlocker(c, {
          rules: compactRules(index, c.config.vendors),
          autoBlock: c.config.autoBlock,
          reloadOnWithdraw: c.config.reloadOnWithdraw,
          ...(c.config.nonce ? { nonce: c.config.nonce } : {}),
        });
        startVendors(c);
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

import { assemble, type Assembly, type ExperienceModule, type Maybe, type ProofModule } from '@consentry/assembly';
import { createBlocker, type Blocker } from '@consentry/blocker';
import { createConsent, type Category, type ChoiceUpdate, type Consent, type ConsentEvent, type ConsentState } from '@consentry/core';
import { compactLookup, compactRules, type CompactCatalog, type VendorDefinition } from '@consentry/vendors';
import { afterFirstPaint, loadChunk, scriptBase } from './chunks.js';
import { registerServiceWorker } from './service-worker.js';
import { VENDOR_INDEX } from './vendor-index.js';

export type EventName = ConsentEvent['type'];

/** `window.Consentry`: the script-tag API (docs/architecture.md, section 5). */
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
  /** The visitor's region when it arrives late (docs/jurisdictions.md); until then the strictest rule holds. */
  setRegion(region: string): boolean;
}

/**
 * Where the parts that are not in consentry.min.js come from; the script-tag build fetches files
 * beside itself (promises). A part may also be handed over as a value, as a bundle that holds it would.
 */
export interface ConsentryParts {
  /** Blocking and validation data for every catalog vendor. */
  index?: CompactCatalog;
  /** A configured catalog vendor's full definition (loader, disclosure), or null when unavailable. */
  vendor?: (id: string, nonce?: string) => Maybe<VendorDefinition | null>;
  /** A language's table, or null (then English is shown). */
  language?: (lang: string, nonce?: string) => Maybe<Record<string, string> | null>;
  /** Stage 2 (vendor loaders, banner and dialog), or null when unavailable (then no banner shows and nothing optional is granted). */
  experience?: (nonce?: string) => Maybe<ExperienceModule | null>;
  /** The proof client and the notice texts it hashes, or null when unavailable. */
  proof?: (nonce?: string) => Maybe<ProofModule | null>;
}

const log = (...args: unknown[]) => console.error('[consentry]', ...args);
const CATEGORY_NAMES = ['necessary', 'functional', 'statistics', 'targeting'];

/**
 * The script-tag parts: files next to consentry.min.js. Stage 2, the vendor files and the language
 * table are requested at init, in parallel with the page, and run after its first paint.
 */
export function fileParts(base = scriptBase()) {
  let painted: Promise<void> | undefined;
  const paint = () => (painted ??= afterFirstPaint());
  return {
    index: VENDOR_INDEX,
    vendor: (id: string, nonce?: string) => loadChunk<VendorDefinition>(base, 'vendors', id, nonce, 0, paint()),
    language: (lang: string, nonce?: string) => loadChunk<Record<string, string>>(base, 'i18n', lang, nonce, 2500, paint()),
    experience: (nonce?: string) => loadChunk<ExperienceModule>(base, 'chunks', 'experience', nonce, 0, paint()),
    proof: (nonce?: string) => loadChunk<ProofModule>(base, 'chunks', 'proof', nonce),
  };
}

/**
 * One running instance per page: stage 1 of the script tag. Everything that must hold trackers runs
 * here, synchronously (the engine, Consent Mode, the blocker, the proof recorder); stage 2 (vendor
 * loaders, banner, dialog) is fetched at once and lands when it arrives. The API works from the
 * first moment; `showPreferences()` before the UI has mounted opens it when it does. A failure
 * anywhere is logged and leaves the page fail-closed: gated markup stays inert, known trackers blocked.
 */
export function createConsentryApi(parts: ConsentryParts = {}): ConsentryApi {
  const files = parts.vendor && parts.language && parts.proof && parts.experience ? null : fileParts();
  const index = parts.index ?? VENDOR_INDEX;
  const loadVendor = parts.vendor ?? files!.vendor;
  const loadLanguage = parts.language ?? files!.language;
  const loadProof = parts.proof ?? files!.proof;
  const loadExperience = parts.experience ?? files!.experience;
  let consent: Consent | null = null;
  let assembly: Assembly | null = null;
  let inert: Blocker | null = null;
  const early: Array<() => void> = [];
  let lookup: ReturnType<typeof compactLookup> = {};

  /** Without a usable config nothing is granted, but pasted trackers are still held. */
  function failClosed(): void {
    if (inert) return;
    try {
      const off = createConsent({}, { cookies: { get: () => undefined, set() {}, remove() {} } });
      inert = createBlocker(off, { rules: compactRules(index) });
    } catch (error) {
      log(error);
    }
  }

  const api: ConsentryApi = {
    init(config) {
      if (consent) {
        log('Consentry.init was called twice; the first config stays in force.');
        return false;
      }
      try {
        consent = createConsent(config as never, { catalog: (lookup = compactLookup(index)), region: pageRegion() });
      } catch (error) {
        log(error instanceof Error ? error.message : error);
        failClosed();
        return false;
      }
      const c = consent;
      // A failed init left a blocker bound to an inert engine; this config replaces it.
      inert?.destroy();
      inert = null;
      early.splice(0).forEach((fn) => fn());
      const nonce = c.config.nonce;
      assembly = assemble(c, {
        rules: compactRules(index, c.config.vendors),
        vendors: Object.keys(c.config.vendors)
          .filter((id) => Object.prototype.hasOwnProperty.call(lookup, id))
          .map((id) => ({ id, name: lookup[id]!.name!, load: () => loadVendor(id, nonce) })),
        language: (lang) => loadLanguage(lang, nonce),
        ui: {},
        experience: () => loadExperience(nonce),
        proof: () => loadProof(nonce),
      });
      registerServiceWorker(c, config, log);
      return true;
    },
    acceptAll: () => consent?.acceptAll({ source: 'api' }),
    rejectAll: () => consent?.rejectAll({ source: 'api' }),
    update: (choices) => consent?.update(choices, { source: 'api' }),
    showPreferences() {
      if (assembly) assembly.showPreferences();
      else early.push(() => assembly?.showPreferences());
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
      early.push(() => (off = consent ? consent.on(event, listener as never) : off));
      return () => off();
    },
    reset: () => consent?.reset(),
    getReceipts: () => assembly?.getReceipts() ?? [],
    setRegion: (region) => consent?.setRegion(region) ?? false,
  };
  return api;
}

/** The region the site's server put in the page (`data-region` on a script tag) or in the `consentry_region` cookie (docs/jurisdictions.md). */
function pageRegion(): string | undefined {
  return (document.querySelector<HTMLElement>('script[data-region]')?.dataset.region ?? /(?:^|; ?)consentry_region=([\w-]+)/.exec(document.cookie)?.[1]) || undefined;
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

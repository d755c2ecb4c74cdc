import { assemble, type Assembly, type AssemblyParts, type ExperienceModule, type Maybe, type ProofModule } from '@consentry/assembly';
import { createGuardBlocker, type Blocker, type VendorRule } from '@consentry/blocker';
import { startConsent, type Category, type ChoiceUpdate, type Consent, type ConsentEvent, type ConsentState, type ResolvedConfig } from '@consentry/core';
import type { VendorDefinition } from '@consentry/vendors';
import { afterFirstPaint, loadChunk, scriptBase } from './chunks.js';
import { registerServiceWorker } from './service-worker.js';

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

/** Where the lazy parts come from: files beside the guard (promises), or values a bundle already holds. */
export interface LazyParts {
  /** A configured catalog vendor's full definition (loader, disclosure), or null when unavailable. */
  vendor?: (id: string, nonce?: string) => Maybe<VendorDefinition | null>;
  /** A language's table, or null (then English is shown). */
  language?: (lang: string, nonce?: string) => Maybe<Record<string, string> | null>;
  /** Stage 2 (vendor loaders, banner and dialog), or null when unavailable (then no banner shows and nothing optional is granted). */
  experience?: (nonce?: string) => Maybe<ExperienceModule | null>;
  /** The proof client and the notice texts it hashes, or null when unavailable. */
  proof?: (nonce?: string) => Maybe<ProofModule | null>;
}

/**
 * What a config turns into before the assembly starts: a checked, resolved config, the blocker's
 * rules, the configured catalog vendors' names, and the service worker's slice of the config.
 * The drop-in guard computes it from the page's config at run time; the compiled guard reads it as
 * it was computed by `consentry-build` (compile.ts).
 */
export interface Boot {
  config: ResolvedConfig;
  rules: VendorRule[];
  vendors: Array<[id: string, name: string]>;
  /** The config keys the network wall decodes the consent cookie with, as JSON. */
  wall: string;
}

/** Reads a config into a Boot (throws with a readable message when it cannot), and the rules that hold trackers without one. */
export interface Reader {
  read(config: unknown): Boot;
  /** The config of the engine behind a config that could not be read: nothing listed, nothing stored, nothing granted. */
  inert(): ResolvedConfig;
  /** A configured vendor's options against its full definition, when its file arrives (stage 2 runs it). */
  check: AssemblyParts['check'];
  holdRules(config: unknown): VendorRule[];
}

export const log = (...args: unknown[]) => console.error('[consentry]', ...args);
const CATEGORY_NAMES = ['necessary', 'functional', 'statistics', 'targeting'];


/**
 * The script-tag parts: files next to the guard. Stage 2, the vendor files and the language
 * table are requested at init, in parallel with the page, and run after its first paint.
 */
export function fileParts(base = scriptBase()) {
  let painted: Promise<void> | undefined;
  const paint = () => (painted ??= afterFirstPaint());
  return {
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
export function createApi(reader: Reader, parts: LazyParts = {}): ConsentryApi {
  const files = parts.vendor && parts.language && parts.proof && parts.experience ? null : fileParts();
  const loadVendor = parts.vendor ?? files!.vendor;
  const loadLanguage = parts.language ?? files!.language;
  const loadProof = parts.proof ?? files!.proof;
  const loadExperience = parts.experience ?? files!.experience;
  let consent: Consent | null = null;
  let assembly: Assembly | null = null;
  let inert: Blocker | null = null;
  const early: Array<() => void> = [];

  /** Without a usable config nothing is granted, but pasted trackers are still held. */
  function failClosed(config: unknown): void {
    if (inert) return;
    try {
      const off = startConsent(reader.inert(), { cookies: { get: () => undefined, set() {}, remove() {} }, crossTab: false });
      inert = createGuardBlocker(off, { rules: reader.holdRules(config) });
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
      let boot: Boot;
      try {
        boot = reader.read(config);
        consent = startConsent(boot.config, { region: pageRegion() });
      } catch (error) {
        log(error instanceof Error ? error.message : error);
        failClosed(config);
        return false;
      }
      const c = consent;
      // A failed init left a blocker bound to an inert engine; this config replaces it.
      inert?.destroy();
      inert = null;
      early.splice(0).forEach((fn) => fn());
      const nonce = c.config.nonce;
      assembly = assemble(c, {
        rules: boot.rules,
        vendors: boot.vendors.map(([id, name]) => ({ id, name, load: () => loadVendor(id, nonce) })),
        language: (lang) => loadLanguage(lang, nonce),
        ui: {},
        experience: () => loadExperience(nonce),
        proof: () => loadProof(nonce),
        check: reader.check,
      });
      registerServiceWorker(c, boot.wall, log);
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

/** The region the site's server put in the page (`data-region` on a script tag) or in the `consentry_region` cookie (docs/jurisdictions.md). */
function pageRegion(): string | undefined {
  return (document.querySelector<HTMLElement>('script[data-region]')?.dataset.region ?? /(?:^|; ?)consentry_region=([\w-]+)/.exec(document.cookie)?.[1]) || undefined;
}

import {
  createConsentry,
  type Category,
  type ChoiceUpdate,
  type ConfigReader,
  type Consentry,
  type ConsentryFiles,
  type ConsentEvent,
  type ConsentState,
} from '@consentry/assembly';
import { afterFirstPaint, loadChunk, scriptBase } from './chunks.js';
import { registerServiceWorker, wallSlice } from './service-worker.js';

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
  vendor?: (id: string, nonce?: string) => ReturnType<ConsentryFiles['vendor']>;
  /** A language's table, or null (then English is shown). */
  language?: (lang: string, nonce?: string) => ReturnType<ConsentryFiles['language']>;
  /** Stage 2 (vendor loaders, banner and dialog), or null when unavailable (then no banner shows and nothing optional is granted). */
  experience?: (nonce?: string) => ReturnType<ConsentryFiles['experience']>;
  /** The proof client and the notice texts it hashes, or null when unavailable. */
  proof?: (nonce?: string) => ReturnType<ConsentryFiles['proof']>;
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
    vendor: (id: string, nonce?: string) => loadChunk(base, 'vendors', id, nonce, 0, paint()) as ReturnType<ConsentryFiles['vendor']>,
    language: (lang: string, nonce?: string) => loadChunk<Record<string, string>>(base, 'i18n', lang, nonce, 2500, paint()),
    experience: (nonce?: string) => loadChunk(base, 'chunks', 'experience', nonce, 0, paint()) as ReturnType<ConsentryFiles['experience']>,
    proof: (nonce?: string) => loadChunk(base, 'chunks', 'proof', nonce) as ReturnType<ConsentryFiles['proof']>,
  };
}

/**
 * One running instance per page: stage 1 of the script tag. Everything that must hold trackers runs
 * here, synchronously (the engine, Consent Mode, the blocker, the proof recorder); stage 2 (vendor
 * loaders, banner, dialog) is fetched at once and lands when it arrives. The API works from the
 * first moment; `showPreferences()` before the UI has mounted opens it when it does. A failure
 * anywhere is logged and leaves the page fail-closed: gated markup stays inert, known trackers blocked.
 */
export function createApi(reader: ConfigReader, parts: LazyParts = {}): ConsentryApi {
  const files = parts.vendor && parts.language && parts.proof && parts.experience ? null : fileParts();
  const load = { ...files, ...parts } as Required<LazyParts>;
  let door: Consentry | null = null;
  const early: Array<() => void> = [];

  const api: ConsentryApi = {
    init(config) {
      if (door?.consent) {
        log('Consentry.init was called twice; the first config stays in force.');
        return false;
      }
      // A failed init left a blocker bound to an inert engine; this config replaces it.
      door?.destroy();
      let wall = '';
      let nonce: string | undefined;
      // The one door: reading (validation or a config checked ahead), fail-closed, Consent Mode,
      // blocker, recorder, then stage 2's files.
      door = createConsentry(config as never, {
        region: pageRegion(),
        files: {
          reader: {
            ...reader,
            read(raw) {
              const boot = reader.read(raw);
              wall = boot.wall ?? wallSlice(raw);
              nonce = boot.config.nonce;
              return boot;
            },
          },
          vendor: (id) => load.vendor(id, nonce),
          language: (lang) => load.language(lang, nonce),
          experience: () => load.experience(nonce),
          proof: () => load.proof(nonce),
        },
      });
      const c = door.consent;
      if (!c) return false;
      early.splice(0).forEach((fn) => fn());
      registerServiceWorker(c, wall, log);
      return true;
    },
    acceptAll: () => door?.acceptAll({ source: 'api' }),
    rejectAll: () => door?.rejectAll({ source: 'api' }),
    update: (choices) => door?.update(choices, { source: 'api' }),
    showPreferences() {
      if (door?.consent) door.showPreferences();
      else early.push(() => door?.showPreferences());
    },
    getConsent: () => door?.consent?.getState() ?? null,
    isGranted(target) {
      if (!door?.consent) return false;
      return door.isGranted(typeof target === 'string' && !CATEGORY_NAMES.includes(target) ? { vendor: target } : (target as Category));
    },
    on(event, listener) {
      if (door?.consent) return door.consent.on(event, listener as never);
      let off = () => {};
      early.push(() => (off = door?.consent ? door.consent.on(event, listener as never) : off));
      return () => off();
    },
    reset: () => door?.reset(),
    getReceipts: () => door?.getReceipts() ?? [],
    setRegion: (region) => door?.consent?.setRegion(region) ?? false,
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

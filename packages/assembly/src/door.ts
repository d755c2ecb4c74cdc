import { createGuardBlocker, type VendorRule } from '@consentry/blocker';
import {
  isGrantedIn,
  startConsent,
  type Category,
  type ChoiceUpdate,
  type Consent,
  type ConsentConfig,
  type ConsentOptions,
  type ConsentState,
  type DecisionMeta,
  type ResolvedConfig,
} from '@consentry/core';
import type { UIOptions } from '@consentry/ui';
import { catalog, encodeCatalog, type CompactCatalog, type VendorDefinition } from '@consentry/vendors';
import { assemble, type Assembly, type AssemblyParts, type ExperienceModule } from './assemble.js';
import { bundled } from './bundled.js';
import { log } from './maybe.js';
import { startProof, type ProofModule } from './proof.js';
import { INERT_CONFIG, type Boot, type ConfigReader } from './readers.js';
import type { VendorTexts } from './vendor-texts.js';

/** A category (`'statistics'`) or a vendor (`{ vendor: 'youtube' }`). */
export type GrantTarget = Category | { vendor: string };

/**
 * The script tag's parts: files beside consentry.min.js, fetched when needed. Each resolves to null
 * when it cannot load (already logged); what it carries then stays off.
 */
export interface ConsentryFiles {
  /**
   * How the config is read: `indexReader(index)` checks it against the catalog's compact index (the
   * drop-in guard); the compiled guard's reader trusts a config checked ahead of time.
   */
  reader: ConfigReader;
  vendor(id: string): VendorDefinition | null | Promise<VendorDefinition | null>;
  language(lang: string): Record<string, string> | null | Promise<Record<string, string> | null>;
  /** dist/chunks/experience.js: what `stage2` is in a bundle. */
  experience(): ExperienceModule | null | Promise<ExperienceModule | null>;
  proof(): ProofModule | null | Promise<ProofModule | null>;
}

export interface ConsentryOptions extends ConsentOptions {
  /** Catalog vendors the app uses, imported one by one (`import { googleAnalytics } from '@consentry/vendors'`). */
  vendors?: readonly VendorDefinition[];
  /** The catalog's purposes in the languages of `ui.texts` (`{ lv: lvVendorTexts }`). */
  vendorTexts?: VendorTexts;
  /** `false`: no built-in banner and dialog. */
  ui?: false | UIOptions;
  /** `false` turns off gating of marked-up scripts and iframes, automatic blocking and the guards. */
  blocking?: boolean;
  /** What the server rendered: `readConsent(cookieHeader, config)` of the request. Default: undecided. */
  initialState?: ConsentState;
  /**
   * Instead of `initialState`: the Cookie header the state is read from (the request's on a server,
   * `document.cookie` in the hydrating browser), with this config and its vendors.
   */
  cookie?: string | null;
  /** The script tag only: its parts are files instead of imports. */
  files?: ConsentryFiles;
  /** `false`: the browser parts wait for `start()` (a framework's mount). Default: they start now, in a browser. */
  autoStart?: boolean;
}

/** One running Consentry: the engine, and the browser parts once started. */
export interface Consentry {
  /** The engine; null when the config was invalid (then nothing optional runs). */
  readonly consent: Consent | null;
  readonly config: ResolvedConfig | null;
  /** Why the config was refused (a `ConsentryConfigError` naming each path), or null. */
  readonly error: Error | null;
  getState(): ConsentState;
  /** The state the server rendered: `initialState`, else undecided; a hydrating client renders this first. */
  getServerState(): ConsentState;
  /** Called on every new state. */
  subscribe(listener: () => void): () => void;
  /** Checked against `state` (default: the current one), so a render agrees with the state it shows. */
  isGranted(target: GrantTarget, state?: ConsentState): boolean;
  acceptAll(meta?: DecisionMeta): void;
  rejectAll(meta?: DecisionMeta): void;
  update(choices: ChoiceUpdate, meta?: DecisionMeta): void;
  /** Forget the decision; the banner asks again. */
  reset(): void;
  /** Opens the preferences dialog now, or once the UI has mounted; focus returns to `opener`. */
  showPreferences(opener?: HTMLElement): void;
  showBanner(): void;
  /** The proof receipts kept in this browser (newest last). */
  getReceipts(): unknown[];
  /** Starts Consent Mode, the blocker, vendor loaders and the UI (in a browser; nothing on a server). Returns their stop. */
  start(): () => void;
  /** Stops everything `start()` started. */
  destroy(): void;
}

const noop = () => {};
const inBrowser = () => typeof document !== 'undefined';
const own = Object.prototype.hasOwnProperty;

/**
 * The one door to Consentry in a browser: validates the config, derives the parts (blocking rules,
 * vendor definitions, UI options) from imports or files, fails closed and stages the rest. The
 * script tag, React, Vue, Svelte and a plain npm app all come through here. Never throws: a bad
 * config is logged with its paths, and then nothing optional runs, while the blocker still holds
 * every known vendor's scripts and gated markup.
 */
export function createConsentry(config: ConsentConfig, options: ConsentryOptions = {}): Consentry {
  const { vendors = [], vendorTexts, ui, blocking, initialState, cookie, files, autoStart, catalog: lookup, ...engine } = options;
  const reader: ConfigReader = files ? files.reader : bundled.reader(vendors, lookup);
  let boot: Boot;
  let consent: Consent;
  try {
    boot = reader.read(config);
    consent = startConsent(boot.config, engine);
  } catch (error) {
    const why = error instanceof Error ? error : new Error(String(error));
    log(`${why.message} (nothing optional runs until the config is fixed)`);
    const door = closed(why, reader, config, blocking);
    if (autoStart !== false) door.start();
    return door;
  }
  const c = consent;
  const b = boot;
  const defs = files ? [] : vendors.filter((d) => c.config.vendors[d.id]);
  const proof = files ? files.proof : bundled.proof;
  const parts = (): AssemblyParts => ({
    rules: b.rules,
    ...(blocking === false ? { blocking: false } : {}),
    vendors: files
      ? b.vendors.map(([id, name]) => ({ id, name, load: () => files.vendor(id) }))
      : defs.map((def) => ({ id: def.id, name: def.name, load: () => def })),
    ...(files ? { language: files.language } : {}),
    ui: ui === false ? false : files ? (ui ?? {}) : bundled.ui(ui ?? {}, defs, vendorTexts),
    experience: files ? files.experience : bundled.experience,
    proof,
    check: reader.check,
  });
  // What the server rendered (it cannot know more than the request's cookie), so hydration matches.
  // (The script tag renders on no server: its files mode never asks for it.)
  const serverState = initialState ?? (files ? c.getState() : bundled.read(cookie ?? null, c.config, engine.now ? { now: engine.now } : {}));
  // Proofs record from the start, not from the mount: a decision made before it is on file too.
  if (inBrowser()) startProof(c, proof);
  let assembly: Assembly | null = null;
  let stop = noop;
  const door: Consentry = {
    consent: c,
    config: c.config,
    error: null,
    getState: () => c.getState(),
    getServerState: () => serverState,
    subscribe: (listener) => c.subscribe(() => listener()),
    isGranted: (target, state = c.getState()) => isGrantedIn(state, c.config, target),
    acceptAll: (meta) => c.acceptAll(meta),
    rejectAll: (meta) => c.rejectAll(meta),
    update: (choices, meta) => c.update(choices, meta),
    reset: () => c.reset(),
    showPreferences: (opener) => assembly?.showPreferences(opener),
    showBanner: () => assembly?.showBanner(),
    getReceipts: () => assembly?.getReceipts() ?? startProof(c, proof).getReceipts(),
    start() {
      if (!inBrowser()) return noop;
      const mounted = assemble(c, parts());
      assembly = mounted;
      return (stop = () => {
        mounted.destroy();
        if (assembly === mounted) assembly = null;
      });
    },
    destroy: () => stop(),
  };
  if (autoStart !== false) door.start();
  return door;
}

/**
 * The one fail-closed path of every shell: nothing granted, no banner, every action a no-op; once
 * started, a blocker bound to an engine that grants nothing holds gated markup and every known
 * vendor's scripts (unless the app turned blocking off).
 */
function closed(error: Error | null, reader: ConfigReader | null, config: unknown, blocking?: boolean): Consentry {
  // An engine that grants nothing and stores nothing: what the closed door reports and the blocker follows.
  const off = startConsent(reader ? reader.inert() : INERT_CONFIG, { cookies: { get: () => undefined, set() {}, remove() {} }, crossTab: false });
  const state = off.getState();
  let stop = noop;
  return {
    consent: null,
    config: null,
    error,
    getState: () => state,
    getServerState: () => state,
    subscribe: () => noop,
    isGranted: (target, s = state) => isGrantedIn(s, off.config, target),
    acceptAll: noop,
    rejectAll: noop,
    update: noop,
    reset: noop,
    showPreferences: noop,
    showBanner: noop,
    getReceipts: () => [],
    start() {
      if (!inBrowser() || blocking === false || !reader) return noop;
      stop();
      try {
        const blocker = createGuardBlocker(off, { rules: reader.holdRules(config) });
        return (stop = () => (blocker.destroy(), (stop = noop)));
      } catch (err) {
        log(err);
        return noop;
      }
    },
    destroy: () => stop(),
  };
}

let shut: Consentry | undefined;
/** A Consentry that grants nothing and starts nothing: for a binding used outside its provider. */
export function closedConsentry(): Consentry {
  return (shut ??= { ...closed(null, null, null, false) });
}

/**
 * The compact index of the whole catalog, for `files.index`. The script-tag build inlines it as a
 * literal computed at build time (so it never bundles the catalog); tests and source runs call this.
 */
export function catalogIndex(): CompactCatalog {
  return encodeCatalog(catalog);
}

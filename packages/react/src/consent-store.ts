import { createConsent, readConsent, resolveConfig } from '@consentry/core';
import type { ChoiceUpdate, Consent, ConsentConfig, ConsentOptions, ConsentState, DecisionMeta, ResolvedConfig } from '@consentry/core';
import { assemble, startExperience, startProof, type Assembly, type ProofModule } from '@consentry/assembly';
import { getNoticeTexts, type LANGUAGES, type Translation, type UIOptions } from '@consentry/ui';
import { checkVendorConfig, toBlockerRules, toCatalogLookup, type VendorDefinition } from '@consentry/vendors';

/** What the provider runs besides the engine and the UI, so the npm path matches the script tag. */
export interface ConsentIntegrations {
  /** Catalog vendors the app uses (`import { googleAnalytics } from '@consentry/vendors'`): validated, loaded once granted, blocked otherwise. */
  vendors?: readonly VendorDefinition[];
  /** Gating of `type="text/plain"` scripts and `data-src` iframes, automatic blocking and guards. Default true. */
  blocking?: boolean;
  /** The catalog's purposes per language (`{ lv: lvVendorTexts }`), merged into the UI table of that language. */
  vendorTexts?: VendorTexts;
}

/** A language the catalog is translated into (English is the catalog's own). */
export type VendorTextLanguage = Exclude<(typeof LANGUAGES)[number], 'en'>;
/** `lvVendorTexts` and its siblings from `@consentry/vendors`, by language: only what the app imports is bundled. */
export type VendorTexts = Partial<Record<VendorTextLanguage, Readonly<Record<string, string>>>>;

/**
 * Each UI table the app passed, with the purposes of the app's vendors in that language underneath
 * (the app's own keys win), as the script tag's language files carry them. A purpose still missing
 * would show in English in an otherwise translated dialog, so it is named with the fix.
 */
export function withVendorTexts(ui: UIOptions, defs: readonly VendorDefinition[], vendorTexts: VendorTexts = {}): UIOptions {
  if (!ui.texts || !defs.length) return ui;
  const texts: Record<string, Translation> = {};
  for (const [lang, table] of Object.entries(ui.texts)) {
    const extra: Record<string, string> = (vendorTexts as Record<string, Readonly<Record<string, string>>>)[lang] ?? {};
    const picked: Record<string, string> = {};
    const missing: string[] = [];
    for (const def of defs) {
      const key = `vendor.${def.id}.purpose`;
      if (extra[key]) picked[key] = extra[key];
      if (lang !== 'en' && def.purpose && !picked[key] && !(table as Record<string, string>)[key]) missing.push(def.id);
    }
    if (missing.length) {
      console.error(`Consentry: the "${lang}" dialog shows the purpose of ${missing.join(', ')} in English; pass vendorTexts={{ ${lang}: ${lang}VendorTexts }} (import { ${lang}VendorTexts } from '@consentry/vendors') or add "vendor.<id>.purpose" to your "${lang}" table`);
    }
    texts[lang] = { ...picked, ...table };
  }
  return { ...ui, texts };
}


export interface ConsentActions {
  acceptAll(meta?: DecisionMeta): void;
  rejectAll(meta?: DecisionMeta): void;
  update(choices: ChoiceUpdate, meta?: DecisionMeta): void;
  /** Forget the decision; the banner asks again. */
  reset(): void;
  /** Open the preferences dialog of the built-in UI; focus returns to `opener` when it closes. */
  showPreferences(opener?: HTMLElement): void;
  /** Show the banner again (the built-in UI's first layer). */
  showBanner(): void;
}

/** What the provider puts in context: a `useSyncExternalStore` source plus stable actions. */
export interface ConsentStore {
  /** The engine; null when the config was invalid and the provider failed closed. */
  readonly consent: Consent | null;
  readonly config: ResolvedConfig | null;
  subscribe(onChange: () => void): () => void;
  getSnapshot(): ConsentState;
  getServerSnapshot(): ConsentState;
  readonly actions: ConsentActions;
  /** Mounts the built-in UI, blocking, vendors, Consent Mode and proofs (client only, from an effect); returns the clean-up. */
  mount(ui: false | UIOptions | undefined, integrations?: ConsentIntegrations): () => void;
}

const noop = () => {};
const noopActions: ConsentActions = {
  acceptAll: noop,
  rejectAll: noop,
  update: noop,
  reset: noop,
  showPreferences: noop,
  showBanner: noop,
};

/**
 * The proof client is imported only when the config has `proof` (a dynamic import: the app's bundler
 * puts it in a chunk of its own that a site without a consent server never fetches).
 */
const loadProof = async (): Promise<ProofModule | null> => {
  try {
    const { createProofClient } = await import('@consentry/proof');
    return { createProofClient, getNoticeTexts };
  } catch (error) {
    console.error('Consentry: the proof client could not be loaded; no record is sent', error);
    return null;
  }
};

let closed: ConsentStore | undefined;
/** Nothing granted, nothing shown, every action a no-op: for a missing provider or a bad config. */
export function closedStore(): ConsentStore {
  if (closed) return closed;
  const state = readConsent(null, resolveConfig({}));
  closed = {
    consent: null,
    config: null,
    subscribe: () => noop,
    getSnapshot: () => state,
    getServerSnapshot: () => state,
    actions: noopActions,
    mount: () => noop,
  };
  return closed;
}

/**
 * Creates the engine once per provider. Never throws: an invalid config is logged with its paths
 * and the store fails closed (nothing granted, no banner), as the script tag does.
 */
export function createConsentStore(
  config: ConsentConfig,
  options: ConsentOptions = {},
  initialState?: ConsentState,
  vendors: readonly VendorDefinition[] = [],
): ConsentStore {
  let consent: Consent;
  try {
    // The app's catalog vendors validate their config (id formats, options) like the script tag's.
    consent = createConsent(config, vendors.length && !options.catalog ? { ...options, catalog: toCatalogLookup(vendors) } : options);
  } catch (error) {
    console.error(`Consentry: ${error instanceof Error ? error.message : String(error)} (nothing optional is granted until the config is fixed)`);
    return closedStore();
  }
  // What the server rendered: the request's cookie when the app passed it, else "undecided"
  // (a server without the cookie cannot know more), so hydration always matches.
  const serverState = initialState ?? readConsent(null, consent.config, options.now ? { now: options.now } : {});
  // Proofs record from the start, not from the mount: a child's effect runs before the provider's,
  // and a decision it makes must be on file too.
  if (typeof document !== 'undefined') startProof(consent, loadProof);
  let assembly: Assembly | null = null;

  return {
    consent,
    config: consent.config,
    subscribe: (onChange) => consent.subscribe(() => onChange()),
    getSnapshot: () => consent.getState(),
    getServerSnapshot: () => serverState,
    actions: {
      // Core announces every new state (a reset after a refusal too); React and the UI both listen.
      acceptAll: (meta) => consent.acceptAll(meta),
      rejectAll: (meta) => consent.rejectAll(meta),
      update: (choices, meta) => consent.update(choices, meta),
      reset: () => consent.reset(),
      showPreferences: (opener) => assembly?.showPreferences(opener),
      showBanner: () => assembly?.showBanner(),
    },
    mount(uiOptions, integrations = {}) {
      if (typeof document === 'undefined') return noop;
      const defs = (integrations.vendors ?? []).filter((d) => consent.config.vendors[d.id]);
      // The same assembly as the script tag, with every part already in the bundle.
      const mounted = assemble(consent, {
        rules: toBlockerRules(integrations.vendors ?? [], consent.config.vendors),
        ...(integrations.blocking === false ? { blocking: false } : {}),
        vendors: defs.map((def) => ({ id: def.id, name: def.name, load: () => def })),
        ui: uiOptions === false ? false : withVendorTexts(uiOptions ?? {}, defs, integrations.vendorTexts),
        experience: () => ({ startExperience }),
        proof: loadProof,
        check: checkVendorConfig,
      });
      assembly = mounted;
      return () => {
        mounted.destroy();
        if (assembly === mounted) assembly = null;
      };
    },
  };
}

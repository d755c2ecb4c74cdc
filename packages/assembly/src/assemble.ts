import type { VendorRule } from '@consentry/blocker';
import type { Consent } from '@consentry/core';
import { detectLanguage, LANGUAGES, type ConsentUI, type Translation, type UIOptions, type VendorInfo } from '@consentry/ui';
import { siteServices, toVendorInfo, type checkVendorConfig, type VendorDefinition } from '@consentry/vendors';
import type { Experience, startExperience } from './experience.js';
import { startGuard } from './guard.js';
import { settle, type Maybe } from './maybe.js';
import { startProof, type NoticeInput, type ProofModule } from './proof.js';

/** What stage 2 carries (the script tag's dist/chunks/experience.js; React imports it). */
export interface ExperienceModule {
  startExperience: typeof startExperience;
}

/** Where each part comes from: imported (React) or fetched beside consentry.min.js (script tag). */
export interface AssemblyParts {
  /** Blocking data (hosts, cookies, storage keys) for every vendor the blocker should hold. */
  rules: VendorRule[];
  /** `false` turns off gating, automatic blocking and the guards. */
  blocking?: boolean;
  /** The configured catalog vendors: the name the dialog shows if the definition cannot arrive, and how to get it. */
  vendors: Array<{ id: string; name: string; load: () => Maybe<VendorDefinition | null> }>;
  /** Fetches a language table the UI does not carry (script tag); omitted when the app passes `ui.texts`. */
  language?: (lang: string) => Maybe<Record<string, string> | null>;
  /** `false`: no built-in banner and dialog. */
  ui: false | UIOptions;
  experience: () => Maybe<ExperienceModule | null>;
  proof: () => Maybe<ProofModule | null>;
  /**
   * Checks a configured vendor's options against its full definition before its loader may run
   * (`checkVendorConfig`: core's validator). A config checked ahead of time (the compiled guard)
   * passes `() => null`, so its stage 1 carries no validator.
   */
  check: typeof checkVendorConfig;
}

export interface Assembly {
  /** The mounted UI, null until it mounts (and for good when it cannot load). */
  readonly ui: ConsentUI | null;
  /** Opens the dialog now, or as soon as the UI has mounted. */
  showPreferences(opener?: HTMLElement): void;
  showBanner(): void;
  getReceipts(): unknown[];
  /** Removes the UI, loaders, guards and listeners (the proof recorder stays with the engine). */
  destroy(): void;
}

const PLACEHOLDER_KEYS = ['placeholder.title', 'placeholder.text', 'placeholder.button'] as const;

/**
 * The one wiring of the browser parts, shared by the script tag and the React provider, in this order:
 * Consent Mode defaults → blocker (gating, automatic blocking, guards, clean-up; releases what was
 * granted) → proof recorder → vendor definitions → language table → stage 2 (vendor loaders, UI).
 * Everything up to the recorder runs synchronously here; the rest starts now and lands as it arrives.
 */
export function assemble(consent: Consent, parts: AssemblyParts): Assembly {
  // The site's own services are gated, cleaned, disclosed and recorded as catalog vendors are.
  const own = siteServices(consent.config.vendors);
  const guard = startGuard(consent, { rules: [...parts.rules, ...own.rules], ...(parts.blocking === false ? { blocking: false } : {}) });
  const proof = startProof(consent, parts.proof);

  // Filled as definitions arrive; the dialog and the proof's notice read it.
  const infos: VendorInfo[] = [...own.infos];
  const vendors = parts.vendors.map(({ id, name, load }) => {
    const definition = load();
    settle(definition, (def) =>
      // Without its file the dialog still names the vendor (its switch works; its code never runs).
      infos.push(def ? toVendorInfo(def) : { id, name, category: consent.config.vendors[id]!.category, purpose: '', cookies: [] }),
    );
    return { id, definition };
  });

  const uiOptions = parts.ui;
  const language = detectLanguage(consent.config.language);
  const fetchTable = parts.language && uiOptions && language !== 'en' && (LANGUAGES as readonly string[]).includes(language) && !uiOptions.texts?.[language];
  const table = fetchTable ? parts.language!(language) : null;
  let tableValue: Record<string, string> | null = null;
  settle(table, (t) => (tableValue = t));
  const options = (): UIOptions => {
    const base = uiOptions || {};
    return { vendors: infos, settled: arrived, ...base, ...(tableValue ? { texts: { ...base.texts, [language]: tableValue as Translation } } : {}) };
  };

  let mounted: ConsentUI | null = null;
  const pending: Array<(ui: ConsentUI) => void> = [];
  const notice = (): NoticeInput => ({ ...(mounted ? { language: mounted.language } : {}), options: { vendors: infos.slice(), texts: options().texts ?? {} } });
  const arrived = Promise.all([...vendors.map((v) => Promise.resolve(v.definition).catch(() => null)), Promise.resolve(table).catch(() => null)]);
  proof.attach({ shown: () => (mounted ? notice() : null), settled: () => arrived.then(notice) });

  let experience: Experience | null = null;
  let destroyed = false;
  const stage2 = parts.experience();
  settle(stage2, (mod) => {
    if (!mod || destroyed) return; // already logged: no banner, nothing optional is granted by it
    experience = mod.startExperience(consent, {
      guard,
      vendors,
      check: parts.check,
      // A file that just arrived: vendor loaders in this task, the banner in the next, so neither
      // is one long task. Parts already in the bundle (React) mount at once, inside the effect.
      ...(stage2 instanceof Promise ? { schedule: (fn: () => void) => void setTimeout(fn, 0) } : {}),
      ui: uiOptions && options,
      table,
      onMount(ui) {
        mounted = ui;
        // Embed placeholders were drawn in English before the visitor's table arrived.
        const texts = options().texts?.[ui.language] as Record<string, string> | undefined;
        const placeholder: Record<string, string> = {};
        for (const key of PLACEHOLDER_KEYS) if (texts?.[key]) placeholder[key] = texts[key];
        if (Object.keys(placeholder).length) guard.blocker?.setTexts(placeholder);
        for (const fn of pending.splice(0)) fn(ui);
      },
    });
  });

  return {
    get ui() {
      return mounted;
    },
    showPreferences(opener) {
      if (mounted) mounted.showPreferences(opener);
      else if (uiOptions) pending.push((ui) => ui.showPreferences(opener));
    },
    showBanner() {
      if (mounted) mounted.show();
      else if (uiOptions) pending.push((ui) => ui.show());
    },
    getReceipts: () => proof.getReceipts(),
    destroy() {
      destroyed = true;
      experience?.destroy();
      guard.destroy();
      mounted = null;
    },
  };
}

import { fnv } from './fnv.js';
import type { Jurisdiction } from './jurisdiction.js';
import {
  OPTIONAL_CATEGORIES,
  type Category,
  type ChoiceUpdate,
  type Choices,
  type ConsentState,
  type OptionalCategory,
  type ResolvedConfig,
} from './types.js';

/**
 * Every rule that decides what is granted, in one file. The engine (machine.ts, consent.ts), the
 * blocker, the vendor loaders, Consent Mode, the network wall and the framework bindings all ask
 * these functions; none of them writes a rule of its own (`test/one-policy.test.ts` checks).
 * Each rule is pure: it reads a state or choices and the resolved config, never the page.
 */

/** What a grant check can be asked about: a category, or one vendor. */
export type GrantTarget = Category | { vendor: string };

/** The stored decision as far as the rules need it (the codec's `StoredDecision` has these fields). */
export interface DecisionOnFile {
  revision: number;
  decidedAt: number;
  choices: Choices;
  /** The recipients fingerprint written with the decision (`recipientsFingerprint`). */
  vendorSet: string;
}

const DAY = 864e5;

// ── Rule 1: listed categories ────────────────────────────────────────────────────────────────────

/**
 * A category the config does not list is denied, whatever the cookie says or the caller asks:
 * the visitor was never shown it, so it cannot have been consented to. `necessary` is always listed.
 */
export function isCategoryListed(config: Pick<ResolvedConfig, 'categories'>, category: string): category is Category {
  return (config.categories as readonly string[]).includes(category);
}

/**
 * Choices read through the config (rule 1): each optional category is granted only when it is listed
 * and `wanted` says `true`. Used for a stored decision (the config may have dropped a category since)
 * and for every new decision.
 */
export function listedChoices(config: Pick<ResolvedConfig, 'categories'>, wanted: (category: OptionalCategory) => boolean | undefined): Choices {
  const out = { necessary: true } as Choices;
  for (const c of OPTIONAL_CATEGORIES) out[c] = isCategoryListed(config, c) && wanted(c) === true;
  return out;
}

/** Before any decision only `necessary` is granted, and no vendor. */
export function nothingGranted(config: Pick<ResolvedConfig, 'categories' | 'vendors'>): Pick<ConsentState, 'choices' | 'vendors'> {
  const choices = listedChoices(config, () => false);
  return { choices, vendors: vendorSwitches(config, choices) };
}

// ── Rule 2: GPC holds targeting ──────────────────────────────────────────────────────────────────

/** The browser's Global Privacy Control signal (`navigator.globalPrivacyControl`), false outside a browser. */
export function gpcSignal(): boolean {
  return typeof navigator !== 'undefined' && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
}

/** GPC counts only when the site honours it (`gpc`, on by default). */
export function gpcApplies(config: Pick<ResolvedConfig, 'gpc'>, signal: boolean): boolean {
  return config.gpc && signal;
}

/**
 * On "Accept all", GPC keeps targeting off (a sale or share opt-out, CCPA/CPRA); `held` says whether
 * it held anything back, which the decision records as `method: "gpc"` (docs/proofs.md). An explicit
 * choice in the dialog is the visitor's own and is not overridden.
 */
export function holdForGpc(choices: Choices, gpc: boolean): { choices: Choices; held: boolean } {
  return { choices: gpc ? { ...choices, targeting: false } : choices, held: gpc && choices.targeting };
}

// ── Rule 3: a vendor follows its category ────────────────────────────────────────────────────────

/**
 * Each configured vendor's switch for a new decision. A switch given explicitly wins; otherwise a vendor
 * follows its category — on a first decision, on "Accept/Reject all" (no `previous`), and whenever
 * this update switches its category — and keeps its earlier switch when its category was left alone.
 */
export function vendorSwitches(
  config: Pick<ResolvedConfig, 'vendors'>,
  choices: Choices,
  previous: Pick<ConsentState, 'status' | 'choices' | 'vendors'> | null = null,
  update: ChoiceUpdate = {},
): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const v of Object.values(config.vendors)) {
    const explicit = update.vendors?.[v.id];
    const categorySwitched = update[v.category] !== undefined && choices[v.category] !== previous?.choices[v.category];
    const follows = !previous || previous.status === 'undecided' || categorySwitched;
    out[v.id] = typeof explicit === 'boolean' ? explicit : follows ? choices[v.category] : (previous.vendors[v.id] ?? choices[v.category]);
  }
  return out;
}

// ── Rule 4: only listed vendors run ──────────────────────────────────────────────────────────────

/**
 * Only a vendor the config lists can be granted: it is then named in the dialog and in the proof.
 * A catalog vendor the site did not configure (a pasted snippet) never runs; the visitor was never told.
 */
export function isVendorListed(config: Pick<ResolvedConfig, 'vendors'>, id: string): boolean {
  return Object.prototype.hasOwnProperty.call(config.vendors, id);
}

/** A vendor runs when it is listed (rule 4), its category is granted (rule 1) and its own switch is on. */
export function isVendorGranted(state: Pick<ConsentState, 'choices' | 'vendors'>, config: ResolvedConfig, id: string): boolean {
  return isVendorListed(config, id) && isCategoryGranted(state.choices, config, config.vendors[id]!.category) && state.vendors[id] === true;
}

/** A category is granted when it is listed (rule 1) and chosen. */
export function isCategoryGranted(choices: Choices, config: Pick<ResolvedConfig, 'categories'>, category: string): boolean {
  return isCategoryListed(config, category) && choices[category] === true;
}

/**
 * The one grant check, on a state snapshot (the engine's `isGranted`, the server render, the bindings).
 * Without a config (a binding that failed closed on a bad one) only `necessary` is granted.
 */
export function isGrantedIn(state: Pick<ConsentState, 'choices' | 'vendors'>, config: ResolvedConfig | null, target: GrantTarget): boolean {
  if (!config) return target === 'necessary';
  if (typeof target === 'string') return isCategoryGranted(state.choices, config, target);
  return !!target && isVendorGranted(state, config, target.vendor);
}

// ── Rule 5: the refusal lifetime ─────────────────────────────────────────────────────────────────

/**
 * How long a decision lasts, in days: one that grants anything lasts `cookie.expiresDays` (12 months by
 * default); a refusal is remembered for the shorter `cookie.refusalExpiresDays` (6 months, CNIL), after
 * which the visitor is asked again.
 */
export function lifetimeDays(choices: Choices, config: Pick<ResolvedConfig, 'cookie'>): number {
  const grantsSomething = OPTIONAL_CATEGORIES.some((c) => choices[c]);
  return grantsSomething ? config.cookie.expiresDays : config.cookie.refusalExpiresDays;
}

/** How long the decision cookie lives after a grant and after a refusal (rule 5), in days: what a cookie declaration discloses. */
export function consentLifetimes(config: Pick<ResolvedConfig, 'cookie'>): { granted: number; refused: number } {
  const refused = listedChoices({ categories: ['necessary'] }, () => false);
  return { granted: lifetimeDays({ ...refused, functional: true }, config), refused: lifetimeDays(refused, config) };
}

/** When a decision made at `decidedAt` lapses (rule 5), in ms since the epoch. */
export function expiresAt(decidedAt: number, choices: Choices, config: Pick<ResolvedConfig, 'cookie'>): number {
  return decidedAt + lifetimeDays(choices, config) * DAY;
}

// ── Rule 6: recipients changed → re-ask ──────────────────────────────────────────────────────────

/** Four base-36 digits per category (1.7 million values) keep the cookie short; `0` is a category without vendors. */
function categoryFingerprint(config: Pick<ResolvedConfig, 'vendors'>, category: OptionalCategory): string {
  const ids = Object.values(config.vendors)
    .filter((v) => v.category === category)
    .map((v) => v.id)
    .sort();
  return ids.length ? fnv(ids.join(',')).slice(-4) : '0';
}

/**
 * Who receives each category's consent, as a fingerprint stored with the decision: one part per optional
 * category (`functional-statistics-targeting`) of its enabled vendors.
 */
export function recipientsFingerprint(config: Pick<ResolvedConfig, 'vendors'>): string {
  return OPTIONAL_CATEGORIES.map((c) => categoryFingerprint(config, c)).join('-');
}

/**
 * Consent is given to named recipients: a vendor added to (or moved into, or out of) a category the
 * decision granted asks again. A refusal, or a category left off, is not re-asked for a vendor it never
 * let in. A cookie of an earlier version has one hash for all: a grant in it is asked again once.
 */
export function recipientsChanged(stored: Pick<DecisionOnFile, 'choices' | 'vendorSet'>, config: Pick<ResolvedConfig, 'categories' | 'vendors'>): boolean {
  const parts = stored.vendorSet.split('-');
  return OPTIONAL_CATEGORIES.some((c, i) => isCategoryGranted(stored.choices, config, c) && parts[i] !== categoryFingerprint(config, c));
}

/**
 * A stored decision still holds when it was made for this config `revision` (a higher one re-asks
 * everyone), no recipient joined what it granted (rule 6), and it has not lapsed (rule 5).
 */
export function decisionHolds(stored: DecisionOnFile, config: ResolvedConfig, now: number): boolean {
  return stored.revision === config.revision && !recipientsChanged(stored, config) && now < expiresAt(stored.decidedAt, stored.choices, config);
}

// ── Rule 7: the advanced-mode exception ──────────────────────────────────────────────────────────

/**
 * The one exception to "nothing optional runs before consent": with `googleConsentMode.mode:
 * "advanced"` (the site opted in), a tag that reads Consent Mode may load before a decision and runs with
 * every type denied. Which tags read Consent Mode is declared by the vendor catalog
 * (`readsConsentMode`), not decided here; in basic mode (the default) nothing loads early.
 */
export function loadsBeforeConsent(
  config: Pick<ResolvedConfig, 'googleConsentMode'>,
  vendorId: string,
  readsConsentMode: readonly string[],
): boolean {
  return config.googleConsentMode?.mode === 'advanced' && readsConsentMode.includes(vendorId);
}

// ── Rule 8: the region's rule before a decision (docs/jurisdictions.md) ──────────────────────────

/** For TCF's `gdprApplies`: true wherever consent comes first (an opt-in rule, also for an unknown region that falls to one). */
export function gdprApplies(jurisdiction: Jurisdiction): boolean {
  return jurisdiction.rule === 'opt-in';
}

/**
 * What the visitor's region lets run while they have not decided. Opt-in: nothing (statistics too
 * under the UK exemption). Opt-out, notice, none: every listed category, except targeting when GPC
 * applies (the visitor has already opted out of sale and sharing, rule 2).
 */
export function choicesBeforeDecision(jurisdiction: Jurisdiction, config: Pick<ResolvedConfig, 'categories'>, gpc: boolean): Choices {
  if (jurisdiction.rule === 'opt-in') return listedChoices(config, (c) => c === 'statistics' && jurisdiction.analyticsExemption);
  return holdForGpc(listedChoices(config, () => true), gpc).choices;
}

/** An undecided state with the region's grants filled in; a decided state is the visitor's own and stays as it is. */
export function withJurisdiction(state: ConsentState, jurisdiction: Jurisdiction, config: ResolvedConfig, gpc: boolean): ConsentState {
  if (state.status !== 'undecided') return state;
  const choices = choicesBeforeDecision(jurisdiction, config, gpc);
  return { ...state, choices, vendors: vendorSwitches(config, choices), gpc: gpc && jurisdiction.rule !== 'opt-in' };
}

/** True when the state lets something optional run or records a decision: what Consent Mode and vendor clients must hear at start. */
export function grantsAnything(state: ConsentState): boolean {
  return state.status === 'decided' || state.choices.functional || state.choices.statistics || state.choices.targeting;
}

/** "Do not sell or share my personal information" (an opt-out region's link): the choice it makes. */
export function saleOptOut(): ChoiceUpdate {
  return { targeting: false };
}

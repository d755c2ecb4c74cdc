import type { Jurisdiction, JurisdictionsConfig, ResolvedJurisdictions } from './jurisdiction.js';

/** The four consent categories. `necessary` is always granted. */
export const CATEGORIES = ['necessary', 'functional', 'statistics', 'targeting'] as const;
export type Category = (typeof CATEGORIES)[number];
/** The categories a visitor can switch. */
export type OptionalCategory = Exclude<Category, 'necessary'>;
export const OPTIONAL_CATEGORIES: readonly OptionalCategory[] = ['functional', 'statistics', 'targeting'];

export type Choices = { necessary: true } & Record<OptionalCategory, boolean>;

/** How a decision was made; mirrors the consent record's `method`. */
export type DecisionMethod = 'accept-all' | 'reject-all' | 'custom' | 'withdraw' | 'gpc';
/** Where a decision was made; mirrors the consent record's `source`. */
export type DecisionSource = 'banner' | 'preferences' | 'api';

export interface ConsentState {
  status: 'undecided' | 'decided';
  /** Stable pseudonymous id of this visitor's consent history; null before the first decision. */
  consentId: string | null;
  /** The config revision the decision was made under (the current revision while undecided). */
  revision: number;
  choices: Choices;
  /** The visitor's switch per configured (enabled) vendor. */
  vendors: Record<string, boolean>;
  /** Epoch milliseconds of the decision, null while undecided. */
  decidedAt: number | null;
  /** Epoch milliseconds after which the decision lapses and the visitor is asked again. */
  expiresAt: number | null;
  method: DecisionMethod | null;
  /** True when the Global Privacy Control signal applied to this decision. */
  gpc: boolean;
}

/** js-cookie's own shape, so `Cookies` from js-cookie is a valid store (the default is `document.cookie` itself). */
export interface CookieAttributes {
  expires?: number | Date;
  path?: string;
  domain?: string;
  secure?: boolean;
  sameSite?: 'strict' | 'Strict' | 'lax' | 'Lax' | 'none' | 'None';
}
export interface CookieStore {
  get(name: string): string | undefined;
  set(name: string, value: string, attributes: CookieAttributes): unknown;
  remove(name: string, attributes?: CookieAttributes): void;
}

/** Catalog entry as core needs it for validation; @consentry/vendors supplies the full catalog. */
export interface CatalogEntry {
  category: OptionalCategory;
  /** Human name, for error messages. */
  name?: string;
  /** Extra config parameters the vendor takes, besides `id`, `enabled` and `category`. */
  params?: Record<string, VendorParamSpec>;
  /** Whether `id` is required and what it must look like (e.g. /^G-[A-Z0-9]+$/ for GA4). */
  id?: VendorParamSpec;
}
export interface VendorParamSpec {
  type: 'string' | 'number' | 'boolean';
  required?: boolean;
  pattern?: RegExp;
  /** Shown in errors: `expected a GA4 measurement id like G-XXXXXXX`. */
  example?: string;
}
export type VendorCatalogLookup = Readonly<Record<string, CatalogEntry>>;

export interface ConsentOptions {
  cookies?: CookieStore;
  now?: () => number;
  /** The Global Privacy Control signal; defaults to `navigator.globalPrivacyControl === true`. */
  gpc?: boolean;
  /** Vendor catalog used to validate `vendors` config; without it a vendor must declare its `category`. */
  catalog?: VendorCatalogLookup;
  /** Whether the page is served over https (sets `Secure`); defaults to `location.protocol`. */
  secure?: boolean;
  /** Follow decisions made in the site's other tabs (cross-tab.ts). Default: on in a browser with the real cookie jar. */
  crossTab?: boolean;
  /** The visitor's region (`DE`, `US-CA`) for `jurisdictions`; absent or unknown: the strictest rule named. */
  region?: string | null | undefined;
}

/** Config as a site writes it (docs/architecture.md, section 3). */
export interface ConsentConfig {
  revision?: number;
  /** `auto` (default): `<html lang>`, then the browser's languages. `browser`: the browser's first. Or a tag like `lv`. */
  language?: string;
  categories?: Partial<Record<Category, CategoryConfig | true>>;
  vendors?: Record<string, VendorConfig>;
  cookie?: CookieConfig;
  proof?: ProofConfig | false;
  googleConsentMode?: boolean | GoogleConsentModeConfig;
  gpc?: boolean;
  theme?: 'light' | 'dark' | 'auto';
  layout?: 'bar' | 'box' | 'modal';
  reopenButton?: boolean | { position?: 'bottom-left' | 'bottom-right' };
  links?: { privacyPolicy?: string; cookiePolicy?: string };
  texts?: Record<string, Record<string, string>>;
  /** Hold scripts and iframes of catalog vendors' hosts even without markup. Default true. */
  autoBlock?: boolean;
  /** Reload the page after a withdrawal, the blunt way to stop running code. Default false. */
  reloadOnWithdraw?: boolean;
  /** CSP nonce applied to the injected style and to released scripts. */
  nonce?: string;
  /** Path of the network wall's service worker on this site (`/consentry-sw.js`); `false` or absent: none. */
  serviceWorker?: string | false;
  /** Rules by region: `{ "EEA": "opt-in", "US-CA": "opt-out", "*": "notice" }` (docs/jurisdictions.md). */
  jurisdictions?: JurisdictionsConfig;
  /** IAB TCF v2.3 (docs/tcf.md): checked and run by @consentry/tcf, which then owns the first layer. */
  tcf?: unknown;
}
/** No options today: a listed category is always shown (a hidden one could not be granted lawfully). */
export type CategoryConfig = Record<string, never>;
export interface VendorConfig extends SiteServiceConfig {
  id?: string;
  enabled?: boolean;
  category?: OptionalCategory;
  [param: string]: string | number | boolean | undefined | LocalText | SiteItem[];
}
export interface CookieConfig {
  name?: string;
  domain?: string;
  path?: string;
  /** Lifetime of a decision that grants something. Default 365, at most 395 (13 months). */
  expiresDays?: number;
  /** Lifetime of a refusal (nothing optional granted). Default 182, at most 395. */
  refusalExpiresDays?: number;
}
export interface ProofConfig {
  endpoint: string;
  /** Most records kept in the offline queue. Default 50. */
  queueLimit?: number;
}
export interface GoogleConsentModeConfig {
  /** `basic` (default): Google's tags wait for consent. `advanced`: they load before it, every type denied (docs/consent-mode.md). */
  mode?: 'basic' | 'advanced';
  waitForUpdate?: number;
  urlPassthrough?: boolean;
  adsDataRedaction?: boolean;
  developerId?: string;
  /** Region-specific defaults: `{ region: ['US-CA'], statistics: true }`. */
  regions?: Array<{ region: string[] } & Partial<Record<OptionalCategory, boolean>>>;
}

/** Config after validation, with every default filled in. */
export interface ResolvedConfig {
  revision: number;
  language: string;
  /** Categories shown in the UI, in display order, `necessary` first. */
  categories: Category[];
  /** Enabled vendors only. */
  vendors: Record<string, ResolvedVendor>;
  cookie: Required<Omit<CookieConfig, 'domain'>> & { domain?: string };
  proof: ProofConfig | null;
  googleConsentMode: (Required<Omit<GoogleConsentModeConfig, 'developerId' | 'mode'>> & Pick<GoogleConsentModeConfig, 'developerId' | 'mode'>) | null;
  gpc: boolean;
  theme: 'light' | 'dark' | 'auto';
  layout: 'bar' | 'box' | 'modal';
  reopenButton: { position: 'bottom-left' | 'bottom-right' } | null;
  links: { privacyPolicy?: string; cookiePolicy?: string };
  texts: Record<string, Record<string, string>>;
  autoBlock: boolean;
  reloadOnWithdraw: boolean;
  nonce?: string;
  /** null: switched off with `false`. */
  serviceWorker?: string | null;
  /** Absent: opt-in everywhere. UK is stored as GB. */
  jurisdictions?: ResolvedJurisdictions;
  /** The `tcf` section as given; @consentry/tcf validates it. */
  tcf?: unknown;
}
export interface ResolvedVendor {
  id: string;
  category: OptionalCategory;
  /** All config params as given (`id`, vendor-specific ones), minus `enabled` and `category`. */
  params: Record<string, string | number | boolean>;
  /** A site's own service (outside the catalog) as it declared itself: disclosed, gated and cleaned like a catalog vendor. */
  service?: SiteService;
}

/** Texts of a site's own service: one for every language, or one per language tag. */
export type LocalText = string | Record<string, string>;
/** A cookie or storage key a site's own service writes. */
export interface SiteItem {
  name: string;
  /** `name` is a prefix (`draft-` matches `draft-42`). */
  prefix?: boolean;
  /** "1 year", "30 days", "session", "persistent": shown in the visitor's language. */
  lifetime: string;
}
/** The keys a site's own vendor may declare besides `category` and `enabled` (docs/configuration.md). */
export interface SiteServiceConfig {
  name?: LocalText;
  purpose?: LocalText;
  privacyPolicy?: string;
  cookies?: SiteItem[];
  localStorage?: SiteItem[];
  sessionStorage?: SiteItem[];
}
/** A site's own service after validation: texts in the default language (English, or the first given); the rest are in `texts`. */
export interface SiteService {
  name: string;
  purpose: string;
  privacyPolicy?: string;
  cookies: SiteItem[];
  localStorage: SiteItem[];
  sessionStorage: SiteItem[];
}

export interface ChoiceUpdate extends Partial<Record<OptionalCategory, boolean>> {
  vendors?: Record<string, boolean>;
}
export interface DecisionMeta {
  method?: DecisionMethod;
  source?: DecisionSource;
}

/** "Accept all" with the categories it must leave refused (the UI's empty categories, which were never offered). */
export interface AcceptAllOptions extends DecisionMeta {
  except?: readonly OptionalCategory[];
}

export interface GrantSet {
  categories: Category[];
  vendors: string[];
}
export type ConsentEvent =
  | { type: 'change'; state: ConsentState; granted: GrantSet; revoked: GrantSet }
  | { type: 'decision'; state: ConsentState; previous: ConsentState; source: DecisionSource };
export type ConsentListener = (event: ConsentEvent) => void;

export interface Consent {
  readonly config: ResolvedConfig;
  getState(): ConsentState;
  acceptAll(meta?: AcceptAllOptions): void;
  rejectAll(meta?: DecisionMeta): void;
  update(choices: ChoiceUpdate, meta?: DecisionMeta): void;
  /** Forget the decision (cookie removed, new consent id on the next decision). */
  reset(): void;
  /** Re-read the cookie and check expiry; call on tab focus for long-lived pages. */
  refresh(): void;
  isGranted(target: Category | { vendor: string }): boolean;
  /** The rule in force for this visitor's region (docs/jurisdictions.md). */
  readonly jurisdiction: Jurisdiction;
  /**
   * Sets the region once, when it was unknown at start (it arrived late): until then the strictest
   * rule held. Returns false (and changes nothing) when the region was already known.
   */
  setRegion(region: string): boolean;
  subscribe(listener: ConsentListener): () => void;
  on<T extends ConsentEvent['type']>(type: T, listener: (event: Extract<ConsentEvent, { type: T }>) => void): () => void;
}

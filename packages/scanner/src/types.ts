// The report's shape. schema/report.schema.json describes the same, for readers in any language;
// src/schema.test.ts keeps the two in step by validating real reports against the schema.
export type Category = 'necessary' | 'functional' | 'statistics' | 'targeting' | 'unknown';
export type PassName = 'none' | 'reject' | 'accept';
export type Phase = 'before-decision' | 'after-decision';
export type Severity = 'violation' | 'warning' | 'info';
export type RequestKind = 'script' | 'beacon' | 'frame' | 'other';

/** Where a classification came from. */
export type Source = 'catalog' | 'open-cookie-database' | 'cmp' | 'scanner';

export interface Classification {
  category: Category;
  /** Catalog id (`google-analytics`) when the catalog knows the vendor. */
  vendorId: string | null;
  /** A human name: the catalog's, the database's platform, or the host. */
  vendor: string | null;
  source: Source | null;
}

export interface Initiator {
  /** CDP's initiator type: parser (a tag in the HTML), script, preload, other. */
  type: string;
  /** The script that issued the request (top of the stack), or the document for parser requests. */
  script: string | null;
  /** Every distinct script URL in the initiator stack, innermost first (async parents included). */
  chain: string[];
}

export interface RequestRecord extends Classification {
  url: string;
  host: string;
  method: string;
  kind: RequestKind;
  resourceType: string;
  phase: Phase;
  /** Milliseconds since the pass's navigation started. */
  t: number;
  initiator: Initiator;
}

export interface CookieRecord extends Classification {
  name: string;
  domain: string;
  path: string;
  firstParty: boolean;
  /** null: a session cookie. */
  lifetimeDays: number | null;
  /** Lifetime beyond the 13-month ceiling. */
  tooLong: boolean;
  phase: Phase;
  /** The script (or HTTP response) that wrote it, when seen. */
  writtenBy: string | null;
  /** The database's stated retention, for comparison. */
  expectedRetention: string | null;
}

export interface StorageRecord extends Classification {
  area: 'localStorage' | 'sessionStorage' | 'indexedDB';
  origin: string;
  key: string;
  phase: Phase;
  writtenBy: string | null;
}

export interface ControlInfo {
  /** How it was found: a CMP's known selector, or its accessible name. */
  by: 'markup' | 'accessible-name';
  selector: string | null;
  text: string;
  tag: string;
}

export interface CmpAction {
  /** What the pass asked for. */
  wanted: 'accept' | 'reject' | null;
  clicked: boolean;
  control: ControlInfo | null;
  /** ms since navigation start. */
  at: number | null;
  note: string | null;
  /** The page the decision was made on: this one, or an earlier one whose storage this pass carries. */
  decidedOn: string | null;
}

export interface PassReport {
  pass: PassName;
  ok: boolean;
  error: string | null;
  action: CmpAction;
  requests: RequestRecord[];
  cookies: CookieRecord[];
  storage: StorageRecord[];
  /** Requests to the page's own site, counted but not listed. */
  firstPartyRequests: number;
}

export interface PageReport {
  url: string;
  /** HTTP status of the document, null when it did not load. */
  status: number | null;
  depth: number;
  passes: { none: PassReport; reject: PassReport | null; accept: PassReport | null };
  /** Why a pass was not run. */
  notes: string[];
}

export interface Prominence {
  equal: boolean;
  differences: string[];
}

export interface CmpReport {
  found: boolean;
  /** `Consentry`, `vanilla-cookieconsent`, … or `unknown` when only names matched. */
  name: string | null;
  accept: ControlInfo | null;
  reject: ControlInfo | null;
  /** Reject offered beside Accept without opening anything. */
  firstLayerReject: boolean;
  prominence: Prominence | null;
}

export interface Verdict {
  id: string;
  severity: Severity;
  title: string;
  detail: string;
  /** The cookie, vendor or host the verdict is about. */
  subject: string | null;
  pages: string[];
  /** Anchor in docs/scanner.md. */
  fix: string;
}

export interface VendorFound extends Classification {
  hosts: string[];
  /** Config params read from the requests (`{ id: "G-…" }`). */
  params: Record<string, string>;
  passes: PassName[];
  beforeConsent: boolean;
}

export interface ScanReport {
  $schema: string;
  schemaVersion: 1;
  tool: { name: '@consentry/scanner'; version: string };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  target: { url: string; origin: string };
  options: {
    pages: number;
    concurrency: number;
    ratePerSecond: number;
    robots: 'honoured' | 'ignored';
    browser: string;
    lifetimeCeilingDays: number;
  };
  summary: { pagesScanned: number; violations: number; warnings: number; clean: boolean };
  verdicts: Verdict[];
  cmp: CmpReport;
  vendors: VendorFound[];
  pages: PageReport[];
  skipped: Array<{ url: string; reason: string }>;
  screenshots: { desktop: string | null; mobile: string | null };
}

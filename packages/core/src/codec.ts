import { fnv } from './fnv.js';
import { OPTIONAL_CATEGORIES, type Choices, type DecisionMethod, type ResolvedConfig } from './types.js';

/**
 * What the consent cookie holds (docs/architecture.md, section 4).
 * Encoding only: what a decision means and how long it holds is policy.ts.
 * Encoded as `1.<id>.<rev>.<ts>.<cats>.<method><gpc>.<vendorSet>.<overrides>.<checksum>`:
 * - id: the consent id as 32 hex digits; rev and ts in base 36; cats a 0–7 bit mask;
 * - vendorSet: the recipients fingerprint at decision time (`recipientsFingerprint` in policy.ts,
 *   which also decides when a change of recipients re-asks);
 * - overrides: only the vendors whose switch differs from their category, `_`-separated,
 *   `~` marking "off", so a full decision stays far under 200 bytes however many vendors.
 * - a final checksum of everything before it, so a truncated or edited value is rejected
 *   (it cannot stop a visitor forging their own cookie, which only changes their own choice).
 * Every character is URL-safe, so the cookie store writes it verbatim.
 */
export interface StoredDecision {
  consentId: string;
  revision: number;
  decidedAt: number;
  choices: Choices;
  vendors: Record<string, boolean>;
  method: DecisionMethod;
  gpc: boolean;
  vendorSet: string;
}

const VERSION = '1';
const METHODS: DecisionMethod[] = ['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc'];
const METHOD_CODES = 'arcwg';
// Consentry did not exist before 2024; an earlier timestamp is a forged or broken cookie.
const EPOCH = Date.UTC(2024, 0, 1);
const DAY = 864e5;

export function encodeDecision(d: StoredDecision, config: ResolvedConfig): string {
  let mask = 0;
  OPTIONAL_CATEGORIES.forEach((c, i) => {
    if (d.choices[c]) mask |= 1 << i;
  });
  const overrides = Object.values(config.vendors)
    .filter((v) => (d.vendors[v.id] ?? false) !== d.choices[v.category])
    .map((v) => (d.vendors[v.id] ? v.id : `~${v.id}`))
    .join('_');
  const body = [
    VERSION,
    d.consentId.replace(/-/g, ''),
    d.revision.toString(36),
    d.decidedAt.toString(36),
    mask,
    METHOD_CODES[METHODS.indexOf(d.method)]! + +d.gpc,
    d.vendorSet,
    overrides,
  ].join('.');
  return `${body}.${fnv(body)}`;
}

/** 32 hex digits back to the 8-4-4-4-12 form. */
export const toUuid = (hex: string) => hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');

// The whole grammar in one expression: anything else is not a decision.
const VALUE =
  /^1\.([\da-f]{32})\.([\da-z]{1,9})\.([\da-z]{1,12})\.([0-7])\.([arcwg])([01])\.([\da-z]{1,9}(?:-[\da-z]{1,9}){0,2})\.((?:~?[a-z\d][a-z\d-]{0,63}(?:_|(?=\.)))*)\.[\da-z]+$/;

/**
 * Parses a cookie value; anything malformed, of another version or impossible is `null`
 * (no decision), never an exception: a tampered cookie must grant nothing.
 */
export function decodeDecision(value: unknown, config: ResolvedConfig, now: number): StoredDecision | null {
  const m = typeof value === 'string' && value.length < 1024 && VALUE.exec(value);
  if (!m || value !== `${value.slice(0, value.lastIndexOf('.'))}.${fnv(value.slice(0, value.lastIndexOf('.')))}`) return null;
  const [, id, rev, ts, mask, how, gpc, vendorSet, overrides] = m as unknown as string[];
  const decidedAt = parseInt(ts!, 36);
  // A decision from the future (beyond a day of clock skew) cannot be genuine.
  if (!(decidedAt >= EPOCH && decidedAt <= now + DAY)) return null;
  const choices = { necessary: true } as Choices;
  OPTIONAL_CATEGORIES.forEach((c, i) => {
    choices[c] = ((+mask! >> i) & 1) === 1;
  });
  const flipped: Record<string, boolean> = {};
  for (const item of overrides!.split('_')) if (item) flipped[item.replace('~', '')] = item[0] !== '~';
  const vendors: Record<string, boolean> = {};
  for (const v of Object.values(config.vendors)) vendors[v.id] = flipped[v.id] ?? choices[v.category];
  return {
    consentId: toUuid(id!),
    revision: parseInt(rev!, 36),
    decidedAt,
    choices,
    vendors,
    method: METHODS[METHOD_CODES.indexOf(how!)]!,
    gpc: gpc === '1',
    vendorSet: vendorSet!,
  };
}

/**
 * Rules by jurisdiction (docs/jurisdictions.md): the config's region rules, checked, and which one
 * holds for the visitor's region. What a rule grants before a decision is policy.ts's (rule 8).
 */
import type { ResolvedConfig } from './types.js';

/** `opt-in`: nothing optional before consent. `opt-out`: runs until the visitor (or GPC) opts out. `notice`: runs, the banner informs. `none`: runs, no banner. */
export type JurisdictionRule = 'opt-in' | 'opt-out' | 'notice' | 'none';
export const JURISDICTION_RULES: readonly JurisdictionRule[] = ['opt-in', 'opt-out', 'notice', 'none'];

export interface JurisdictionRuleConfig {
  rule: JurisdictionRule;
  /** UK only (Data (Use and Access) Act 2025): statistics run before consent; the visitor can object. */
  analyticsExemption?: boolean;
}
/** Region code (`DE`, `US-CA`), group (`EU`, `EEA`), `UK` (read as `GB`) or `*` (every other known region) → rule. */
export type JurisdictionsConfig = Record<string, JurisdictionRule | JurisdictionRuleConfig>;
export type ResolvedJurisdictions = Record<string, Required<JurisdictionRuleConfig>>;

/** What holds for this visitor. `region` is null when unknown (then the strictest rule named). */
export interface Jurisdiction {
  region: string | null;
  /** The config key that matched (`US-CA`, `EEA`, `*`), or null when the strictest rule stood in. */
  matched: string | null;
  rule: JurisdictionRule;
  analyticsExemption: boolean;
}

// The EU's 27, then the rest of the EEA; two-letter codes in one string (no bytes for arrays).
const EEA = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO';
const EU = EEA.slice(0, 80);
const CODE = /^[A-Z]{2}(-[A-Z\d]{1,3})?$/;

/** `uk`, `GB`, `us-ca` → `GB`, `GB`, `US-CA`; anything else that is not an ISO 3166 code → null. */
export function normalizeRegion(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const code = input.trim().toUpperCase().replace(/^UK(?=$|-)/, 'GB');
  // Cloudflare's "unknown" (XX) is no region (its Tor "T1" fails the pattern).
  return CODE.test(code) && !code.startsWith('XX') ? code : null;
}

// Strictest first: an unknown region gets the first one the config names.
const strictness = (r: Required<JurisdictionRuleConfig>) => JURISDICTION_RULES.indexOf(r.rule) * 2 + +r.analyticsExemption;

type Report = (path: string, message: string) => void;

/** Validates `jurisdictions` with a path for every problem; absent → undefined (opt-in everywhere, as before). */
export function validateJurisdictions(v: unknown, path: string, report: Report): ResolvedJurisdictions | undefined {
  if (v === undefined) return undefined;
  const out: ResolvedJurisdictions = {};
  const given = (typeof v === 'object' && !Array.isArray(v) && v) || {};
  if (!Object.keys(given).length) report(path, 'expected regions and rules like { "EEA": "opt-in", "US-CA": "opt-out", "*": "none" }');
  for (const [key, raw] of Object.entries(given)) {
    const at = `${path}.${key}`;
    // Keys are written as ISO writes them (upper case); UK is read as GB.
    const code = key === '*' || key === 'EU' || key === 'EEA' ? key : CODE.test(key) && normalizeRegion(key);
    const { rule, analyticsExemption = false, ...rest } = (typeof raw === 'string' ? { rule: raw } : raw ?? {}) as Record<string, unknown>;
    if (!code) report(at, 'expected a region code: DE, US-CA, EU, EEA, UK or *');
    else if (!JURISDICTION_RULES.includes(rule as JurisdictionRule)) report(at, `expected ${JURISDICTION_RULES.join(' | ')}, got ${JSON.stringify(raw)}`);
    else if (Object.keys(rest).length || typeof analyticsExemption !== 'boolean') report(at, 'expected { "rule": …, "analyticsExemption": true|false }');
    // The exemption is the UK's (Data (Use and Access) Act 2025), and only relaxes its opt-in.
    else if (analyticsExemption && (code !== 'GB' || rule !== 'opt-in')) report(`${at}.analyticsExemption`, 'only for "UK": { "rule": "opt-in", … }');
    else if (out[code]) report(at, 'UK and GB are one region');
    else out[code] = { rule: rule as JurisdictionRule, analyticsExemption };
  }
  return out;
}

/** Which rule holds for `region` (a code, or null/unknown). Without `jurisdictions`, opt-in everywhere. */
export function jurisdictionFor(config: Pick<ResolvedConfig, 'jurisdictions'>, region: unknown): Jurisdiction {
  const rules = config.jurisdictions;
  const code = normalizeRegion(region);
  const hit = (key: string | null): Jurisdiction | null =>
    key && rules?.[key] ? { region: code, matched: key, rule: rules[key].rule, analyticsExemption: rules[key].analyticsExemption } : null;
  if (!rules || !Object.keys(rules).length) return { region: code, matched: null, rule: 'opt-in', analyticsExemption: false };
  if (code) {
    const country = code.slice(0, 2);
    const found = hit(code) ?? hit(country) ?? hit(EU.includes(country) ? 'EU' : null) ?? hit(EEA.includes(country) ? 'EEA' : null) ?? hit('*');
    if (found) return found;
  }
  // Fail closed: an unknown region (or one the config does not cover) gets the strictest rule it names.
  const strictest = Object.values(rules).sort((a, b) => strictness(a) - strictness(b))[0]!;
  return { region: code, matched: null, ...strictest };
}

import { INERT_CONFIG, type Boot, type ConfigReader, type ResolvedConfig, type VendorRule } from '@consentry/assembly';
import { fnv } from '@consentry/core';

/** The version of the compiled config this guard reads; another version is refused whole. */
export const COMPILED_FORMAT = 'consentry-compiled/1';
/** Where `bakeGuard` puts the compiled config in dist/consentry.compiled.js (a global nobody defines). */
export const BAKE_MARKER = '__CONSENTRY_COMPILED__';

/**
 * A config checked ahead of time by `consentry-build` (compile.ts): already resolved, with only the
 * configured vendors' rules and names, so the compiled guard carries no validator and no catalog.
 */
export interface CompiledConfig {
  format: typeof COMPILED_FORMAT;
  /** A fingerprint of the rest: a compiled config edited by hand after the check is refused. */
  sum: string;
  config: ResolvedConfig;
  /** The configured catalog vendors' rules (hosts, cookies, storage keys), as the blocker reads them. */
  rules: VendorRule[];
  /** The hosts of every catalog vendor the site did not configure, space-separated: held, never granted. */
  hold: string;
  /** The configured catalog vendors, [id, name], for the dialog until a vendor's file arrives. */
  vendors: Array<[id: string, name: string]>;
  /** The config keys the network wall decodes the consent cookie with, as JSON. */
  wall: string;
}

type Body = Omit<CompiledConfig, 'format' | 'sum'>;

/** The fingerprint `sum` holds; JSON as parsed and as built serialise the same. */
export const compiledSum = (c: Body): string => fnv(JSON.stringify([c.config, c.rules, c.hold, c.vendors, c.wall]));


/** Unlisted catalog vendors: one rule no config names, so nothing ever grants it. */
const unlisted = (hold: unknown): VendorRule[] =>
  typeof hold === 'string' && hold ? [{ id: '(unlisted)', category: 'targeting', hosts: hold.split(' '), cookies: [] }] : [];

/**
 * The compiled guard's reader: no validation beyond the format and the fingerprint; a compiled
 * config it cannot trust releases nothing (the caller logs why and holds what it can read of it).
 */
export const compiledReader: ConfigReader = {
  read(raw): Boot {
    const c = raw as CompiledConfig | null;
    if (!c || c.format !== COMPILED_FORMAT) {
      throw new Error(`this guard reads a config compiled by consentry-build (format ${COMPILED_FORMAT}), got ${c && typeof c === 'object' ? `format ${JSON.stringify(c.format)}` : typeof c}. Rebuild it with consentry-build, or use consentry.min.js for a config written in the page. Nothing optional will run.`);
    }
    if (compiledSum(c) !== c.sum) throw new Error('the compiled config was changed after consentry-build checked it (its fingerprint does not match). Rebuild it; nothing optional will run.');
    return { config: c.config, rules: [...c.rules, ...unlisted(c.hold)], vendors: c.vendors, wall: c.wall };
  },
  inert: () => INERT_CONFIG,
  // consentry-build checked every vendor's options against its full definition.
  check: () => null,
  holdRules(raw) {
    // Holding more is always safe: whatever rules an unreadable config still has are kept.
    const c = raw as Partial<CompiledConfig> | null;
    return [...(Array.isArray(c?.rules) ? c.rules.filter((r) => r && typeof r.id === 'string' && Array.isArray(r.hosts) && Array.isArray(r.cookies)) : []), ...unlisted(c?.hold)];
  },
};

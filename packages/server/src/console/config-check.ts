import { ConsentryConfigError, resolveConfig, type ConfigIssue, type VendorParamSpec } from '@consentry/core';
import { catalog, toCatalogLookup } from '@consentry/vendors';

const lookup = toCatalogLookup(catalog);

/** The SDK's own validator (core's resolveConfig with the full catalog): the same path errors as in the browser. */
export function checkSiteConfig(config: unknown): { ok: true } | { ok: false; issues: ConfigIssue[] } {
  try {
    resolveConfig(config, lookup);
    return { ok: true };
  } catch (error) {
    if (error instanceof ConsentryConfigError) return { ok: false, issues: error.issues };
    throw error;
  }
}

// Patterns travel as their source text (a RegExp has no JSON form); the server validates anyway.
const spec = (s: VendorParamSpec) => ({ type: s.type, required: s.required ?? false, pattern: s.pattern?.source ?? null, example: (s as { example?: string }).example ?? null });

/** What the console offers as switches: every catalog vendor with its category and its id's rule. */
export function catalogSummary() {
  return Object.entries(lookup)
    .map(([id, v]) => ({ id, name: v.name ?? id, category: v.category, idParam: v.id ? spec(v.id) : null }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

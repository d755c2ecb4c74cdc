import { ConsentryConfigError, resolveConfig, type ConfigIssue } from '@consentry/core';
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

/** What the console offers as switches: every catalog vendor with its category and required id. */
export function catalogSummary() {
  return Object.entries(lookup).map(([id, v]) => ({ id, name: v.name, category: v.category, idParam: v.id ?? null, params: v.params ?? {} }));
}

import { isVendorListed, resolveConfig } from '@consentry/core';
import { catalog, toBlockerRules, toCatalogLookup } from '@consentry/vendors';
import type { Boot } from './readers.js';

/**
 * A config checked against the whole catalog for a build step (consentry-build, the consent server):
 * the full validator and every configured vendor's own definition (the shape of its `id`, required
 * options); resolved, with the configured vendors' rules and names, and the hosts of every catalog
 * vendor the site did not configure (held for good). Throws `ConsentryConfigError` with every path.
 * Build time or on a server; never in a page.
 */
export function catalogBoot(input: unknown): Boot & { hold: string } {
  const config = resolveConfig(input, toCatalogLookup(catalog));
  const listed = (id: string) => isVendorListed(config, id);
  const all = toBlockerRules(catalog, config.vendors);
  return {
    config,
    rules: all.filter((rule) => listed(rule.id)),
    hold: [...new Set(all.filter((rule) => !listed(rule.id)).flatMap((rule) => rule.hosts))].join(' '),
    vendors: Object.keys(config.vendors)
      .filter((id) => Object.prototype.hasOwnProperty.call(catalog, id))
      .map((id): [string, string] => [id, catalog[id]!.name]),
  };
}

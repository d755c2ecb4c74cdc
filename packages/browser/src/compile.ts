import { catalogBoot } from '@consentry/assembly';
import { BAKE_MARKER, COMPILED_FORMAT, compiledSum, type CompiledConfig } from './compiled.js';
import { wallSlice } from './service-worker.js';

export { BAKE_MARKER, COMPILED_FORMAT, type CompiledConfig };

/**
 * Checks a site's config with the full validator and every configured vendor's own definition (the
 * shape of its `id`, required options), and compiles it for the compiled guard: resolved, with only
 * the configured vendors' rules and names, the unlisted catalog vendors' hosts (held for good) and
 * the service worker's slice. Throws `ConsentryConfigError` (every issue with its config path).
 * Build time or on the consent server; never in a page.
 */
export function compileConfig(input: unknown): CompiledConfig {
  const { config, rules, hold, vendors } = catalogBoot(input);
  const body = { config, rules, hold, vendors, wall: wallSlice(input) };
  // As the page will parse it: a value JSON cannot carry must not change the fingerprint.
  const plain = JSON.parse(JSON.stringify(body)) as typeof body;
  return { format: COMPILED_FORMAT, sum: compiledSum(plain), ...plain };
}

/** JSON that is also safe inside an inline `<script>` and in any JavaScript string. */
const scriptSafe = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * A site's guard: `template` (the text of dist/consentry.compiled.js) with the site's config checked
 * and compiled (`compileConfig`) baked in, to be served as one file beside dist/chunks, dist/vendors
 * and dist/i18n. Throws `ConsentryConfigError` for an invalid config, and an Error when the template
 * is not a compiled guard.
 */
export function bakeGuard(input: unknown, template: string): string {
  const parts = template.split(BAKE_MARKER);
  if (parts.length !== 2) throw new Error(`bakeGuard: the template is not dist/consentry.compiled.js (it must name ${BAKE_MARKER} exactly once, found ${parts.length - 1})`);
  return `${parts[0]}(${scriptSafe(compileConfig(input))})${parts[1]}`;
}

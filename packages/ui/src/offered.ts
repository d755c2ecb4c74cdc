import { isVendorListed, type Category, type Consent, type OptionalCategory } from '@consentry/core';

/**
 * The categories the UI asks about: necessary, and each listed optional category that has something
 * in it — an enabled vendor, or markup on the page that names it (`data-category="functional"` on a
 * gated script or iframe, or on any element a site adds to declare code that checks the category).
 * An empty category is not offered, and the UI's "Accept all" does not grant it: nothing undisclosed
 * can start under it later. A pasted tag the blocker held by its host (`data-consentry="held"`) for
 * a vendor the config does not name may belong to any category, so then every listed one is offered.
 */
export function offeredCategories(consent: Consent): Category[] {
  const { config } = consent;
  if (heldOfUnknownCategory(consent)) return config.categories;
  return config.categories.filter(
    (c) =>
      c === 'necessary' ||
      Object.values(config.vendors).some((v) => v.category === c) ||
      (typeof document !== 'undefined' && document.querySelector(`[data-category="${c}"]`) !== null),
  );
}

/** Optional categories listed in config but not offered (empty), which UI decisions keep refused. */
export function emptyCategories(consent: Consent, offered: readonly Category[]): OptionalCategory[] {
  return consent.config.categories.filter((c): c is OptionalCategory => c !== 'necessary' && !offered.includes(c));
}

function heldOfUnknownCategory(consent: Consent): boolean {
  if (typeof document === 'undefined') return false;
  return Array.from(document.querySelectorAll('[data-consentry="held"][data-vendor]:not([data-category])')).some(
    (el) => !isVendorListed(consent.config, el.getAttribute('data-vendor') ?? ''),
  );
}

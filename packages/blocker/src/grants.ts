import { OPTIONAL_CATEGORIES } from '@consentry/core';
import type { Consent, OptionalCategory } from '@consentry/core';
import type { VendorRule } from './types.js';

/**
 * One definition of "may this vendor run", shared by the blocker, the vendor loader and Consent Mode:
 * only a vendor the config lists can be granted (it is then named in the dialog and in the proof), and
 * then by core (its category and its own switch). A catalog vendor the site did not configure (a pasted
 * snippet) never runs: the visitor was never told about it.
 */
export function isVendorGranted(consent: Consent, id: string, _category?: OptionalCategory): boolean {
  return Object.prototype.hasOwnProperty.call(consent.config.vendors, id) && consent.isGranted({ vendor: id });
}

const told = new WeakMap<Consent, Set<string>>();

/** Once per vendor and page: the site owner must list it, or it never runs. */
export function reportUnlisted(consent: Consent, vendor: string): void {
  const seen = told.get(consent) ?? new Set<string>();
  told.set(consent, seen);
  if (seen.has(vendor)) return;
  seen.add(vendor);
  console.error(`Consentry: vendor "${vendor}" stays blocked: it is not in your config. Add it to "vendors" so visitors are told about it and can allow it.`);
}

export function isOptionalCategory(value: string | null | undefined): value is OptionalCategory {
  return !!value && (OPTIONAL_CATEGORIES as readonly string[]).includes(value);
}

export interface MarkupTarget {
  category: OptionalCategory | null;
  vendor: string | null;
  /** For the placeholder: vendor name, else null. */
  name: string | null;
}

/** Reads `data-category` / `data-vendor` from gated markup. */
export function readMarkupTarget(el: Element, consent: Consent, ruleById: ReadonlyMap<string, VendorRule>): MarkupTarget {
  const vendor = el.getAttribute('data-vendor');
  const rawCategory = el.getAttribute('data-category');
  const rule = vendor ? ruleById.get(vendor) : undefined;
  const configured = vendor ? consent.config.vendors[vendor] : undefined;
  const category = isOptionalCategory(rawCategory) ? rawCategory : (configured?.category ?? rule?.category ?? null);
  return { category, vendor, name: rule?.name ?? null };
}

/**
 * Markup is granted when every condition it names holds; an unknown category, or a vendor the config does
 * not list, stays held (fail closed).
 */
export function isMarkupGranted(el: Element, consent: Consent, ruleById: ReadonlyMap<string, VendorRule>): boolean {
  const vendor = el.getAttribute('data-vendor');
  const category = el.getAttribute('data-category');
  if (category !== null && category !== 'necessary' && !(isOptionalCategory(category) && consent.isGranted(category))) return false;
  if (vendor) {
    if (!Object.prototype.hasOwnProperty.call(consent.config.vendors, vendor)) {
      reportUnlisted(consent, vendor);
      return false;
    }
    return consent.isGranted({ vendor });
  }
  return category !== null;
}

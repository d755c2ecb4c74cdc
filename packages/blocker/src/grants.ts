import { OPTIONAL_CATEGORIES } from '@consentry/core';
import type { Consent, OptionalCategory } from '@consentry/core';
import type { VendorRule } from './types.js';

/**
 * One definition of "may this vendor run", shared by the blocker, the vendor loader and Consent Mode:
 * a configured vendor follows core (its category and its own switch); a catalog vendor the site did
 * not configure (a pasted snippet) follows its category.
 */
export function isVendorGranted(consent: Consent, id: string, category: OptionalCategory): boolean {
  return Object.prototype.hasOwnProperty.call(consent.config.vendors, id)
    ? consent.isGranted({ vendor: id })
    : consent.isGranted(category);
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

/** Markup is granted when every condition it names holds; an unknown category or vendor stays held (fail closed). */
export function isMarkupGranted(el: Element, consent: Consent, ruleById: ReadonlyMap<string, VendorRule>): boolean {
  const vendor = el.getAttribute('data-vendor');
  const category = el.getAttribute('data-category');
  if (category !== null && category !== 'necessary' && !(isOptionalCategory(category) && consent.isGranted(category))) return false;
  if (vendor) {
    const rule = ruleById.get(vendor);
    if (rule) return isVendorGranted(consent, vendor, rule.category);
    return consent.isGranted({ vendor });
  }
  return category !== null;
}

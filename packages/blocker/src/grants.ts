import { OPTIONAL_CATEGORIES, isVendorListed } from '@consentry/core';
import type { Category, Consent, OptionalCategory } from '@consentry/core';
import type { VendorRule } from './types.js';

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
 * Markup is granted when every condition it names holds, each asked of core's policy (an unknown
 * category, or a vendor the config does not list, stays held); markup that names neither stays held.
 */
export function isMarkupGranted(el: Element, consent: Consent, ruleById: ReadonlyMap<string, VendorRule>): boolean {
  const vendor = el.getAttribute('data-vendor');
  const category = el.getAttribute('data-category');
  if (category !== null && !consent.isGranted(category as Category)) return false;
  if (vendor) {
    if (!isVendorListed(consent.config, vendor)) reportUnlisted(consent, vendor);
    return consent.isGranted({ vendor });
  }
  return category !== null;
}
